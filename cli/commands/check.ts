import { mkdir, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { imageHostsFor } from '../../shared/endpoint-rules.ts';
import { SCOPES } from '../../shared/environments.ts';
import { DOCUMENT_SLOTS, type DocumentsResult, type DocumentSlot } from '../../shared/ipc.ts';
import { DocumentHolding, handOver } from '../../core/documents/holding.ts';
import { loadDocuments } from '../../core/documents/loader.ts';
import { parseAllowedHost } from '../../core/documents/url-guard.ts';
import { defineCommand } from '../command.ts';
import { analysisLines, analyzeHeld } from './analysis-output.ts';
import { EXIT, exitCodeFor } from '../exit-codes.ts';
import { messageFor } from '../i18n/index.ts';
import type { CliStrings } from '../i18n/index.ts';

/**
 * `idlens check`: signs in, calls the id-verification endpoint, downloads and validates the
 * images, and prints the session fields and, per document, `null` or its byte length, dimensions
 * and SHA-256. Never a URL or a token. Images reach the disk only with `--save-dir DIR`
 * (files `<slot>-<sha256 prefix>.jpg`, created exclusively with mode 0600). A file that is in
 * the way is named, nothing is overwritten, the results are printed anyway, and the exit code
 * is 2. A missing back side is said in words: a single-sided document has only a front.
 *
 * Exit codes: 0 verified and every image valid; 3 not verified; 4 sign-in/authorization
 * (including a missing scope); 5 network or server (including 429 after backing off, 5xx, an
 * image link that expired twice, and an image download that failed or timed out — even when other
 * images were refused, so a script can tell "retry later" from "invalid"); 6 invalid data
 * (malformed body, an image or URL refused).
 */

/**
 * A host name or IP address, with an optional port (`host:8443`, `[v6]:8443`) — matched exactly
 * against URL hosts; without a port only 443 is allowed (the guard's rule, `parseAllowedHost`).
 */
const HostSchema = z
  .string()
  .trim()
  .min(1)
  .max(260)
  .transform((h) => h.toLowerCase())
  .refine((h) => {
    const entry = parseAllowedHost(h);
    if (entry === null) return false;
    const bare = entry.host;
    return (
      isIP(bare) !== 0 ||
      /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(
        bare,
      )
    );
  }, 'must be a host name or IP address, with an optional port');

export const CheckFlagsSchema = z
  .object({
    allowImageHost: z
      .union([HostSchema, z.array(HostSchema)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    saveDir: z.string().min(1).max(4096).optional(),
    downloadTimeoutSeconds: z
      .string()
      .regex(/^\d{1,6}$/, 'must be a whole number of seconds')
      .transform(Number)
      .pipe(z.int().min(1).max(86_400))
      .optional(),
    analyze: z.boolean().default(false),
    /** Documents only: the checks leave out the face comparison (no biometric processing). */
    noFace: z.boolean().default(false),
  })
  .strict()
  .refine((flags) => !flags.noFace || flags.analyze, {
    path: ['noFace'],
    message: '--no-face applies only with --analyze',
  });

interface DocumentFacts {
  byteLength: number;
  /** As displayed: the EXIF orientation applied. */
  width: number;
  height: number;
  storedWidth: number;
  storedHeight: number;
  orientation: number;
  trailingBytes: number;
  sha256: string;
}

function facts(result: DocumentsResult): Record<DocumentSlot, DocumentFacts | null> {
  const out = {} as Record<DocumentSlot, DocumentFacts | null>;
  for (const slot of DOCUMENT_SLOTS) {
    const image = result.documents[slot];
    out[slot] = image
      ? {
          byteLength: image.byteLength,
          width: image.width,
          height: image.height,
          storedWidth: image.storedWidth,
          storedHeight: image.storedHeight,
          orientation: image.orientation,
          trailingBytes: image.trailingBytes,
          sha256: image.sha256,
        }
      : null;
  }
  return out;
}

interface Saved {
  files: string[];
  /** The file that could not be written (it existed, or the write failed). */
  failure?: { code: 'bad_argument'; message: string };
}

/** Writes each valid image exclusively (never over an existing file); stops at the first refusal. */
async function saveImages(dir: string, result: DocumentsResult, t: CliStrings): Promise<Saved> {
  const target = resolve(dir);
  const files: string[] = [];
  for (const slot of DOCUMENT_SLOTS) {
    const image = result.documents[slot];
    if (!image) continue;
    const file = join(target, `${slot}-${image.sha256.slice(0, 16)}.jpg`);
    try {
      await mkdir(target, { recursive: true, mode: 0o700 });
      await writeFile(file, image.bytes, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = code === 'EEXIST' ? t.errors.saveExists(file) : t.errors.saveFailed(file);
      return { files, failure: { code: 'bad_argument', message } };
    }
    files.push(file);
  }
  return { files };
}

export const check = defineCommand({
  name: 'check',
  summary:
    'sign in, fetch the ID-verification documents, and print their size, dimensions and SHA-256',
  flags: {
    'allow-image-host': { type: 'string', multiple: true, usage: '--allow-image-host HOST' },
    'download-timeout-seconds': { type: 'string', usage: '--download-timeout-seconds N' },
    'save-dir': { type: 'string', usage: '--save-dir DIR' },
    analyze: { type: 'boolean', usage: '--analyze' },
    'no-face': { type: 'boolean', usage: '--no-face' },
  },
  flagsSchema: CheckFlagsSchema,
  async run(ctx) {
    const { auth, status } = await ctx.signIn();
    const config = ctx.config;
    const demoLoopback = config.allowInsecureLoopback;
    // The app's rule: the listed hosts, and the demo store on loopback in demo mode.
    const hosts = imageHostsFor(ctx.flags.allowImageHost, config.environment, demoLoopback) ?? [];

    const result = await loadDocuments({
      apiBase: config.apiBase,
      getAccessToken: () => auth.getAccessToken(),
      refreshAccessToken: () => auth.refreshAccessToken(),
      // Registry data is personal: fetched only for --analyze, which compares it with the document.
      grantedScopes: ctx.flags.analyze
        ? status.scopes
        : status.scopes.filter((s) => s !== SCOPES.details),
      allowedImageHosts: hosts,
      allowLoopbackHttp: demoLoopback,
      ...(ctx.flags.downloadTimeoutSeconds !== undefined && {
        downloadTimeoutMs: ctx.flags.downloadTimeoutSeconds * 1000,
      }),
      signal: ctx.signal,
    });

    const t = ctx.t;
    const { value: exitCode } = await handOver(new DocumentHolding(), result, async (held) => {
      const documents = facts(held);
      const refused = Object.entries(held.refused);
      const saved: Saved =
        ctx.flags.saveDir && held.verified
          ? await saveImages(ctx.flags.saveDir, held, t)
          : { files: [] };
      const session = held.verified ? held.session : null;
      const analysis =
        ctx.flags.analyze && held.verified
          ? await analyzeHeld(held, ctx.signal, ctx.flags.noFace ? 'turned_off' : 'run')
          : undefined;
      const hasFront = documents.documentFront !== null;
      const line = (slot: DocumentSlot) => {
        const d = documents[slot];
        const why = held.refused[slot];
        const name = t.check.slots[slot].padEnd(8);
        if (why) return `  ${name}  ${t.check.refused(messageFor(t, ctx.lang, why), why.code)}`;
        if (!d) {
          const single = slot === 'documentBack' && (hasFront || held.refused.documentFront);
          return `  ${name}  ${single ? t.check.noBack : t.check.noImage}`;
        }
        const turned =
          d.orientation === 1 ? '' : t.check.turned(d.storedWidth, d.storedHeight, d.orientation);
        const trailer = d.trailingBytes === 0 ? '' : t.check.trailer(d.trailingBytes);
        return `  ${name}  ${t.check.image(d.byteLength, d.width, d.height, d.sha256, turned + trailer)}`;
      };
      const field = (key: keyof typeof t.check.fields, value: string | null | undefined) =>
        `  ${`${t.check.fields[key]}:`.padEnd(9)}${value ?? t.check.none}`;
      ctx.print(
        {
          verified: held.verified,
          session,
          documents,
          ...(refused.length > 0 && { refused: held.refused }),
          ...(saved.files.length > 0 && { saved: saved.files }),
          ...(saved.failure && { ok: false, saveError: saved.failure }),
          ...(analysis && { analysis }),
        },
        held.verified
          ? [
              t.check.title,
              field('id', session?.id),
              field('type', session?.type),
              field('date', session?.date),
              field('status', session?.status),
              t.check.documents,
              ...DOCUMENT_SLOTS.map(line),
              ...saved.files.map((file) => t.check.saved(file)),
              ...(analysis ? analysisLines(analysis, ctx.lang, t) : []),
            ]
          : [t.check.notVerified],
      );
      if (saved.failure) {
        ctx.note(`${saved.failure.message} (${saved.failure.code})`);
        return EXIT.usage;
      }
      if (!held.verified) return EXIT.notVerified;
      if (refused.some(([, why]) => exitCodeFor(why.code) === EXIT.network)) return EXIT.network;
      return refused.length > 0 ? EXIT.invalidData : EXIT.ok;
    });
    return exitCode;
  },
});
