import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { AnalysisReportSchema } from '../../shared/analysis.ts';

/**
 * `idlens check --analyze` as installed: `node bin/idlens.js`, which loads the BUILT bundle
 * (dist/main/cli.js) — whose analysis process is dist/main/analysis-worker.js, with tesseract.js
 * and its data loaded from node_modules. Against the demo backend, signing in through the
 * test browser fixture as the `full` persona.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/idlens.js');
const BROWSER = join(ROOT, 'test/fixtures/browser-login.ts');
const SCOPES = 'openid eprospera:person.id_verification.read eprospera:person.details.read';

let backend: DemoBackend;
let scratch: string;

beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true });
  scratch = mkdtempSync(join(tmpdir(), 'idlens-cli-built-'));
});

afterAll(async () => {
  await backend.close();
  rmSync(scratch, { recursive: true, force: true });
});

function runBuilt(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: scratch,
      env: {
        PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
        HOME: scratch,
        TMPDIR: scratch,
        BROWSER,
        IDLENS_DEMO_PERSONA: 'full',
        IDLENS_TEST_BROWSER_LOG: join(scratch, 'browser.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const Output = z.object({ verified: z.literal(true), analysis: AnalysisReportSchema });

describe('the built idlens check --analyze', () => {
  it('is built with its analysis process beside it', () => {
    expect(existsSync(join(ROOT, 'dist/main/cli.js')), 'run `npm run build` first').toBe(true);
    expect(existsSync(join(ROOT, 'dist/main/analysis-worker.js'))).toBe(true);
  });

  it('reads the demo ID back’s MRZ and prints the analysis object', async () => {
    const run = await runBuilt([
      'check',
      '--env',
      'custom',
      '--issuer',
      backend.issuer,
      '--api-base',
      backend.apiBase,
      '--insecure-loopback',
      '--client-id',
      backend.clients.public.clientId,
      '--allow-image-host',
      '127.0.0.1',
      '--scope',
      SCOPES,
      '--analyze',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const { analysis } = Output.parse(JSON.parse(lines[0]!));
    if (analysis.mrz.status !== 'read') throw new Error(`MRZ not read: ${analysis.mrz.detail}`);
    expect(analysis.mrz.slot).toBe('documentBack');
    expect(analysis.mrz.lines).toEqual([
      'IDUTOSPC0000014<<<<<<<<<<<<<<<',
      '9001011<3401158UTO<<<<<<<<<<<4',
      'SPECIMEN<<ALEX<SPECIMEN<<<<<<<',
    ]);
    expect(analysis.mrz.checkDigitsValid).toBe(true);
    expect(analysis.registry.status).toBe('compared');
  }, 120_000);

  it('--no-face: the built worker leaves out the face comparison and says so', async () => {
    const run = await runBuilt([
      'check',
      '--env',
      'custom',
      '--issuer',
      backend.issuer,
      '--api-base',
      backend.apiBase,
      '--insecure-loopback',
      '--client-id',
      backend.clients.public.clientId,
      '--allow-image-host',
      '127.0.0.1',
      '--analyze',
      '--no-face',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { analysis } = Output.parse(JSON.parse(run.stdout.trim()));
    expect(analysis.mrz.status).toBe('read');
    expect(analysis.face).toMatchObject({ status: 'not_run', reason: 'turned_off' });
  }, 120_000);
});
