import type { AnalysisState } from '../shared/analysis.ts';
import type { DocumentsResult } from '../shared/ipc.ts';
import type { ChecksSetting } from '../shared/settings.ts';
import { AnalysisError, AnalysisRunner, type AnalysisChannel } from './analysis/process/runner.ts';

/**
 * The review-assist checks as main runs them: after a load, on main's own copy of the images
 * (taken before main zero-fills what it held for the reply), in the analysis process the platform
 * offers (a `utilityProcess` in the app, a `worker_threads` worker under Node). The state — idle,
 * off, running, done with the report, failed — is told to the window with `analysis:changed` and
 * answered by `analysis:state`. A wipe, a sign-out or quitting ends the process and everything it
 * held, and the state returns to idle; a new load cancels a run still going.
 *
 * The user's "Checks on this computer" setting is read as each load begins and again as its run
 * starts, so a change applies from the next load (a run going finishes as it started): `off` — no
 * process is started (one still alive from an earlier load is ended) and the state is `off`;
 * `documents` — the run is told to leave out the face step, and a process that compared faces in
 * an earlier load is replaced, so no process serving it has ever loaded the face models.
 */

export interface AnalysisService {
  state(): AnalysisState;
  /**
   * A new load begins: a run still going is cancelled, the old report forgotten (idle), and a
   * fresh analysis process started (one that served an earlier load is ended), so its engine
   * loads during the download.
   */
  prepare(): void;
  /** Starts the checks on the documents just loaded (copied now, synchronously). */
  start(result: DocumentsResult): void;
  /** Ends the analysis process and forgets the report: the state is idle after. */
  stop(): Promise<void>;
}

export interface AnalysisServiceDeps {
  /** Starts an analysis process; absent where the host offers none (the state stays idle). */
  channel?: (() => AnalysisChannel) | undefined;
  /** The "Checks on this computer" setting as it is now; absent: `all`. */
  checks?: (() => ChecksSetting) | undefined;
  emit(state: AnalysisState): void;
  now?: (() => number) | undefined;
}

const IDLE: AnalysisState = { status: 'idle' };

export function createAnalysisService(deps: AnalysisServiceDeps): AnalysisService {
  let state: AnalysisState = IDLE;
  let runner: AnalysisRunner | null = null;
  /** Whether the current process was ever asked to compare faces (it may hold the models). */
  let runnerComparedFaces = false;
  /** The process has served a load: the next load gets a fresh one. */
  let runnerRan = false;
  let run: AbortController | null = null;
  /** Bumped by every start and stop: a run that finishes under an older generation is dropped. */
  let generation = 0;

  const set = (next: AnalysisState): void => {
    state = next;
    deps.emit(next);
  };

  const endRunner = async (): Promise<void> => {
    const ending = runner;
    runner = null;
    runnerComparedFaces = false;
    runnerRan = false;
    await ending?.dispose();
  };

  const setting = (): ChecksSetting => deps.checks?.() ?? 'all';

  /**
   * The process for a load under `mode`, started if needed; null for `off` (any process is ended)
   * or where the host offers none. A process serves one load: one that has run is ended and a
   * fresh one started, so no process holds what an earlier load left in its memory (and its
   * memory is what one run takes). Documents only so never meets a process that compared faces.
   */
  const runnerFor = (mode: ChecksSetting): AnalysisRunner | null => {
    if (mode === 'off' || runnerRan || (mode === 'documents' && runnerComparedFaces)) {
      endRunner().catch(() => undefined);
    }
    if (mode === 'off' || deps.channel === undefined) return null;
    runner ??= new AnalysisRunner(deps.channel());
    return runner;
  };

  const clear = (): void => {
    generation++;
    run?.abort();
    run = null;
    if (state.status !== 'idle') set(IDLE);
  };

  return {
    state: () => state,

    prepare() {
      clear();
      runnerFor(setting());
    },

    start(result) {
      clear();
      const mine = generation;
      const { documents } = result;
      const hasImage = Object.values(documents).some((d) => d !== null);
      if (!result.verified || !hasImage) return;
      const mode = setting();
      const worker = runnerFor(mode);
      if (mode === 'off') {
        set({ status: 'off' });
        return;
      }
      if (worker === null) return;
      const faceStep = mode === 'all' ? 'run' : 'turned_off';
      if (faceStep === 'run') runnerComparedFaces = true;
      runnerRan = true;
      const controller = new AbortController();
      run = controller;
      const now = deps.now ? deps.now() : Date.now();
      // The runner copies the bytes before this returns; main's held copy is zeroed after reply.
      const report = worker.analyze(
        {
          images: {
            documentFront: documents.documentFront?.bytes ?? null,
            documentBack: documents.documentBack?.bytes ?? null,
            face: documents.face?.bytes ?? null,
          },
          sessionDate: result.session.date,
          // undefined: the details scope was not granted; null: granted, the record empty.
          ...(result.registry !== undefined ? { registry: result.registry } : {}),
          now: new Date(now).toISOString(),
        },
        { signal: controller.signal, faceStep },
      );
      set({ status: 'running' });
      report.then(
        (done) => {
          if (mine !== generation) return;
          run = null;
          set({ status: 'done', report: done });
        },
        (error: unknown) => {
          if (mine !== generation) return;
          run = null;
          const reason = error instanceof AnalysisError ? error.reason : 'analysis_failed';
          // A process that failed is not reused: the next load starts a fresh one.
          if (reason === 'analysis_failed') void endRunner();
          set({ status: 'failed', reason });
        },
      );
    },

    async stop() {
      generation++;
      run?.abort();
      run = null;
      const wasIdle = state.status === 'idle';
      state = IDLE;
      const ending = endRunner().catch(() => undefined);
      if (!wasIdle) deps.emit(IDLE);
      await ending;
    },
  };
}
