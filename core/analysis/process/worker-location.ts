import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the analysis process's entry is. From source (the tests run .ts under Node) it is
 * worker.ts beside this file. From the build it is dist/main/analysis-worker.js (an entry of
 * vite.main.config.ts), next to main.js and cli.js — while this code itself may have been put in
 * a shared chunk under dist/main/chunks/.
 */
export const BUILT_WORKER_FILE = 'analysis-worker.js';

export function analysisWorkerUrl(from: string = import.meta.url): URL {
  if (/\.ts$/.test(new URL(from).pathname)) return new URL('./worker.ts', from);
  const beside = new URL(`./${BUILT_WORKER_FILE}`, from);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(`../${BUILT_WORKER_FILE}`, from);
}
