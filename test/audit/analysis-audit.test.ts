import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getSpecimens } from '../../demo/specimens.ts';
import { REPO } from './helpers.ts';
import { createSandbox, describeViolations, runTraced, straceAvailable } from './strace.ts';

/**
 * Disk and network audit of the review-assist checks: one analysis run over the ID card's three
 * specimen images — worker thread, OCR engine (WebAssembly) and its language model, and the face
 * comparison (face-api's models on TensorFlow.js' WebAssembly backend), all loaded from
 * node_modules — under `strace -f` with a fresh HOME, TMPDIR and XDG_*. It must create, write,
 * rename or remove no file anywhere (tesseract.js would otherwise cache its model to disk; tfjs
 * could cache a model or fetch its .wasm) and make no connect() call at all (no model is ever
 * fetched). The specimen JPEGs are written by this test process, outside the trace, and only read
 * by the traced run.
 */

let inputs: string;

beforeAll(async () => {
  expect(straceAvailable(), 'strace is required for the audit (apt-get install strace)').toBe(true);
  inputs = mkdtempSync(join(tmpdir(), 'idlens-analysis-audit-'));
  const specimens = await getSpecimens();
  for (const kind of ['documentFront', 'documentBack', 'face'] as const) {
    writeFileSync(join(inputs, `${kind}.jpg`), specimens[kind].bytes);
  }
});
afterAll(() => {
  if (inputs) rmSync(inputs, { recursive: true, force: true });
});

it('an analysis run, face comparison included, writes no file and opens no connection', async () => {
  const sandbox = createSandbox();
  try {
    const run = await runTraced(
      process.execPath,
      [
        join(REPO, 'test/audit/analysis-run.ts'),
        ...['documentFront', 'documentBack', 'face'].map((k) => join(inputs, `${k}.jpg`)),
      ],
      { sandbox, cwd: REPO, allow: { files: [] }, timeoutMs: 180_000 },
    );
    console.info(
      `analysis audit: exit ${run.exitCode}, ${run.parsed.calls} traced calls, ` +
        `${run.written.length} path(s) written, ${run.parsed.connects.length} connect() call(s), ` +
        `${run.durationMs} ms`,
    );
    expect(run.exitCode, run.stderr).toBe(0);
    // It did the work: the zone was read, the three images measured, the faces compared.
    expect(JSON.parse(run.stdout.trim())).toEqual({
      mrz: 'read',
      format: 'TD1',
      checkDigitsValid: true,
      quality: 3,
      face: 'same',
    });
    expect(run.parsed.blind).toEqual([]);
    expect(run.violations, describeViolations(run.violations)).toEqual([]);
    expect(run.written).toEqual([]);
    expect(run.parsed.connects).toEqual([]);
  } finally {
    sandbox.dispose();
  }
}, 240_000);
