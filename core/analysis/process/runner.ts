import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { AnalysisReport, CannotTellReason } from '../../../shared/analysis.ts';
import type { AnalysisInput } from '../analyze.ts';
import { FromAnalysisSchema, type FaceStep, type ToAnalysis } from './protocol.ts';
import { analysisWorkerUrl } from './worker-location.ts';

/**
 * Runs the checks in the analysis process: a `worker_threads` worker by default (the CLI and the
 * tests), or whatever channel is given — the app passes Electron's `utilityProcess`
 * (electron/main/analysis-process.ts), which speaks the same protocol. Each run gets its own copy
 * of the image bytes — the caller keeps and zeroes its own — and the process zeroes its copy when
 * the run ends. `dispose()` ends the process and everything it held: call it on wipe, sign-out
 * and quit.
 */

/** How the runner reaches the analysis process. */
export interface AnalysisChannel {
  post(message: ToAnalysis, transfer: ArrayBuffer[]): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends or fails, for whatever reason. */
  onEnd(listener: () => void): void;
  terminate(): Promise<void>;
}

/** Just enough of an answer to tell which run it was for. */
const RunIdSchema = z.object({ type: z.enum(['result', 'failed']), id: z.int() });

/** The analysis process as a `worker_threads` worker (worker.ts, or its bundle once built). */
export function workerChannel(workerUrl: URL = analysisWorkerUrl()): AnalysisChannel {
  const worker = new Worker(workerUrl);
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (listener) => worker.on('message', listener),
    onEnd: (listener) => {
      worker.on('error', listener);
      worker.on('exit', listener);
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

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
  /** `turned_off`: documents only — the process does not compare the faces. Default `run`. */
  faceStep?: FaceStep;
}

export class AnalysisRunner {
  private readonly channel: AnalysisChannel;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ended = false;
  /** Resolves once the engine is loaded (or rejects if the worker died first). */
  readonly ready: Promise<void>;

  constructor(channel: AnalysisChannel = workerChannel()) {
    this.channel = channel;
    let markReady: () => void = () => {};
    let failReady: (error: AnalysisError) => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    this.ready.catch(() => undefined);
    this.channel.onMessage((raw: unknown) => {
      const parsed = FromAnalysisSchema.safeParse(raw);
      if (!parsed.success) {
        // A malformed answer to a run still ends that run (as failed), instead of leaving it
        // waiting for ever; anything else malformed is ignored.
        const id = RunIdSchema.safeParse(raw);
        const run = id.success ? this.pending.get(id.data.id) : undefined;
        if (id.success && run) {
          this.pending.delete(id.data.id);
          run.reject(
            new AnalysisError('analysis_failed', 'The analysis process sent an invalid report.'),
          );
        }
        return;
      }
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
          message.reason === 'cancelled'
            ? new AnalysisError('cancelled', 'The checks were cancelled.')
            : new AnalysisError('analysis_failed', 'The analysis process could not complete them.'),
        );
    });
    const fail = () => {
      const error = new AnalysisError('analysis_failed', 'The analysis process ended.');
      failReady(error);
      this.end(error);
    };
    this.channel.onEnd(fail);
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
      this.send(
        {
          type: 'analyze',
          id,
          input: { ...input, images },
          faceStep: options.faceStep ?? 'run',
        },
        transfer,
      );
      // A worker took the buffers (detached now: length 0); a utility process got a structured
      // clone, so the copy made here is zeroed rather than left for the collector.
      for (const bytes of Object.values(images)) if (bytes && bytes.byteLength > 0) bytes.fill(0);
    });
  }

  /** Ends the worker (and the OCR engine in it); pending runs fail. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.ended) return;
    this.end(new AnalysisError('analysis_failed', 'The analysis process was ended.'));
    await this.channel.terminate();
  }

  private send(message: ToAnalysis, transfer: ArrayBuffer[] = []): void {
    this.channel.post(message, transfer);
  }

  private end(error: AnalysisError): void {
    this.ended = true;
    for (const run of this.pending.values()) run.reject(error);
    this.pending.clear();
  }
}
