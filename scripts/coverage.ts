/**
 * `npm run coverage`: the unit and integration projects under V8 coverage, then one line per part
 * of the tree — how much of its lines ran here. Targets: 90 % of the core, 80 % of the Electron
 * glue (which runs against a stand-in for Electron: no Electron binary exists on CI). Exits
 * non-zero when a test fails or a target is missed. Extra arguments go to vitest.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { z } from 'zod';

const ROOT = resolve(import.meta.dirname, '..');
const SUMMARY = resolve(ROOT, 'coverage', 'coverage-summary.json');

export const PARTS = [
  { folder: 'core', label: 'core/     (Electron-free main)', target: 90 },
  { folder: 'electron', label: 'electron/ (the glue)', target: 80 },
  { folder: 'cli', label: 'cli/', target: undefined },
  { folder: 'shared', label: 'shared/', target: undefined },
] as const;

const Counts = z.object({ total: z.number(), covered: z.number() });
const Summary = z.record(z.string(), z.object({ lines: Counts }));

export interface PartCoverage {
  folder: string;
  label: string;
  target: number | undefined;
  covered: number;
  total: number;
  pct: number;
}

/** Line coverage per part of the tree, from Istanbul's json-summary report. */
export function linesByPart(summary: unknown, root: string): PartCoverage[] {
  const files = Summary.parse(summary);
  return PARTS.map((part) => {
    let covered = 0;
    let total = 0;
    for (const [file, counts] of Object.entries(files)) {
      if (file === 'total') continue;
      const [top] = relative(root, file).split(sep);
      if (top !== part.folder) continue;
      covered += counts.lines.covered;
      total += counts.lines.total;
    }
    const pct = total === 0 ? 0 : (covered / total) * 100;
    return { ...part, covered, total, pct };
  });
}

export function formatPart(part: PartCoverage): string {
  const target = part.target === undefined ? '' : `  (target ≥ ${part.target} %)`;
  const pct = `${part.pct.toFixed(1)} %`.padStart(7);
  return `${part.label.padEnd(32)} ${pct} of lines  ${part.covered}/${part.total}${target}`;
}

if (import.meta.main) {
  const run = spawnSync(
    resolve(ROOT, 'node_modules/.bin/vitest'),
    [
      'run',
      '--project',
      'unit',
      '--project',
      'integration',
      '--coverage',
      // Instrumented code runs slower: the unit project's 5 s default is too tight for it.
      '--testTimeout=60000',
      '--hookTimeout=60000',
      ...process.argv.slice(2),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const parts = linesByPart(JSON.parse(readFileSync(SUMMARY, 'utf8')), ROOT);
  process.stdout.write('\nLine coverage (unit + integration):\n');
  for (const part of parts) process.stdout.write(`  ${formatPart(part)}\n`);
  const missed = parts.filter((p) => p.target !== undefined && p.pct < p.target);
  for (const part of missed) process.stdout.write(`Below target: ${part.folder}/\n`);
  process.exit(run.status !== 0 || missed.length > 0 ? 1 : 0);
}
