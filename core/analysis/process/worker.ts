import { parentPort } from 'node:worker_threads';
import type { FromAnalysis } from './protocol.ts';
import { serveAnalysis } from './serve.ts';

/**
 * Entry of the analysis process. Under Node it is a `worker_threads` worker; in the app Electron
 * starts the same file as a `utilityProcess`, whose port is `process.parentPort` (messages
 * arrive wrapped as `{ data }`). Nothing here imports Electron.
 */

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

// Electron adds `parentPort` to `process` only in a utility process.
const electronPort = Reflect.get(process, 'parentPort') as ElectronParentPort | undefined;

if (parentPort) {
  const port = parentPort;
  void serveAnalysis(
    {
      onMessage: (listener) => port.on('message', listener),
      post: (message: FromAnalysis) => port.postMessage(message),
    },
    () => port.close(),
  );
} else if (electronPort) {
  void serveAnalysis(
    {
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      post: (message: FromAnalysis) => electronPort.postMessage(message),
    },
    () => process.exit(0),
  );
} else {
  throw new Error('The analysis worker must be started by its runner.');
}
