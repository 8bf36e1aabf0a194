import { parentPort } from 'node:worker_threads';
import type { FaceComparer } from '../../core/analysis/face-step.ts';
import { serveAnalysis } from '../../core/analysis/serve.ts';

/**
 * The analysis worker without its face step, for renderer-during-checks.bench.ts's memory
 * comparison: the same loop as core/analysis/worker.ts, with a stand-in comparer that answers at
 * once (as analysis-face.bench.ts does), so the face models are never loaded.
 */
const skip: FaceComparer = {
  warm: () => {},
  compare: () => Promise.reject(new Error('face step left out for the comparison')),
};

if (!parentPort) throw new Error('Start this file as a worker_threads worker.');
const port = parentPort;
void serveAnalysis(
  {
    onMessage: (listener) => port.on('message', listener),
    post: (message) => port.postMessage(message),
  },
  () => port.close(),
  undefined,
  skip,
);
