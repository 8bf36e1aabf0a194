import { Worker } from 'node:worker_threads';
import type { AnalysisReport, CannotTellReason } from '../../shared/analysis.ts';
import type { AnalysisInput } from './analyze.ts';
import { FromAnalysisSchema, type ToAnalysis } from './protocol.ts';

/**
 * Runs the checks in a `worker_threads` worker (the CLI and the tests; the app uses Electron's
 * `utilityProcess` with the same protocol). Each run gets its own copy of the image bytes — the
 * caller keeps and zeroes its own — and the worker zeroes its copy when the run ends. `dispose()`
 * ends the worker and everything it held: call it on wipe, sign-out and quit.
 */

export class AnalysisError extends Error {
  override name = 'AnalysisError';
  readonly reason: Extract<CannotTellReason, 'cancelled' | 'analysis_failed'>;

  constructor(reason: AnalysisError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

interface Pending {
  resolve: (report: AnalysisReport) => void;
  reject: (error: AnalysisError) => void;
}

export interface RunOptions {
  signal?: AbortSignal;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export class AnalysisRunner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ended = false;
  /** Resolves once the engine is loaded (or rejects if the worker died first). */
  readonly ready: Promise<void>;

  constructor(workerUrl: URL = WORKER_URL) {
    this.worker = new Worker(workerUrl);
    let markReady: () => void = () => {};
    let failReady: (error: AnalysisError) => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (raw: unknown) => {
      const parsed = FromAnalysisSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'ready') {
        markReady();
        return;
      }
      const run = this.pending.get(message.id);
      if (!run) return;
      this.pending.delete(message.id);
      if (message.type === 'result') run.resolve(message.report);
      else
        run.reject(
          new AnalysisError(
            message.reason === 'cancelled' ? 'cancelled' : 'analysis_failed',
            message.detail,
          ),
        );
    });
    const fail = () => {
      const error = new AnalysisError('analysis_failed', 'The analysis process ended.');
      failReady(error);
      this.end(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  /** The checks for one verification. Rejects with AnalysisError (cancelled, failed, ended). */
  analyze(input: AnalysisInput, options: RunOptions = {}): Promise<AnalysisReport> {
    if (this.ended)
      return Promise.reject(
        new AnalysisError('analysis_failed', 'The analysis process has ended.'),
      );
    const { signal } = options;
    if (signal?.aborted)
      return Promise.reject(new AnalysisError('cancelled', 'The checks were cancelled.'));
    const id = this.nextId++;
    const copy = (bytes: Uint8Array | null) => (bytes ? new Uint8Array(bytes) : null);
    const images = {
      documentFront: copy(input.images.documentFront),
      documentBack: copy(input.images.documentBack),
      face: copy(input.images.face),
    };
    const transfer = Object.values(images).flatMap((b) => (b ? [b.buffer] : []));
    return new Promise<AnalysisReport>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.send({ type: 'cancel', id });
        reject(new AnalysisError('cancelled', 'The checks were cancelled.'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (report) => {
          settle();
          resolve(report);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      this.send({ type: 'analyze', id, input: { ...input, images } }, transfer);
    });
  }

  /** Ends the worker (and the OCR engine in it); pending runs fail. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.ended) return;
    this.end(new AnalysisError('analysis_failed', 'The analysis process was ended.'));
    await this.worker.terminate();
  }

  private send(message: ToAnalysis, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private end(error: AnalysisError): void {
    this.ended = true;
    for (const run of this.pending.values()) run.reject(error);
    this.pending.clear();
  }
}
