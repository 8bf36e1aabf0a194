import { stat } from 'node:fs/promises';
import { homedir as osHomedir, tmpdir as osTmpdir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { appLocations } from '../../core/privacy/locations.ts';
import { buildPrivacyReport, formatReport } from '../../core/privacy/report.ts';
import { defineCommand } from '../command.ts';
import type { CliStrings } from '../i18n/index.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../options.ts';

/**
 * `idlens audit`: the privacy report on the command line. Lists every file and folder under
 * idlens's locations (userData with settings.json, the temporary session folders with their
 * crash/ and logs/) and any folder given with --dir, scans each for JPEG images, tokens,
 * signed-URL parts and the document hashes given with --hash, and prints a verdict per file and
 * an overall one. Reads only; needs no sign-in, no network and no configuration.
 *
 * A folder named on the command line that does not exist is an error (exit 2), never a clean
 * "absent": the audit would otherwise vouch for a place it never looked at.
 *
 * Exit codes: 0 clean; 8 sensitive data found; 9 nothing sensitive found but some files could
 * not be read (so the audit is incomplete); 2 usage.
 */

const Sha256Schema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/)
  .transform((h) => h.toLowerCase());

const Folder = z.string().min(1).max(4096);

export const AuditFlagsSchema = z
  .object({
    userData: Folder.optional(),
    tmp: Folder.optional(),
    hash: z.array(Sha256Schema).max(100).default([]),
    dir: z.array(Folder).max(50).default([]),
  })
  .strict();

/** The folder a flag names, which must exist and be a folder. */
async function existingFolder(flag: string, path: string, t: CliStrings): Promise<string> {
  const full = resolve(path);
  try {
    if ((await stat(full)).isDirectory()) return full;
  } catch {
    throw new CliError('bad_argument', t.errors.missingFolder(flag, path));
  }
  throw new CliError('bad_argument', t.errors.notAFolder(flag, path));
}

export const audit = defineCommand({
  name: 'audit',
  summary:
    'list what idlens left on disk and scan it for images, tokens and signed-URL parts (no sign-in)',
  signsIn: false,
  flags: {
    'user-data': { type: 'string', usage: '--user-data DIR' },
    tmp: { type: 'string', usage: '--tmp DIR' },
    dir: { type: 'string', multiple: true, usage: '--dir DIR' },
    hash: { type: 'string', multiple: true, usage: '--hash SHA256' },
  },
  flagsSchema: AuditFlagsSchema,
  async run(ctx) {
    const { t, io, flags } = ctx;
    const userData =
      flags.userData !== undefined
        ? await existingFolder('--user-data', flags.userData, t)
        : undefined;
    const tmp = flags.tmp !== undefined ? await existingFolder('--tmp', flags.tmp, t) : undefined;
    const extraDirs: string[] = [];
    for (const dir of flags.dir) extraDirs.push(await existingFolder('--dir', dir, t));

    const locations = appLocations({
      platform: io.platform,
      env: io.env,
      homedir: io.homedir ?? osHomedir(),
      tmpdir: tmp ?? io.tmpdir ?? osTmpdir(),
      userData,
    });
    const report = await buildPrivacyReport({
      locations,
      documentHashes: flags.hash,
      extraDirs,
      ...(io.now ? { now: io.now } : {}),
    });
    const exitCode =
      report.verdict === 'clean'
        ? EXIT.ok
        : report.verdict === 'sensitive'
          ? EXIT.sensitiveFound
          : EXIT.auditIncomplete;
    if (ctx.json) {
      io.stdout(
        `${JSON.stringify({ ok: report.verdict === 'clean', verdict: report.verdict, exitCode, report })}\n`,
      );
    } else {
      io.stdout(formatReport(report, ctx.lang));
    }
    return exitCode;
  },
});
