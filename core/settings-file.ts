import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { Settings } from '../shared/settings.ts';
import type { SecretBacking } from './client-secret.ts';
import type { SettingsBacking } from './settings.ts';

/**
 * The settings file on disk (`settings.json` in the app's user-data folder): read once at start,
 * written whole (a sibling file renamed over it) after each change. A file that cannot be read as
 * it is — not JSON, a foreign encoding, too large — never stops start-up: what can be salvaged is
 * returned, the file is reported damaged, and it can be set aside under a dated name (it holds no
 * personal data) before the repaired settings are written. Something other than a regular file
 * there (a named pipe, a device, a folder) is never opened — reading a pipe would wait for a
 * writer for ever — and counts as damaged. A write never follows a link planted at its temporary
 * name: the name is unpredictable and the file is created exclusively.
 */

/** Far more than any real settings file; a bigger one is not read. */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

export interface SettingsFileContent {
  /** The parsed JSON, or undefined when there is no file or nothing could be parsed. */
  value: unknown;
  /** Whether the file was there but not plain UTF-8 JSON of a sane size. */
  damaged: boolean;
}

function decode(bytes: Buffer): { text: string; foreign: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), foreign: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), foreign: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), foreign: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), foreign: false };
  } catch {
    // Not UTF-8: most likely Latin-1 from an editor; its ASCII part still reads the same.
    return { text: bytes.toString('latin1'), foreign: true };
  }
}

/** Reads and parses the settings file; never throws for what the file holds. */
export function readSettingsFile(path: string): SettingsFileContent {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { value: undefined, damaged: true };
    size = stat.size;
  } catch {
    return { value: undefined, damaged: false };
  }
  if (size > MAX_SETTINGS_FILE_BYTES) return { value: undefined, damaged: true };
  const { text, foreign } = decode(readFileSync(path));
  try {
    return { value: JSON.parse(text) as unknown, damaged: foreign };
  } catch {
    return { value: undefined, damaged: true };
  }
}

/** Moves the file aside as `settings.json.damaged-<time>`; returns that name, or null. */
export function setSettingsFileAside(path: string, now: number = Date.now()): string | null {
  const stamp = new Date(now)
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  for (let n = 0; n < 100; n++) {
    const target = `${path}.damaged-${stamp}${n === 0 ? '' : `-${n}`}`;
    if (existsSync(target)) continue;
    try {
      renameSync(path, target);
      return basename(target);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Writes a JSON value as a new sibling file (0600, created exclusively under a random name, so a
 * link or file planted there makes the write fail instead of being followed), then renames it
 * over the old one.
 */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  writeFileSync(temporary, `${JSON.stringify(value, null, '\t')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes the settings as a sibling file, then renames it over the old one. */
export function writeSettingsFile(path: string, settings: Settings): void {
  writeJsonFile(path, settings);
}

/**
 * The backing of the stored client secret's ciphertext: `client-secret.json` beside the settings,
 * `{ "clientSecret": "<base64>" }`. A file that cannot be read is treated as holding no secret (the
 * user enters it again); clearing the secret removes the file.
 */
export function secretFileBacking(path: string): SecretBacking {
  return {
    read() {
      const { value } = readSettingsFile(path);
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'clientSecret')) {
        return undefined;
      }
      return (value as { clientSecret: unknown }).clientSecret;
    },
    write(ciphertext) {
      if (ciphertext === undefined) rmSync(path, { force: true });
      else writeJsonFile(path, { clientSecret: ciphertext });
    },
  };
}

/** The settings service's backing over one file. */
export function settingsFileBacking(
  path: string,
  options: { now?: () => number } = {},
): SettingsBacking {
  let damaged = false;
  return {
    read() {
      const content = readSettingsFile(path);
      damaged = content.damaged;
      return content.value;
    },
    damaged: () => damaged,
    setAside: () => setSettingsFileAside(path, options.now?.()),
    write: (settings) => writeSettingsFile(path, settings),
  };
}
