import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../shared/settings.ts';
import { settingsFileBacking } from '../../../core/settings-file.ts';
import { createSettingsService } from '../../../core/settings.ts';

/**
 * Settings files as a crash, an editor or a hand could leave them. Whatever the file holds, the
 * app-side settings service starts, keeps every field that is still valid, sets the damaged file
 * aside (byte for byte) and writes a clean one that the next start reads without complaint.
 */

const dirs: string[] = [];
function settingsPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idlens-settings-'));
  dirs.push(dir);
  return join(dir, 'settings.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FRESH = defaultSettings('production');
const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
const json = (value: unknown) => JSON.stringify(value);

interface Damaged {
  name: string;
  bytes: Buffer;
  /** The fields that are still valid in it, which must survive. */
  keeps: Partial<Settings>;
}

const GOOD = { language: 'es', idleMinutes: 7, clientId: 'acme-desk' } as const;

const CORPUS: Damaged[] = [
  { name: 'truncated JSON', bytes: Buffer.from('{"language":"es","idleMin'), keeps: {} },
  { name: 'empty file', bytes: Buffer.alloc(0), keeps: {} },
  { name: 'JSON null', bytes: Buffer.from('null'), keeps: {} },
  { name: 'a JSON array', bytes: Buffer.from('[{"language":"es"}]'), keeps: {} },
  { name: 'a JSON string', bytes: Buffer.from('"language=es"'), keeps: {} },
  { name: 'a number', bytes: Buffer.from('42'), keeps: {} },
  {
    name: 'random binary',
    bytes: Buffer.from([0x00, 0x9f, 0xff, 0x13, 0x80, 0x7b, 0x22]),
    keeps: {},
  },
  {
    name: 'wrong types',
    bytes: Buffer.from(
      json({ ...GOOD, redirectPort: '8080', scopes: 'openid', singleKeyShortcuts: 'yes' }),
    ),
    keeps: GOOD,
  },
  {
    name: 'out-of-range numbers',
    bytes: Buffer.from(
      '{"language":"es","idleMinutes":7,"clientId":"acme-desk","redirectPort":-1,"signInTimeoutSeconds":1e400}',
    ),
    keeps: GOOD,
  },
  {
    name: 'a constructor key',
    bytes: Buffer.from(json({ ...GOOD, constructor: { prototype: { environment: 'custom' } } })),
    keeps: GOOD,
  },
  {
    name: 'a __proto__ key',
    bytes: Buffer.from(
      `{"__proto__":{"environment":"custom","issuer":"http://127.0.0.1:1"},${json(GOOD).slice(1)}`,
    ),
    keeps: GOOD,
  },
  { name: 'a toString key', bytes: Buffer.from(json({ ...GOOD, toString: 'x' })), keeps: GOOD },
  {
    name: 'a hasOwnProperty key',
    bytes: Buffer.from(json({ ...GOOD, hasOwnProperty: false })),
    keeps: GOOD,
  },
  {
    name: 'a token somebody pasted in',
    bytes: Buffer.from(json({ ...GOOD, accessToken: 'eyJhbGciOi.x.y' })),
    keeps: GOOD,
  },
  {
    name: 'a huge string value',
    bytes: Buffer.from(json({ ...GOOD, issuer: `https://${'a'.repeat(300_000)}.example` })),
    keeps: GOOD,
  },
  {
    name: 'a huge array',
    bytes: Buffer.from(json({ ...GOOD, scopes: Array.from({ length: 20_000 }, () => 'openid') })),
    keeps: GOOD,
  },
  {
    name: 'a file over the size limit',
    bytes: Buffer.from(json({ ...GOOD, pad: 'x'.repeat(2 * 1024 * 1024) })),
    keeps: {},
  },
  {
    name: 'deep nesting',
    bytes: Buffer.from(`{"language":"es","imageHosts":${'['.repeat(50_000)}${']'.repeat(50_000)}}`),
    keeps: { language: 'es' },
  },
  { name: 'a UTF-8 byte-order mark', bytes: Buffer.from(`\uFEFF${json(GOOD)}`), keeps: GOOD },
  { name: 'UTF-16LE with its mark', bytes: utf16le(json(GOOD)), keeps: GOOD },
  { name: 'UTF-16BE with its mark', bytes: utf16be(json(GOOD)), keeps: GOOD },
  {
    name: 'Latin-1 text',
    bytes: Buffer.from(json({ ...GOOD, clientId: 'café-desk' }), 'latin1'),
    keeps: { ...GOOD, clientId: 'café-desk' },
  },
  {
    name: 'UTF-16 without a mark',
    bytes: Buffer.from(json(GOOD), 'utf16le'),
    keeps: {},
  },
  {
    name: 'duplicate keys, the last one bad',
    bytes: Buffer.from(
      '{"language":"es","idleMinutes":7,"clientId":"acme-desk","idleMinutes":"x"}',
    ),
    keeps: { language: 'es', clientId: 'acme-desk' },
  },
  {
    name: 'an object where a list belongs',
    bytes: Buffer.from(json({ ...GOOD, imageHosts: { 0: 'evil.example', length: 1 } })),
    keeps: GOOD,
  },
  {
    name: 'a NUL inside a value',
    bytes: Buffer.from(json({ ...GOOD, redirectPath: '/call\u0000back' })),
    keeps: GOOD,
  },
];

describe('a damaged settings file', () => {
  it('the corpus is at least twenty files', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  for (const damaged of CORPUS) {
    it(`${damaged.name}: starts, keeps what is valid, sets the file aside once`, () => {
      const path = settingsPath();
      writeFileSync(path, damaged.bytes);

      const service = createSettingsService(settingsFileBacking(path));
      const expected = { ...FRESH, ...damaged.keeps };
      expect(service.get()).toEqual(expected);
      expect(service.repair).not.toBeNull();

      const keptAs = service.repair?.keptAs;
      expect(keptAs).toMatch(/^settings\.json\.damaged-/);
      expect(readFileSync(join(path, '..', keptAs!)).equals(damaged.bytes)).toBe(true);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(expected);

      // The next start finds a sound file: the same settings, nothing to tell.
      const again = createSettingsService(settingsFileBacking(path));
      expect(again.get()).toEqual(expected);
      expect(again.repair).toBeNull();
      expect(readdirSync(join(path, '..')).filter((f) => f.includes('damaged'))).toHaveLength(1);
    });
  }

  it('names the settings that went back to their defaults, not unknown keys', () => {
    const path = settingsPath();
    writeFileSync(path, json({ ...GOOD, redirectPort: 'x', constructor: 1 }));
    expect(createSettingsService(settingsFileBacking(path)).repair?.reset).toEqual([
      'redirectPort',
    ]);
  });

  it('a sound file is left where it is and nothing is told', () => {
    const path = settingsPath();
    const sound = { ...FRESH, ...GOOD };
    writeFileSync(path, json(sound));
    const service = createSettingsService(settingsFileBacking(path));
    expect(service.get()).toEqual(sound);
    expect(service.repair).toBeNull();
    expect(readdirSync(join(path, '..'))).toEqual(['settings.json']);
  });

  it('no file: the fresh-install settings, nothing to tell, nothing written', () => {
    const path = settingsPath();
    const service = createSettingsService(settingsFileBacking(path), { demoMode: true });
    expect(service.get()).toEqual(defaultSettings('demo'));
    expect(service.repair).toBeNull();
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });

  it('"Checks on this computer": an older file without it reads "all" and is not called damaged; a choice survives a restart', () => {
    const path = settingsPath();
    const { checks: _absent, ...older } = { ...FRESH, ...GOOD };
    writeFileSync(path, json(older));
    const service = createSettingsService(settingsFileBacking(path));
    expect(service.get().checks).toBe('all');
    expect(service.repair).toBeNull();
    service.set({ checks: 'documents' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ checks: 'documents' });
    expect(createSettingsService(settingsFileBacking(path)).get()).toEqual({
      ...FRESH,
      ...GOOD,
      checks: 'documents',
    });
  });

  it('"Checks on this computer" with a value it cannot have goes back to "all", and is named', () => {
    const path = settingsPath();
    writeFileSync(path, json({ ...GOOD, checks: 'faces-only' }));
    const service = createSettingsService(settingsFileBacking(path));
    expect(service.get()).toEqual({ ...FRESH, ...GOOD, checks: 'all' });
    expect(service.repair?.reset).toEqual(['checks']);
  });
});

describe('what else may stand where the settings file goes', () => {
  it('a named pipe is not opened (reading it would wait for ever): start-up goes on with the defaults and sets it aside', () => {
    const path = settingsPath();
    execFileSync('mkfifo', [path]);
    const service = createSettingsService(settingsFileBacking(path));
    expect(service.get()).toEqual(FRESH);
    expect(service.repair?.keptAs).toMatch(/^settings\.json\.damaged-/);
    expect(lstatSync(path).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(FRESH);
  });

  it('a write follows no link planted at a temporary name: what it points to stays as it was', () => {
    const path = settingsPath();
    const victim = join(settingsPath(), '..', 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const service = createSettingsService(settingsFileBacking(path));
    for (const name of [`settings.json.tmp-${process.pid}`, 'settings.json.tmp']) {
      symlinkSync(victim, join(path, '..', name));
    }
    service.set({ language: 'es' });
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ language: 'es' });
  });
});
