import { parentPort } from 'node:worker_threads';
import { serveAnalysis } from '../../core/analysis/process/serve.ts';

/**
 * The analysis worker without its face step, for renderer-during-checks.bench.ts's memory
 * comparison: the same loop as core/analysis/process/worker.ts, with no comparer (as analysis-face.bench.ts
 * does), so the face models are never loaded and no colour pixels are decoded for them.
 */

if (!parentPort) throw new Error('Start this file as a worker_threads worker.');
const port = parentPort;
void serveAnalysis(
  {
    onMessage: (listener) => port.on('message', listener),
    post: (message) => port.postMessage(message),
  },
  () => port.close(),
  undefined,
  null,
);
