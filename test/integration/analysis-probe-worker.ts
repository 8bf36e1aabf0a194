import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

/**
 * The real analysis process (core/analysis/process/worker.ts, unchanged) with a witness beside it, for
 * analysis-main.test.ts: after each run's answer it also posts `{ type: 'probe', faceModules }`,
 * the number of face-model modules (face-api and the TensorFlow.js packages it runs on) this
 * thread has loaded so far. They are loaded only by the face runtime (a `require` inside its
 * loader), so 0 means the face models were never loaded in this process. The runner ignores the
 * extra message: it is not part of the protocol.
 */

if (!parentPort) throw new Error('Start this file as a worker_threads worker.');
const port = parentPort;
const moduleCache = createRequire(import.meta.url).cache;
const FACE_MODULE = /[\\/]node_modules[\\/](@vladmandic[\\/]face-api|@tensorflow)[\\/]/;

const post = port.postMessage.bind(port);
port.postMessage = (message: unknown, transfer?: Parameters<typeof post>[1]) => {
  post(message, transfer);
  const type = typeof message === 'object' && message !== null && Reflect.get(message, 'type');
  if (type === 'result' || type === 'failed') {
    const faceModules = Object.keys(moduleCache).filter((path) => FACE_MODULE.test(path)).length;
    post({ type: 'probe', faceModules });
  }
};

await import('../../core/analysis/process/worker.ts');
