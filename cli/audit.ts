import { homedir as osHomedir, tmpdir as osTmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { appLocations } from '../core/privacy/locations.ts';
import { buildPrivacyReport, formatReport } from '../core/privacy/report.ts';
import { EXIT } from './exit-codes.ts';

/**
 * `idlens audit`: the privacy report on the command line. Lists every file and folder under
 * idlens's locations (userData with settings.json, the temporary session folders with their
 * crash/ and logs/), scans each for JPEG images, tokens, signed-URL parts and the document hashes
 * given with --hash, and prints a verdict per file and an overall one. Reads only; needs no
 * sign-in, no network and no configuration.
 *
 * Exit codes: 0 clean; 8 sensitive data found; 9 nothing sensitive found but some files could
 * not be read (so the audit is incomplete); 2 usage.
 */

export const AUDIT_USAGE = `Usage: idlens audit [options]

Lists what idlens and its Chromium left on disk and scans every file for JPEG images,
JWT-shaped tokens, Bearer values, pre-signed S3 URL parts and the given document hashes.

Options:
  --json              print the report as one JSON object on stdout
  --user-data DIR     look at DIR instead of this platform's idlens folder
  --tmp DIR           look for temporary session folders (idlens-session-*) in DIR
  --hash SHA256       also look for this document hash (repeatable; idlens check prints them)
  --lang en|es        language of the text report (default en)
  --help              show this help

Exit codes: 0 clean, 8 sensitive data found, 9 some files could not be read, 2 usage
`;

const Sha256Schema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 digest (64 hexadecimal characters)')
  .transform((h) => h.toLowerCase());

export const AuditFlagsSchema = z
  .object({
    json: z.boolean().default(false),
    help: z.boolean().default(false),
    userData: z.string().min(1).max(4096).optional(),
    tmp: z.string().min(1).max(4096).optional(),
    hash: z.array(Sha256Schema).max(100).default([]),
    lang: z.enum(['en', 'es']).default('en'),
  })
  .strict();

export interface AuditIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir?: string;
  tmpdir?: string;
  now?: () => number;
}

function usage(io: AuditIO, json: boolean, message: string): number {
  io.stderr(`idlens: ${message} (bad_argument)\n`);
  if (json) {
    io.stdout(
      `${JSON.stringify({ ok: false, error: { code: 'bad_argument', message }, exitCode: EXIT.usage })}\n`,
    );
  }
  return EXIT.usage;
}

/** Runs `idlens audit` with the arguments after the command name. Returns the exit code. */
export async function runAudit(argv: readonly string[], io: AuditIO): Promise<number> {
  const json = argv.includes('--json');
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean' },
        'user-data': { type: 'string' },
        tmp: { type: 'string' },
        hash: { type: 'string', multiple: true },
        lang: { type: 'string' },
      },
    }));
  } catch {
    return usage(io, json, 'Unknown option or missing value for audit. See idlens audit --help.');
  }
  if (positionals.length > 0) {
    return usage(io, json, 'audit takes no positional arguments. See idlens audit --help.');
  }
  const parsed = AuditFlagsSchema.safeParse({
    json: values['json'],
    help: values['help'],
    userData: values['user-data'],
    tmp: values['tmp'],
    hash: values['hash'],
    lang: values['lang'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = typeof issue?.path[0] === 'string' ? issue.path[0] : '';
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return usage(io, json, `Invalid value for ${flag}: ${issue?.message ?? 'not valid'}.`);
  }
  const flags = parsed.data;
  if (flags.help) {
    io.stdout(AUDIT_USAGE);
    return EXIT.ok;
  }

  const locations = appLocations({
    platform: io.platform,
    env: io.env,
    homedir: io.homedir ?? osHomedir(),
    tmpdir: flags.tmp ?? io.tmpdir ?? osTmpdir(),
    userData: flags.userData,
  });
  const report = await buildPrivacyReport({
    locations,
    documentHashes: flags.hash,
    ...(io.now ? { now: io.now } : {}),
  });
  const exitCode =
    report.verdict === 'clean'
      ? EXIT.ok
      : report.verdict === 'sensitive'
        ? EXIT.sensitiveFound
        : EXIT.auditIncomplete;
  if (flags.json) {
    io.stdout(
      `${JSON.stringify({ ok: report.verdict === 'clean', verdict: report.verdict, exitCode, report })}\n`,
    );
  } else {
    io.stdout(formatReport(report, flags.lang));
  }
  return exitCode;
}
