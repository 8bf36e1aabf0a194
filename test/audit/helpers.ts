import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/** Shared by the disk and memory audits: where things are, and how the flows are started. */

export const REPO = resolve(import.meta.dirname, '../..');
export const BROWSER_FIXTURE = join(REPO, 'test/fixtures/browser-login.ts');
export const MAIN_SIDE_FLOW = join(REPO, 'test/audit/main-side-flow.ts');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * The CLI as users run it: the built bundle (`npm test` builds it first), unless it is missing or
 * older than the sources it is built from — then the sources themselves (Node ≥ 22.18).
 */
export function cliCommand(): string[] {
  const built = join(REPO, 'dist/main/cli.js');
  const fresh =
    existsSync(built) &&
    statSync(built).mtimeMs >=
      Math.max(...['cli', 'electron', 'shared'].map((d) => newestSource(join(REPO, d))));
  return fresh ? [built] : [join(REPO, 'cli/idlens.ts')];
}

/** PATH with this Node first, so `#!/usr/bin/env node` fixtures run on the same Node. */
export function pathWithThisNode(): string {
  return [dirname(process.execPath), process.env['PATH'] ?? '/usr/bin:/bin'].join(delimiter);
}

export interface NodeRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Runs `node <args>` without blocking this process (the demo backend lives here). */
export function runNode(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 45_000,
): Promise<NodeRun> {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      ok({ exitCode, stdout, stderr, durationMs: Date.now() - started });
    });
  });
}

const SecretSearch = z.object({
  captured: z.int(),
  found: z.int(),
  encodings: z.array(z.string()),
});

/** The one JSON line `main-side-flow.ts` prints. */
export const FlowOutcomeSchema = z.object({
  persona: z.string(),
  settings: z.string(),
  signIn: z.string(),
  load: z.union([
    z.object({ ok: z.literal(true), verified: z.boolean(), images: z.int() }),
    z.object({ ok: z.literal(false), code: z.string() }),
  ]),
  wipe: z.unknown().optional(),
  signOut: z.string().optional(),
  privacy: z.union([
    z.object({ verdict: z.string(), files: z.int(), hashes: z.int() }),
    z.string(),
  ]),
  rendererReplacements: z.int(),
  heldArrays: z.int(),
  zeroFilled: z.boolean(),
  planted: z.int(),
  analysis: z.object({ states: z.string(), mrz: z.string() }).optional(),
  analysisEnded: z.boolean().optional(),
  memory: z
    .object({
      snapshotBytes: z.int(),
      snapshotMs: z.number(),
      secrets: z.record(z.string(), SecretSearch),
    })
    .optional(),
});
export type FlowOutcome = z.infer<typeof FlowOutcomeSchema>;

export function parseFlowOutcome(stdout: string): FlowOutcome {
  const line = stdout.trim().split('\n').pop() ?? '';
  return FlowOutcomeSchema.parse(JSON.parse(line));
}
