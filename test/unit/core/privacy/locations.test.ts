import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appLocations, findSessionDirs } from '../../../../core/privacy/locations.ts';

const roots: string[] = [];
afterEach(() => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('where idlens writes, per platform', () => {
  it('Linux: $XDG_CONFIG_HOME/idlens when set, else ~/.config/idlens', () => {
    const withXdg = appLocations({
      platform: 'linux',
      env: { XDG_CONFIG_HOME: '/x/conf' },
      homedir: '/home/ana',
      tmpdir: '/tmp',
    });
    expect(withXdg.userData).toBe('/x/conf/idlens');
    expect(withXdg.settingsFile).toBe('/x/conf/idlens/settings.json');
    expect(withXdg.tmpRoot).toBe('/tmp');
    expect(withXdg.sessionDirPrefix).toBe('idlens-session-');
    expect(withXdg.extraLogDirs).toEqual([]);
    expect(withXdg.cacheDirs).toEqual(['/home/ana/.cache/idlens']);
    expect(
      appLocations({
        platform: 'linux',
        env: { XDG_CACHE_HOME: '/x/cache' },
        homedir: '/home/ana',
        tmpdir: '/tmp',
      }).cacheDirs,
    ).toEqual(['/x/cache/idlens']);

    for (const env of [{}, { XDG_CONFIG_HOME: '' }, { XDG_CONFIG_HOME: '  ' }]) {
      const plain = appLocations({ platform: 'linux', env, homedir: '/home/ana', tmpdir: '/tmp' });
      expect(plain.userData).toBe('/home/ana/.config/idlens');
    }
  });

  it('macOS: ~/Library/Application Support/idlens, and the default log folder is watched', () => {
    const mac = appLocations({
      platform: 'darwin',
      env: { XDG_CONFIG_HOME: '/ignored' },
      homedir: '/Users/ana',
      tmpdir: '/var/folders/xy/T',
    });
    expect(mac.platform).toBe('darwin');
    expect(mac.userData).toBe('/Users/ana/Library/Application Support/idlens');
    expect(mac.settingsFile).toBe('/Users/ana/Library/Application Support/idlens/settings.json');
    expect(mac.extraLogDirs).toEqual(['/Users/ana/Library/Logs/idlens']);
    expect(mac.cacheDirs).toEqual(['/Users/ana/Library/Caches/idlens']);
  });

  it('Windows: %APPDATA%\\idlens, falling back to the roaming profile under the home folder', () => {
    const win = appLocations({
      platform: 'win32',
      env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
      homedir: 'C:\\Users\\ana',
      tmpdir: 'C:\\Users\\ana\\AppData\\Local\\Temp',
    });
    expect(win.userData).toBe('C:\\Users\\ana\\AppData\\Roaming\\idlens');
    expect(win.settingsFile).toBe('C:\\Users\\ana\\AppData\\Roaming\\idlens\\settings.json');
    expect(win.cacheDirs).toEqual(['C:\\Users\\ana\\AppData\\Local\\idlens']);
    const noEnv = appLocations({
      platform: 'win32',
      env: {},
      homedir: 'C:\\Users\\ana',
      tmpdir: 'C:\\Temp',
    });
    expect(noEnv.userData).toBe('C:\\Users\\ana\\AppData\\Roaming\\idlens');
  });

  it('an explicit userData overrides the platform rule (the CLI --user-data)', () => {
    const loc = appLocations({
      platform: 'linux',
      env: {},
      homedir: '/home/ana',
      tmpdir: '/tmp',
      userData: '/srv/profile',
    });
    expect(loc.userData).toBe('/srv/profile');
    expect(loc.settingsFile).toBe('/srv/profile/settings.json');
  });

  it('finds the temporary session folders (directories with the prefix only)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'idlens-test-loc-'));
    roots.push(tmp);
    mkdirSync(join(tmp, 'idlens-session-b'));
    mkdirSync(join(tmp, 'idlens-session-a'));
    writeFileSync(join(tmp, 'idlens-session-file'), 'not a folder');
    mkdirSync(join(tmp, 'other-session-c'));
    const loc = appLocations({ platform: 'linux', env: {}, homedir: tmp, tmpdir: tmp });
    expect(findSessionDirs(loc)).toEqual([
      join(tmp, 'idlens-session-a'),
      join(tmp, 'idlens-session-b'),
    ]);
    const missing = appLocations({
      platform: 'linux',
      env: {},
      homedir: tmp,
      tmpdir: join(tmp, 'nope'),
    });
    expect(findSessionDirs(missing)).toEqual([]);
  });
});
