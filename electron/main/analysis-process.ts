import { utilityProcess } from 'electron';
import type { AnalysisChannel } from '../../core/analysis/process/runner.ts';

/**
 * The analysis process in the app: an Electron `utilityProcess` (a Node process apart from main
 * and the renderer, no window, no renderer CSP change) running core/analysis/process/worker.ts, which
 * serves the same protocol as the Node worker. Main uses it through `AnalysisRunner`:
 *
 *   const runner = new AnalysisRunner(utilityAnalysisChannel(workerModulePath));
 *
 * Image bytes cross by structured clone (a utility process cannot take transferred buffers), so
 * main keeps and zeroes its own copy as it does today.
 */
export function utilityAnalysisChannel(modulePath: string): AnalysisChannel {
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: 'idlens analysis',
    stdio: 'ignore',
  });
  let ended = false;
  const endListeners: (() => void)[] = [];
  child.once('exit', () => {
    ended = true;
    for (const listener of endListeners) listener();
  });
  return {
    post: (message) => {
      if (!ended) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onEnd: (listener) => {
      endListeners.push(listener);
    },
    terminate: () =>
      new Promise<void>((resolve) => {
        if (ended) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
