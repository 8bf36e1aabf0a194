import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisWorkerUrl } from '../../../../../core/analysis/process/worker-location.ts';

/** The runner finds the analysis process's entry from source and from the bundle's layout. */

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function builtTree(): string {
  dir = mkdtempSync(join(tmpdir(), 'idlens-worker-location-'));
  mkdirSync(join(dir, 'main/chunks'), { recursive: true });
  writeFileSync(join(dir, 'main/analysis-worker.js'), '');
  return join(dir, 'main');
}

describe('analysisWorkerUrl', () => {
  it('from source: worker.ts beside the runner', () => {
    const url = analysisWorkerUrl('file:///repo/core/analysis/runner.ts');
    expect(url.href).toBe('file:///repo/core/analysis/worker.ts');
  });

  it('from a bundle entry (dist/main/cli.js): analysis-worker.js beside it', () => {
    const main = builtTree();
    const url = analysisWorkerUrl(pathToFileURL(join(main, 'cli.js')).href);
    expect(url.href).toBe(pathToFileURL(join(main, 'analysis-worker.js')).href);
  });

  it('from a shared chunk (dist/main/chunks/x.js): analysis-worker.js one folder up', () => {
    const main = builtTree();
    const url = analysisWorkerUrl(pathToFileURL(join(main, 'chunks/runner-Ab12.js')).href);
    expect(url.href).toBe(pathToFileURL(join(main, 'analysis-worker.js')).href);
  });
});
