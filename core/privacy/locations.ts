import { readdirSync, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { SESSION_DIR_PREFIX } from '../session-dir.ts';

/**
 * Where idlens (and the Chromium inside it) can write, per platform. Computed from what is passed
 * in — environment, platform, home and temp folders — so the CLI, the app and tests on any OS
 * can ask about any platform. Mirrors Electron: `userData` is `<appData>/<app name>`, where
 * appData is `$XDG_CONFIG_HOME` or `~/.config` (Linux), `~/Library/Application Support` (macOS),
 * `%APPDATA%` (Windows). The temporary session folders are `<tmp>/idlens-session-*`
 * (`electron/session-dir.ts`), holding Chromium's session data, `crash/` and `logs/`.
 */

export const APP_DIR_NAME = 'idlens';
export const SETTINGS_FILE_NAME = 'settings.json';
/** The file holding only the OS-keychain ciphertext of a client secret, if stored. */
export const CLIENT_SECRET_FILE_NAME = 'client-secret.json';

export type PrivacyPlatform = 'linux' | 'darwin' | 'win32';

export interface LocationInput {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
  tmpdir: string;
  /** Overrides (the CLI's `--user-data`, `--tmp`). */
  userData?: string | undefined;
}

export interface AppLocations {
  platform: PrivacyPlatform;
  /** `<appData>/idlens`: settings.json, Chromium's lock files and local state. */
  userData: string;
  /** `<userData>/settings.json` — the one file idlens means to keep. */
  settingsFile: string;
  /** `<userData>/client-secret.json` — only when the user stored a client secret in the app. */
  clientSecretFile: string;
  /** The folder the temporary session folders are created in (the OS temp folder). */
  tmpRoot: string;
  /** Name prefix of the temporary session folders. */
  sessionDirPrefix: string;
  /**
   * Log folders outside userData that Electron would use if logs were not redirected
   * (`app.setAppLogsPath()` without a path: `~/Library/Logs/idlens` on macOS).
   */
  extraLogDirs: string[];
  /**
   * The platform's per-user cache folder for the app, which idlens never uses but Chromium can
   * (it mirrors a profile under ~/.config into ~/.cache on Linux): should not exist.
   */
  cacheDirs: string[];
}

export function privacyPlatform(platform: string): PrivacyPlatform {
  if (platform === 'darwin' || platform === 'win32') return platform;
  // Electron's Linux rules (XDG) apply to the other Unix-likes too.
  return 'linux';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** Electron's `appData` for the platform. */
export function appDataDir(input: LocationInput): string {
  const platform = privacyPlatform(input.platform);
  if (platform === 'win32') {
    return nonEmpty(input.env['APPDATA']) ?? win32.join(input.homedir, 'AppData', 'Roaming');
  }
  if (platform === 'darwin') return posix.join(input.homedir, 'Library', 'Application Support');
  // Chromium's GetXDGDirectory: the variable when set and non-empty, else the fallback.
  return nonEmpty(input.env['XDG_CONFIG_HOME']) ?? posix.join(input.homedir, '.config');
}

/** The per-user cache root: `$XDG_CACHE_HOME` or `~/.cache`, `~/Library/Caches`, `%LOCALAPPDATA%`. */
export function cacheRoot(input: LocationInput): string {
  const platform = privacyPlatform(input.platform);
  if (platform === 'win32') {
    return nonEmpty(input.env['LOCALAPPDATA']) ?? win32.join(input.homedir, 'AppData', 'Local');
  }
  if (platform === 'darwin') return posix.join(input.homedir, 'Library', 'Caches');
  return nonEmpty(input.env['XDG_CACHE_HOME']) ?? posix.join(input.homedir, '.cache');
}

export function appLocations(input: LocationInput): AppLocations {
  const platform = privacyPlatform(input.platform);
  const path = platform === 'win32' ? win32 : posix;
  const userData = nonEmpty(input.userData) ?? path.join(appDataDir(input), APP_DIR_NAME);
  return {
    platform,
    userData,
    settingsFile: path.join(userData, SETTINGS_FILE_NAME),
    clientSecretFile: path.join(userData, CLIENT_SECRET_FILE_NAME),
    tmpRoot: input.tmpdir,
    sessionDirPrefix: SESSION_DIR_PREFIX,
    extraLogDirs:
      platform === 'darwin' ? [posix.join(input.homedir, 'Library', 'Logs', APP_DIR_NAME)] : [],
    cacheDirs: [path.join(cacheRoot(input), APP_DIR_NAME)],
  };
}

/** The temporary session folders present now (this run's, and any a crash left behind). */
export function findSessionDirs(locations: AppLocations): string[] {
  const path = locations.platform === 'win32' ? win32 : posix;
  let names: string[];
  try {
    names = readdirSync(locations.tmpRoot);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith(locations.sessionDirPrefix)) continue;
    const full = path.join(locations.tmpRoot, name);
    try {
      if (statSync(full).isDirectory()) found.push(full);
    } catch {
      // Gone between readdir and stat: nothing to report.
    }
  }
  return found;
}
