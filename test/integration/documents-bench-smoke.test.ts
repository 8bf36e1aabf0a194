import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * The documents bench (P1: time to documents against the link's limit) run end to end, as a
 * smoke run: real demo backend, real sign-in and signed URLs, the throttling proxy. Its times are
 * printed, never asserted; what is asserted is that it completes and prints every row, so the
 * headline figure cannot silently stop being measured.
 */

const BENCH = fileURLToPath(new URL('../bench/documents.bench.ts', import.meta.url));

it('the documents bench runs to its tables for both link models', async () => {
  const child = spawn(process.execPath, [BENCH], {
    // A fast link: the smoke run checks the path, not the time.
    env: { ...process.env, BENCH_BYTES_PER_SECOND: '50000000', BENCH_LATENCY_MS: '5' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(err).toBe('');
  expect(code).toBe(0);
  for (const model of ['per connection', 'shared link'])
    expect(out).toContain(`link model: ${model}`);
  expect(
    out.match(/\| app: loadDocuments \(parallel, guarded, checked\) \| \d+ ms \| [\d.]+ \|/g),
  ).toHaveLength(2);
  expect(
    out.match(/\| naive: reference example \(sequential\) \| \d+ ms \| [\d.]+ \|/g),
  ).toHaveLength(2);
});
