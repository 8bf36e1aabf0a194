import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAudit } from '../../../cli/audit.ts';
import { PrivacyReportSchema } from '../../../shared/privacy.ts';

const roots: string[] = [];
afterEach(() => {
  for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
});

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xdb]), Buffer.alloc(100, 3)]);
const JPEG_SHA = createHash('sha256').update(JPEG).digest('hex');

/** A home whose idlens userData holds only the settings file, and an empty temp folder. */
function home() {
  const root = mkdtempSync(join(tmpdir(), 'idlens-test-cli-audit-'));
  roots.push(root);
  const userData = join(root, 'config', 'idlens');
  mkdirSync(userData, { recursive: true });
  writeFileSync(join(userData, 'settings.json'), '{"environment":"demo"}');
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  return { root, userData, tmp };
}

async function audit(argv: string[], h: ReturnType<typeof home>) {
  let stdout = '';
  let stderr = '';
  const code = await runAudit(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { XDG_CONFIG_HOME: join(h.root, 'config') },
    platform: 'linux',
    homedir: h.root,
    tmpdir: h.tmp,
  });
  return { code, stdout, stderr };
}

describe('idlens audit', () => {
  it('exits 0 and prints a per-file verdict when only the settings file is left', async () => {
    const h = home();
    const run = await audit([], h);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/CLEAN .*settings\.json {2}— kept on purpose/);
    expect(run.stdout).toMatch(/Overall: CLEAN/);
    expect(run.stderr).toBe('');
  });

  it('exits 8 and names the file when a session folder holds an image', async () => {
    const h = home();
    const session = join(h.tmp, 'idlens-session-x1');
    mkdirSync(join(session, 'blob_storage'), { recursive: true });
    writeFileSync(join(session, 'blob_storage', 'b1'), JPEG);
    const run = await audit(['--hash', JPEG_SHA.toUpperCase()], h);
    expect(run.code).toBe(8);
    expect(run.stdout).toMatch(/SENSITIVE .*blob_storage\/b1 {2}\[jpeg×1, document-file×1\]/);
    expect(run.stdout).toMatch(/chromium-blob-storage: /);
  });

  it('--json prints the report as one object that parses against the IPC schema', async () => {
    const h = home();
    writeFileSync(
      join(h.userData, 'leak.txt'),
      `token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmdWxsIn0.sig`,
    );
    const run = await audit(['--json'], h);
    expect(run.code).toBe(8);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as {
      ok: boolean;
      verdict: string;
      exitCode: number;
      report: unknown;
    };
    expect(out).toMatchObject({ ok: false, verdict: 'sensitive', exitCode: 8 });
    const report = PrivacyReportSchema.parse(out.report);
    expect(report.entries.find((e) => e.relativePath === 'leak.txt')?.findings).toEqual([
      { kind: 'jwt', count: 1, firstOffset: 6 },
    ]);
  });

  it('--user-data and --tmp point it elsewhere', async () => {
    const h = home();
    const other = join(h.root, 'elsewhere');
    mkdirSync(other);
    writeFileSync(join(other, 'Cache'), JPEG);
    const emptyTmp = join(h.root, 'empty-tmp');
    mkdirSync(emptyTmp);
    const run = await audit(['--user-data', other, '--tmp', emptyTmp], h);
    expect(run.code).toBe(8);
    expect(run.stdout).toContain(join(other, 'Cache'));
    expect(run.stdout).not.toContain(h.userData);
  });

  it('exits 2 on bad usage, without running', async () => {
    const h = home();
    for (const argv of [['--hash', 'abc'], ['--nope'], ['extra'], ['--lang', 'fr'], ['--tmp']]) {
      const run = await audit(argv, h);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/\(bad_argument\)/);
      expect(run.stdout).toBe('');
    }
    const json = await audit(['--json', '--hash', 'abc'], h);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { code: 'bad_argument' },
    });
  });

  it('--help prints the usage with the exit codes', async () => {
    const run = await audit(['--help'], home());
    expect(run.code).toBe(0);
    for (const code of ['0', '2', '8', '9'])
      expect(run.stdout).toMatch(new RegExp(`^  ${code}  `, 'm'));
    expect(run.stdout).toContain('sensitive data found on disk');
    for (const flag of ['--user-data DIR', '--tmp DIR', '--dir DIR', '--hash SHA256', '--lang']) {
      expect(run.stdout).toContain(flag);
    }
    // Sign-in options do not apply to audit and are not offered.
    expect(run.stdout).not.toContain('--client-id');
  });

  it('a --user-data, --tmp or --dir folder that does not exist is exit 2 naming it, never a clean report', async () => {
    const h = home();
    const missing = join(h.root, 'no-such-folder');
    for (const flag of ['--user-data', '--tmp', '--dir']) {
      const run = await audit([flag, missing], h);
      expect(run.code, flag).toBe(2);
      expect(run.stderr).toContain(`${flag}: there is no folder at ${missing}.`);
      expect(run.stdout).not.toContain('CLEAN');
    }
    const file = join(h.root, 'a-file');
    writeFileSync(file, 'x');
    const notDir = await audit(['--dir', file], h);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain(`--dir: ${file} is not a folder.`);
  });

  it('--dir scans more folders (a --save-dir), repeatable, and finds an image there', async () => {
    const h = home();
    const saved = join(h.root, 'saved');
    const other = join(h.root, 'other');
    mkdirSync(saved);
    mkdirSync(other);
    writeFileSync(join(saved, `face-${JPEG_SHA.slice(0, 16)}.jpg`), JPEG);
    const run = await audit(['--dir', saved, '--dir', other], h);
    expect(run.code).toBe(8);
    expect(run.stdout).toMatch(new RegExp(`scanned +${saved}  \\(present\\)`));
    expect(run.stdout).toMatch(new RegExp(`scanned +${other}  \\(present\\)`));
    expect(run.stdout).toMatch(/SENSITIVE .*face-[0-9a-f]{16}\.jpg {2}\[jpeg×1\]/);
    const json = await audit(['--dir', saved, '--json'], h);
    const report = PrivacyReportSchema.parse(
      (JSON.parse(json.stdout) as { report: unknown }).report,
    );
    expect(report.locations).toContainEqual({ role: 'scanned', path: saved, exists: true });
  });

  it('names a FIFO a FIFO (not a socket), without opening it', async () => {
    const h = home();
    const fifo = join(h.userData, 'a-pipe');
    execFileSync('mkfifo', [fifo]);
    const run = await audit([], h);
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.endsWith(fifo));
    expect(line).toMatch(/CLEAN +FIFO /);
    expect(run.stdout).not.toContain('socket');
    const json = await audit(['--json'], h);
    const report = PrivacyReportSchema.parse(
      (JSON.parse(json.stdout) as { report: unknown }).report,
    );
    expect(report.entries.find((e) => e.path === fifo)).toMatchObject({
      type: 'other',
      special: 'fifo',
    });
  });

  it('speaks Spanish with --lang es, also in its errors', async () => {
    const h = home();
    const run = await audit(['--lang', 'es', '--tmp', join(h.root, 'nada')], h);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no hay ninguna carpeta en');
    const report = await audit(['--lang', 'es'], h);
    expect(report.stdout).toContain('Informe de privacidad de idlens');
  });
});
