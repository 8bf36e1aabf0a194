/**
 * `npm test`: everything CI runs, in order — typecheck (main against Electron's own types, and
 * the renderer), lint, build, then every vitest project (unit, renderer, integration, e2e).
 * Each step runs even when an earlier one failed, so one run shows every problem; the exit code
 * is non-zero if any failed. Extra arguments go to vitest (e.g. `npm test -- --project unit`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const vitestArgs = process.argv.slice(2);
const bin = (name: string) => `node_modules/.bin/${name}`;

const steps: { name: string; cmd: string; args: string[] }[] = [
  { name: 'typecheck (main, shared, tests)', cmd: bin('tsc'), args: ['-p', 'tsconfig.json'] },
  { name: 'typecheck (renderer)', cmd: bin('tsc'), args: ['-p', 'renderer/tsconfig.json'] },
  {
    name: 'typecheck (browser and audit tests)',
    cmd: bin('tsc'),
    args: ['-p', 'test/e2e/tsconfig.json'],
  },
  { name: 'lint', cmd: bin('eslint'), args: ['.'] },
  {
    name: 'format',
    cmd: bin('prettier'),
    args: [
      '--check',
      '--log-level',
      'warn',
      '{core,electron,renderer,shared,cli,demo,scripts}/**/*.{ts,tsx}',
    ],
  },
  { name: 'build (renderer)', cmd: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  {
    name: 'build (main, cli)',
    cmd: bin('vite'),
    args: ['build', '-c', 'vite.main.config.ts', '--logLevel', 'warn'],
  },
  {
    name: 'build (preload)',
    cmd: bin('vite'),
    args: ['build', '-c', 'vite.preload.config.ts', '--logLevel', 'warn'],
  },
];

const failed: string[] = [];
for (const step of steps) {
  process.stdout.write(`\n▶ ${step.name}\n`);
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
  if (run.status !== 0) failed.push(step.name);
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
process.stdout.write('\n▶ tests (unit, renderer, integration, e2e)\n');
const tests = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
  { stdio: 'inherit' },
);
if (tests.status !== 0) failed.push('tests');

const Report = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
});
let summary = 'no test report was written';
try {
  const r = Report.parse(JSON.parse(readFileSync(report, 'utf8')));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
} catch {
  failed.push('test report');
}

process.stdout.write(`\n${failed.length === 0 ? 'OK' : `FAILED: ${failed.join(', ')}`}\n`);
process.stdout.write(`${summary}\n`);
process.exit(failed.length === 0 ? 0 : 1);
