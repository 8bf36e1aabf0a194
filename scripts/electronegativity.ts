/**
 * `npm run scan`: the Electronegativity gate. Scans the main process (`electron/`) and the
 * renderer (`renderer/src`, `renderer/index.html`) for Electron 45, reads the SARIF, subtracts
 * the reviewed allowlist (`security/electronegativity-allowlist.json`, one reason per entry) and
 * exits 1 on anything left, printing each finding.
 *
 * Electronegativity 1.10.3 lives in `.tools/electronegativity` (installed on first use): inside
 * the project it would resolve the project's TypeScript and crash. Offline, its locale download
 * and release-list fetch throw uncaught errors after the scan, so it runs with a small guard
 * that ignores exactly those, and without the AvailableSecurityFixesGlobalCheck (which needs the
 * network). Exit codes: 0 pass, 1 unjustified findings, 2 the scan itself failed.
 *
 * Flags: --root <dir> (default: the project), --input <path> (repeatable, relative to root),
 * --allowlist <file>, --sarif <file> (keep the raw SARIF, e.g. for code-scanning upload),
 * --electron <version> (default: the installed electron package's version).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  AllowlistSchema,
  applyAllowlist,
  formatFinding,
  parseSarif,
  snippetAt,
  type Finding,
  type GateResult,
} from './gates/eng-gate.ts';

export const ENG_VERSION = '1.10.3';
const projectRoot = resolve(import.meta.dirname, '..');
export const DEFAULT_INPUTS = ['core', 'electron', 'renderer/src', 'renderer/index.html'] as const;
export const DEFAULT_ALLOWLIST = join(projectRoot, 'security', 'electronegativity-allowlist.json');
const toolDir = join(projectRoot, '.tools', 'electronegativity');
const toolBin = join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

/**
 * Ignores only the uncaught errors of Electronegativity's network calls (the `got` client and
 * its `p-cancelable` promises) — anything else still ends the process with an error.
 */
const GUARD = `'use strict';
const offline = (e) => /[\\\\/]node_modules[\\\\/](got|p-cancelable)[\\\\/]|\\b(RequestError|CancelError|TimeoutError)\\b/.test(String((e && e.stack) || e));
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (e) => {
    if (offline(e)) return;
    console.error(e);
    process.exit(2);
  });
}
`;

function installedToolVersion(): string | null {
  const manifest = join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'package.json');
  if (!existsSync(manifest)) return null;
  const parsed = z
    .object({ version: z.string() })
    .safeParse(JSON.parse(readFileSync(manifest, 'utf8')));
  return parsed.success ? parsed.data.version : null;
}

/** Installs the pinned Electronegativity into `.tools/` unless it is already there. */
export function ensureTool(log: (line: string) => void = () => {}): string {
  if (existsSync(toolBin) && installedToolVersion() === ENG_VERSION) return toolBin;
  log(`installing @doyensec/electronegativity@${ENG_VERSION} into .tools/electronegativity …`);
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      toolDir,
      '--save-exact',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `@doyensec/electronegativity@${ENG_VERSION}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (npm.status !== 0 || installedToolVersion() !== ENG_VERSION) {
    throw new Error(`could not install Electronegativity (npm exit ${npm.status}):\n${npm.stderr}`);
  }
  return toolBin;
}

export interface ScanOptions {
  root: string;
  inputs: readonly string[];
  electronVersion: string;
  /** Where to keep the SARIF; a temp file otherwise. */
  sarifOut?: string;
}

/**
 * Copies the inputs (keeping their paths relative to root) into one staging folder, so that one
 * run sees main and renderer together — its global checks (CSP, navigation limits) need both —
 * and nothing else (tests, demo, scripts). Returns the findings with their source snippets.
 */
export function scan(options: ScanOptions): Finding[] {
  const bin = ensureTool();
  const work = mkdtempSync(join(tmpdir(), 'idlens-eng-'));
  try {
    const stage = join(work, 'scan');
    let copied = 0;
    for (const input of options.inputs) {
      const from = resolve(options.root, input);
      if (!existsSync(from)) continue;
      const rel = relative(options.root, from);
      if (rel.startsWith('..') || isAbsolute(rel))
        throw new Error(`input outside the root: ${input}`);
      cpSync(from, join(stage, rel), {
        recursive: true,
        filter: (src) =>
          !/[\\/](node_modules|dist|release)([\\/]|$)/.test(relative(options.root, src)),
      });
      copied++;
    }
    if (copied === 0)
      throw new Error(
        `none of the inputs exist under ${options.root}: ${options.inputs.join(', ')}`,
      );
    const guard = join(work, 'guard.cjs');
    writeFileSync(guard, GUARD);
    const sarif = join(work, 'out.sarif');
    const run = spawnSync(
      process.execPath,
      [
        bin,
        '-i',
        stage,
        '-e',
        options.electronVersion,
        '-r',
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-o',
        sarif,
      ],
      {
        cwd: stage,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: `--require ${guard}`, FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      },
    );
    if (run.status !== 0 || !existsSync(sarif)) {
      throw new Error(
        `Electronegativity failed (exit ${run.status ?? run.signal}); no SARIF was written.\n${run.stdout}\n${run.stderr}`,
      );
    }
    if (options.sarifOut !== undefined) copyFileSync(sarif, options.sarifOut);
    const raw: unknown = JSON.parse(readFileSync(sarif, 'utf8'));
    return parseSarif(raw).map(({ charLength, ...f }) => {
      if (f.file === null || f.line === null) return f;
      const source = join(stage, f.file);
      if (!existsSync(source)) return f;
      return {
        ...f,
        snippet: snippetAt(readFileSync(source, 'utf8'), f.line, f.column ?? 1, charLength),
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function loadAllowlist(path: string) {
  return AllowlistSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function report(result: GateResult, print: (line: string) => void): void {
  if (result.justified.length > 0) {
    print(`${result.justified.length} finding(s) justified by the reviewed allowlist:`);
    for (const { finding, entry } of result.justified) {
      print(formatFinding(finding));
      print(`      allowed: ${entry.reason}`);
    }
  }
  for (const entry of result.unused) {
    print(
      `note: allowlist entry matched nothing (stale?): ${entry.rule}${entry.file === undefined ? '' : ` in ${entry.file}`}`,
    );
  }
  if (result.unjustified.length > 0) {
    print(`\nFAIL: ${result.unjustified.length} finding(s) not justified in the allowlist:`);
    for (const f of result.unjustified) print(formatFinding(f));
    print(
      'Fix the code, or add a reviewed entry with a reason to security/electronegativity-allowlist.json.',
    );
  } else {
    print('\nPASS: no unjustified Electronegativity findings.');
  }
}

const Flags = z.object({
  root: z.string().min(1).default(projectRoot),
  input: z.array(z.string().min(1)).optional(),
  allowlist: z.string().min(1).default(DEFAULT_ALLOWLIST),
  sarif: z.string().min(1).optional(),
  electron: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .optional(),
});

function installedElectronVersion(): string {
  const pkg = z
    .object({ version: z.string() })
    .parse(
      JSON.parse(
        readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8'),
      ),
    );
  return pkg.version;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string' },
      input: { type: 'string', multiple: true },
      allowlist: { type: 'string' },
      sarif: { type: 'string' },
      electron: { type: 'string' },
    },
    strict: true,
  });
  const flags = Flags.parse(values);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    ensureTool(print);
    const root = resolve(flags.root);
    const inputs = flags.input ?? DEFAULT_INPUTS;
    const electronVersion = flags.electron ?? installedElectronVersion();
    const sarifOut = flags.sarif === undefined ? undefined : resolve(flags.sarif);
    const allowlist = loadAllowlist(resolve(flags.allowlist));
    print(
      `Electronegativity ${ENG_VERSION} over ${inputs.join(', ')} (Electron ${electronVersion})`,
    );
    const findings = scan({
      root,
      inputs,
      electronVersion,
      ...(sarifOut === undefined ? {} : { sarifOut }),
    });
    print(
      `${findings.length} finding(s) in the SARIF${sarifOut === undefined ? '' : ` (${relative(process.cwd(), sarifOut) || dirname(sarifOut)})`}`,
    );
    const result = applyAllowlist(findings, allowlist);
    report(result, print);
    process.exit(result.unjustified.length === 0 ? 0 : 1);
  } catch (error) {
    process.stderr.write(
      `electronegativity gate: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  }
}
