import { mkdtempSync, mkdirSync, existsSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSessionDir,
  removeSessionDir,
  sweepLeftoverSessionDirs,
} from '../../../core/session-dir.ts';

const roots: string[] = [];
function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idlens-test-root-'));
  roots.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('temporary session folder', () => {
  it('is private to the user (0700)', () => {
    const dir = createSessionDir(root());
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('sweeps leftovers of a crashed run but keeps the current one and unrelated folders', () => {
    const r = root();
    const stale = join(r, 'idlens-session-stale');
    mkdirSync(join(stale, 'Crashpad'), { recursive: true });
    writeFileSync(join(stale, 'Preferences'), '{}');
    mkdirSync(join(r, 'someone-else'));
    const current = createSessionDir(r);
    const removed = sweepLeftoverSessionDirs(r, current);
    expect(removed).toEqual([stale]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(current)).toBe(true);
    expect(existsSync(join(r, 'someone-else'))).toBe(true);
  });

  it('is removed whole at quit', () => {
    const dir = createSessionDir(root());
    mkdirSync(join(dir, 'crash', 'pending'), { recursive: true });
    removeSessionDir(dir);
    expect(existsSync(dir)).toBe(false);
  });
});
