import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appLocations } from '../../../../core/privacy/locations.ts';
import {
  buildPrivacyReport,
  formatReport,
  overallVerdict,
} from '../../../../core/privacy/report.ts';
import { PrivacyReportSchema } from '../../../../shared/privacy.ts';

const roots: string[] = [];
afterEach(() => {
  for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
});

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJmdWxsIiwic2NvcGUiOiJvcGVuaWQifQ.c2lnbmF0dXJl';
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.alloc(500, 7),
  Buffer.from([0xff, 0xd9]),
]);
const JPEG_SHA = createHash('sha256').update(JPEG).digest('hex');

/** A home with idlens's userData as Electron leaves it at runtime, and one session folder. */
function fixture() {
  const home = mkdtempSync(join(tmpdir(), 'idlens-test-report-'));
  roots.push(home);
  const tmp = join(home, 'tmp');
  const locations = appLocations({ platform: 'linux', env: {}, homedir: home, tmpdir: tmp });
  mkdirSync(locations.userData, { recursive: true });
  writeFileSync(locations.settingsFile, JSON.stringify({ environment: 'demo', idleMinutes: 10 }));
  symlinkSync('host-1234', join(locations.userData, 'SingletonLock'));
  const session = join(tmp, 'idlens-session-abc123');
  mkdirSync(join(session, 'crash'), { recursive: true });
  mkdirSync(join(session, 'GPUCache'), { recursive: true });
  writeFileSync(join(session, 'Preferences'), '{"spellcheck":{"dictionaries":["en-US"]}}');
  writeFileSync(join(session, 'Local State'), '{"hardware_acceleration_mode":{"enabled":false}}');
  writeFileSync(join(session, 'GPUCache', 'data_0'), Buffer.alloc(64, 1));
  return { home, tmp, locations, session };
}

describe('the privacy report', () => {
  it('lists every file and folder with size, time, verdict and what Chromium files are', async () => {
    const { locations, session } = fixture();
    const report = await buildPrivacyReport({ locations, now: () => 1_700_000_000_000 });
    expect(PrivacyReportSchema.safeParse(report).success).toBe(true);
    expect(report.verdict).toBe('clean');
    expect(report.generatedAt).toBe(1_700_000_000_000);

    const byRel = new Map(report.entries.map((e) => [`${e.location}:${e.relativePath}`, e]));
    expect(byRel.get('userData:settings.json')).toMatchObject({
      type: 'file',
      known: 'settings',
      expected: true,
      verdict: 'clean',
    });
    expect(byRel.get('userData:SingletonLock')).toMatchObject({
      type: 'symlink',
      known: 'chromium-singleton',
    });
    expect(byRel.get('sessionDir:')).toMatchObject({ type: 'directory', known: 'session-folder' });
    expect(byRel.get('sessionDir:Preferences')?.known).toBe('chromium-preferences');
    expect(byRel.get('sessionDir:Local State')?.known).toBe('chromium-local-state');
    expect(byRel.get('sessionDir:crash')?.known).toBe('session-crash');
    expect(byRel.get('sessionDir:GPUCache/data_0')).toMatchObject({
      known: 'chromium-gpu-cache',
      size: 64,
    });
    for (const e of report.entries) expect(e.mtime).toBeGreaterThan(0);
    expect(report.entries.find((e) => e.path === session)?.size).toBeGreaterThan(64);
    expect(report.summary).toMatchObject({
      sessionFolders: 1,
      sensitive: 0,
      unreadable: 0,
      // Preferences, Local State, GPUCache/data_0: not the settings file, not a lock
      unexpectedFiles: 3,
    });
  });

  it('marks files holding a JPEG, a token or a document hash sensitive, and the whole report', async () => {
    const { locations, session } = fixture();
    mkdirSync(join(session, 'Cache'));
    writeFileSync(join(session, 'Cache', 'f_000001'), JPEG);
    writeFileSync(join(session, 'crash', 'dump.dmp'), `junk ${JWT} junk`);
    writeFileSync(join(locations.userData, 'notes.txt'), `seen ${JPEG_SHA}`);
    const report = await buildPrivacyReport({ locations, documentHashes: [JPEG_SHA] });
    expect(report.verdict).toBe('sensitive');
    const sensitive = report.entries
      .filter((e) => e.verdict === 'sensitive')
      .map((e) => [e.relativePath, e.known, e.findings.map((f) => f.kind)]);
    expect(sensitive).toEqual([
      ['notes.txt', undefined, ['document-hash']],
      ['Cache/f_000001', 'chromium-http-cache', ['jpeg', 'document-file']],
      ['crash/dump.dmp', 'session-crash', ['jwt']],
    ]);
    expect(report.summary.sensitive).toBe(3);
    expect(report.documentHashesChecked).toBe(1);

    const text = formatReport(report);
    expect(text).toMatch(/SENSITIVE .*Cache\/f_000001 {2}\[jpeg×1, document-file×1\]/);
    expect(text).toMatch(/Overall: SENSITIVE/);
    // Neither the text nor the JSON ever carries the secret itself.
    expect(text).not.toContain(JWT.slice(0, 30));
    expect(JSON.stringify(report)).not.toContain(JWT.slice(0, 30));
  });

  it('after a clean quit: no session folder, the settings file only, and says where folders would be', async () => {
    const { locations, session } = fixture();
    rmSync(session, { recursive: true });
    rmSync(join(locations.userData, 'SingletonLock'));
    const report = await buildPrivacyReport({ locations });
    expect(report.verdict).toBe('clean');
    expect(report.summary).toMatchObject({ files: 1, sessionFolders: 0, unexpectedFiles: 0 });
    expect(report.locations).toContainEqual({
      role: 'sessionDir',
      path: join(locations.tmpRoot, 'idlens-session-*'),
      exists: false,
    });
    const text = formatReport(report, 'es');
    expect(text).toContain('Resultado: LIMPIO');
    expect(text).toContain('se guarda a propósito');
  });

  it('recognises the encrypted client-secret file as kept on purpose, and still scans it', async () => {
    const { locations, session } = fixture();
    rmSync(session, { recursive: true });
    writeFileSync(
      locations.clientSecretFile,
      JSON.stringify({ clientSecret: 'djEwc2VhbGVkLWJ5dGVz' }),
    );
    const clean = await buildPrivacyReport({ locations });
    expect(clean.entries.find((e) => e.path === locations.clientSecretFile)).toMatchObject({
      known: 'client-secret',
      expected: true,
      verdict: 'clean',
    });
    expect(clean.summary.unexpectedFiles).toBe(0);
    // A token written there by mistake is still caught: "expected" never means "not scanned".
    writeFileSync(locations.clientSecretFile, JSON.stringify({ clientSecret: JWT }));
    const leaked = await buildPrivacyReport({ locations });
    expect(leaked.verdict).toBe('sensitive');
  });

  it("looks in the per-user cache folder too, where Chromium can mirror a profile's cache", async () => {
    const { home, locations } = fixture();
    const cached = join(home, '.cache', 'idlens', 'Default', 'Cache', 'Cache_Data');
    mkdirSync(cached, { recursive: true });
    writeFileSync(join(cached, '0badf00d_0'), Buffer.concat([Buffer.from('key'), JPEG]));
    const report = await buildPrivacyReport({ locations });
    expect(report.locations).toContainEqual({
      role: 'cache',
      path: join(home, '.cache', 'idlens'),
      exists: true,
    });
    const hit = report.entries.find((e) => e.verdict === 'sensitive');
    expect(hit).toMatchObject({
      location: 'cache',
      relativePath: 'Default/Cache/Cache_Data/0badf00d_0',
      known: 'chromium-http-cache',
      findings: [{ kind: 'jpeg', count: 1, firstOffset: 3 }],
    });
  });

  it('a missing userData is reported absent, not as an error', async () => {
    const home = mkdtempSync(join(tmpdir(), 'idlens-test-report-'));
    roots.push(home);
    const locations = appLocations({ platform: 'linux', env: {}, homedir: home, tmpdir: home });
    const report = await buildPrivacyReport({ locations });
    expect(report.entries).toEqual([]);
    expect(report.locations[0]).toEqual({
      role: 'userData',
      path: locations.userData,
      exists: false,
    });
    expect(report.verdict).toBe('clean');
  });

  it('does not open sockets or FIFOs (which could block) and does not follow symlinks', async () => {
    const { locations, session } = fixture();
    execFileSync('mkfifo', [join(session, 'SingletonSocket')]);
    const outside = join(locations.tmpRoot, 'outside.jpg');
    writeFileSync(outside, JPEG);
    symlinkSync(outside, join(session, 'link-to-image'));
    const report = await buildPrivacyReport({ locations });
    const fifo = report.entries.find((e) => e.relativePath === 'SingletonSocket');
    expect(fifo).toMatchObject({ type: 'other', verdict: 'clean', known: 'chromium-singleton' });
    const link = report.entries.find((e) => e.relativePath === 'link-to-image');
    expect(link).toMatchObject({ type: 'symlink', verdict: 'clean' });
  });

  it('stops listing at the entry limit and says how many were left out', async () => {
    const { locations } = fixture();
    const report = await buildPrivacyReport({ locations, maxEntries: 3 });
    expect(report.entries).toHaveLength(3);
    expect(report.truncated).toBeGreaterThan(0);
    expect(formatReport(report)).toMatch(/more entries were not listed/);
  });

  it('the overall verdict: sensitive beats unreadable beats clean', () => {
    expect(overallVerdict([])).toBe('clean');
    expect(overallVerdict(['clean', 'unreadable', 'clean'])).toBe('unreadable');
    expect(overallVerdict(['unreadable', 'sensitive', 'clean'])).toBe('sensitive');
  });
});
