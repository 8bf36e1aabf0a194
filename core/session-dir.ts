import { mkdtempSync, readdirSync, rmSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The private temporary folder Chromium's session data, crash dumps and logs are pointed at.
 * Created 0700 before `ready`, removed at quit; leftovers of a crashed run are swept at start.
 */
export const SESSION_DIR_PREFIX = 'idlens-session-';

export function createSessionDir(tmpRoot: string): string {
  const dir = mkdtempSync(join(tmpRoot, SESSION_DIR_PREFIX));
  chmodSync(dir, 0o700);
  return dir;
}

/** Removes earlier runs' folders (not `keep`). A folder still in use by another instance is not
 * possible: the single-instance lock is taken before this runs. Returns what was removed. */
export function sweepLeftoverSessionDirs(tmpRoot: string, keep?: string): string[] {
  let names: string[];
  try {
    names = readdirSync(tmpRoot);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(SESSION_DIR_PREFIX)) continue;
    const full = join(tmpRoot, name);
    if (full === keep) continue;
    try {
      if (!statSync(full).isDirectory()) continue;
      rmSync(full, { recursive: true, force: true });
      removed.push(full);
    } catch {
      // Not ours to remove (another user's, or already gone): leave it.
    }
  }
  return removed;
}

export function removeSessionDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
