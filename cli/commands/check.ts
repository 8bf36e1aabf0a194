import { mkdir, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { SCOPES } from '../../shared/environments.ts';
import { IdlensError } from '../../shared/errors.ts';
import { DOCUMENT_SLOTS, type DocumentsResult, type DocumentSlot } from '../../shared/ipc.ts';
import { DocumentHolding, handOver } from '../../core/documents/holding.ts';
import { loadDocuments } from '../../core/documents/loader.ts';
import { defineCommand } from '../command.ts';
import { analysisLines, analyzeHeld } from './analysis-output.ts';
import { EXIT } from '../exit-codes.ts';

/**
 * `idlens check`: signs in, calls the id-verification endpoint, downloads and validates the
 * images, and prints the session fields and, per document, `null` or its byte length, dimensions
 * and SHA-256. Never a URL or a token. Images reach the disk only with `--save-dir DIR`
 * (files `<slot>-<sha256 prefix>.jpg`, created exclusively with mode 0600).
 *
 * Exit codes: 0 verified and every image valid; 3 not verified; 4 sign-in/authorization
 * (including a missing scope); 5 network or server (including 429 after backing off, 5xx, an
 * image link that expired twice); 6 invalid data (malformed body, an image or URL refused).
 */

/** A host name or IP address, without port or brackets — matched exactly against URL host names. */
const HostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .transform((h) => h.toLowerCase().replace(/^\[(.*)\]$/, '$1'))
  .refine(
    (h) =>
      isIP(h) !== 0 ||
      /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(
        h,
      ),
    'must be a host name or IP address without port',
  );

export const CheckFlagsSchema = z
  .object({
    allowImageHost: z
      .union([HostSchema, z.array(HostSchema)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    saveDir: z.string().min(1).max(4096).optional(),
    analyze: z.boolean().default(false),
  })
  .strict();

/** Demo image store's host, allowed without a flag in the demo environment with --insecure-loopback. */
const DEMO_IMAGE_HOST = '127.0.0.1';

interface DocumentFacts {
  byteLength: number;
  width: number;
  height: number;
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
          sha256: image.sha256,
        }
      : null;
  }
  return out;
}

async function saveImages(dir: string, result: DocumentsResult): Promise<string[]> {
  const target = resolve(dir);
  await mkdir(target, { recursive: true, mode: 0o700 });
  const saved: string[] = [];
  for (const slot of DOCUMENT_SLOTS) {
    const image = result.documents[slot];
    if (!image) continue;
    const file = join(target, `${slot}-${image.sha256.slice(0, 16)}.jpg`);
    try {
      await writeFile(file, image.bytes, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new IdlensError(
        'bad_argument',
        code === 'EEXIST'
          ? 'An image file of that name already exists in --save-dir; nothing was overwritten.'
          : 'An image could not be written to --save-dir.',
      );
    }
    saved.push(file);
  }
  return saved;
}

export const check = defineCommand({
  name: 'check',
  summary:
    'sign in, fetch the ID-verification documents, and print their size, dimensions and SHA-256',
  flags: {
    'allow-image-host': {
      type: 'string',
      multiple: true,
      usage: '--allow-image-host HOST',
      help: 'also download images from this exact host name or IP (repeatable; default: Amazon S3 hosts only)',
    },
    'save-dir': {
      type: 'string',
      usage: '--save-dir DIR',
      help: 'write the valid images to DIR as <slot>-<sha256 prefix>.jpg, mode 0600 (otherwise nothing is written)',
    },
    analyze: {
      type: 'boolean',
      usage: '--analyze',
      help: 'also check the documents on this computer: MRZ, check digits, expiry, registry agreement, capture quality and metadata',
    },
  },
  flagsSchema: CheckFlagsSchema,
  async run(ctx) {
    const { auth, status } = await ctx.signIn();
    const config = ctx.config;
    const demoLoopback = config.allowInsecureLoopback;
    const hosts = [...ctx.flags.allowImageHost];
    if (config.environment === 'demo' && demoLoopback) hosts.push(DEMO_IMAGE_HOST);

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
      signal: ctx.signal,
    });

    const { value: exitCode } = await handOver(new DocumentHolding(), result, async (held) => {
      const documents = facts(held);
      const refused = Object.entries(held.refused);
      const saved =
        ctx.flags.saveDir && held.verified ? await saveImages(ctx.flags.saveDir, held) : [];
      const session = held.verified ? held.session : null;
      const analysis =
        ctx.flags.analyze && held.verified ? await analyzeHeld(held, ctx.signal) : undefined;
      const line = (slot: DocumentSlot) => {
        const d = documents[slot];
        const why = held.refused[slot];
        if (why) return `  ${slot.padEnd(13)}  refused: ${why.message} (${why.code})`;
        if (!d) return `  ${slot.padEnd(13)}  null`;
        return `  ${slot.padEnd(13)}  ${d.byteLength} bytes, ${d.width}×${d.height}, sha256 ${d.sha256}`;
      };
      ctx.print(
        {
          verified: held.verified,
          session,
          documents,
          ...(refused.length > 0 && { refused: held.refused }),
          ...(saved.length > 0 && { saved }),
          ...(analysis && { analysis }),
        },
        held.verified
          ? [
              'Identity verification',
              `  id:      ${session?.id ?? 'null'}`,
              `  type:    ${session?.type ?? 'null'}`,
              `  date:    ${session?.date ?? 'null'}`,
              `  status:  ${session?.status ?? 'null'}`,
              'Documents',
              ...DOCUMENT_SLOTS.map(line),
              ...saved.map((file) => `Saved ${file}`),
              ...(analysis ? analysisLines(analysis) : []),
            ]
          : ['No approved identity verification: every field is null.'],
      );
      if (!held.verified) return EXIT.notVerified;
      return refused.length > 0 ? EXIT.invalidData : EXIT.ok;
    });
    return exitCode;
  },
});
