import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPart, linesByPart } from '../../../scripts/coverage.ts';

const root = '/repo';
const lines = (covered: number, total: number) => ({ lines: { covered, total, pct: 0 } });

describe('npm run coverage: line coverage per part of the tree', () => {
  const summary = {
    total: lines(999, 999),
    [join(root, 'core/auth/oauth.ts')]: lines(90, 100),
    [join(root, 'core/settings.ts')]: lines(10, 10),
    [join(root, 'electron/main/main.ts')]: lines(40, 50),
    [join(root, 'shared/ipc.ts')]: lines(5, 5),
    // Not a part that is reported, nor a part by name only.
    [join(root, 'demo/provider.ts')]: lines(1, 100),
    [join(root, 'core-extra/x.ts')]: lines(0, 100),
  };

  it('sums the lines of each folder, and only its own files', () => {
    const parts = linesByPart(summary, root);
    expect(parts.map((p) => [p.folder, p.covered, p.total])).toEqual([
      ['core', 100, 110],
      ['electron', 40, 50],
      ['cli', 0, 0],
      ['shared', 5, 5],
    ]);
    expect(parts[0]!.pct).toBeCloseTo(90.9, 1);
  });

  it('prints the figure and the target', () => {
    const [core, glue] = linesByPart(summary, root);
    expect(formatPart(core!)).toMatch(
      /^core\/.* 90\.9 % of lines {2}100\/110 {2}\(target ≥ 90 %\)$/,
    );
    expect(formatPart(glue!)).toMatch(/80\.0 % of lines {2}40\/50 {2}\(target ≥ 80 %\)$/);
  });

  it('refuses a summary that is not Istanbul json-summary', () => {
    expect(() => linesByPart({ total: { statements: 1 } }, root)).toThrow();
  });
});
