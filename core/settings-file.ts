import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Settings } from '../shared/settings.ts';
import type { SecretBacking } from './client-secret.ts';
import type { SettingsBacking } from './settings.ts';

/**
 * The settings file on disk (`settings.json` in the app's user-data folder): read once at start,
 * written whole (a sibling file renamed over it) after each change. A file that cannot be read as
 * it is — not JSON, a foreign encoding, too large — never stops start-up: what can be salvaged is
 * returned, the file is reported damaged, and it can be set aside under a dated name (it holds no
 * personal data) before the repaired settings are written. Only a plain file is read or replaced:
 * anything else at that name (a link, a named pipe, a folder) is treated as damaged and set aside.
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

/**
 * The file's bytes, read only when it is a plain file: a link, a folder, a named pipe or a device
 * at that name is refused without being opened for reading in a way that could block (`lstat`
 * first, then an `O_NOFOLLOW | O_NONBLOCK` open whose `fstat` must still say "regular file").
 * `missing`: nothing there; `refused`: something that is not a plain file, or too large.
 */
function readPlainFile(path: string): Buffer | 'missing' | 'refused' {
  let entry;
  try {
    entry = lstatSync(path);
  } catch {
    return 'missing';
  }
  if (!entry.isFile() || entry.size > MAX_SETTINGS_FILE_BYTES) return 'refused';
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return 'refused';
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > MAX_SETTINGS_FILE_BYTES) return 'refused';
    const bytes = Buffer.alloc(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } catch {
    return 'refused';
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses the settings file; never throws for what the file holds, never blocks. */
export function readSettingsFile(path: string): SettingsFileContent {
  const bytes = readPlainFile(path);
  if (bytes === 'missing') return { value: undefined, damaged: false };
  if (bytes === 'refused') return { value: undefined, damaged: true };
  const { text, foreign } = decode(bytes);
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
 * Writes a JSON value as a sibling file, then renames it over the old one. The sibling has a
 * fresh random name and is created exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`, 0600): whatever
 * somebody planted beside the file — a link to another file included — is never opened, followed
 * or overwritten. The folder is created private (0700).
 */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(8).toString('hex')}`;
  const fd = openSync(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    writeFileSync(fd, `${JSON.stringify(value, null, '\t')}\n`);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
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
