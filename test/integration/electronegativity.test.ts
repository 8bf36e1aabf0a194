/**
 * The Electronegativity gate end to end: the real scanner (1.10.3, installed into .tools/ on
 * first use) over real files, its SARIF read and the reviewed allowlist applied.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTool } from '../../scripts/electronegativity.ts';

const root = join(import.meta.dirname, '..', '..');
const gate = join(root, 'scripts', 'electronegativity.ts');
const work = mkdtempSync(join(tmpdir(), 'idlens-eng-test-'));

function runGate(args: string[]) {
  const r = spawnSync(process.execPath, [gate, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** A main-process file with two classic mistakes, the kind the gate exists to stop. */
const PLANTED = `import { BrowserWindow } from 'electron';

export function open(): BrowserWindow {
  const win = new BrowserWindow({
    webPreferences: { contextIsolation: true, nodeIntegration: true, webSecurity: false },
  });
  return win;
}
`;

beforeAll(() => {
  ensureTool(); // ~25 s the first time on a fresh CI machine, then cached in .tools/
  mkdirSync(join(work, 'scan', 'electron'), { recursive: true });
  writeFileSync(join(work, 'scan', 'electron', 'planted.ts'), PLANTED);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Electronegativity gate', () => {
  it('fails on a planted finding, printing it; an allowlist entry justifies only what it names', () => {
    const allowlist = join(work, 'allowlist.json');
    writeFileSync(
      allowlist,
      JSON.stringify({
        entries: [
          {
            rule: 'WEB_SECURITY_JS_CHECK',
            file: 'electron/planted.ts',
            reason:
              'Test entry: pretend a reviewer accepted webSecurity: false in this planted file.',
          },
        ],
      }),
    );
    const r = runGate([
      '--root',
      join(work, 'scan'),
      '--input',
      'electron',
      '--allowlist',
      allowlist,
    ]);
    expect(r.status, r.out).toBe(1);
    const [justified = '', unjustified = ''] = r.out.split('FAIL');
    expect(justified).toMatch(/WEB_SECURITY_JS_CHECK \[\w+\] electron\/planted\.ts:5:\d+/);
    expect(justified).toContain('allowed: Test entry');
    expect(unjustified).toMatch(/NODE_INTEGRATION_JS_CHECK \[\w+\] electron\/planted\.ts:\d+:\d+/);
    expect(unjustified).toContain('nodeIntegration: true');
    expect(unjustified).not.toContain('WEB_SECURITY_JS_CHECK');
  });

  it('passes on the project (electron/, renderer/) with the reviewed allowlist', () => {
    const sarif = join(work, 'project.sarif');
    const r = runGate(['--sarif', sarif]);
    expect(r.out).toContain('PASS: no unjustified Electronegativity findings');
    expect(r.status, r.out).toBe(0);
    expect(r.out).not.toContain('matched nothing');
    expect(existsSync(sarif)).toBe(true);
  });
});
