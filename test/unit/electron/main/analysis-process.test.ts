import { EventEmitter } from 'node:events';
import { beforeEach, expect, it, vi } from 'vitest';

/**
 * The utilityProcess glue with a mocked `electron` (no Electron binary exists here): the runner's
 * messages reach the child, the child's reach the runner, and ending it kills the child and fails
 * what was pending.
 */

class FakeChild extends EventEmitter {
  sent: unknown[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 0));
    return true;
  }
}

const forks = vi.hoisted(() => ({
  calls: [] as { path: string; options: unknown }[],
  child: null as EventEmitter | null,
}));

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (path: string, _args: string[], options: unknown) => {
      forks.calls.push({ path, options });
      return forks.child;
    },
  },
}));

const { utilityAnalysisChannel } = await import('../../../../electron/main/analysis-process.ts');
const { AnalysisRunner } = await import('../../../../core/analysis/process/runner.ts');

let child: FakeChild;
beforeEach(() => {
  child = new FakeChild();
  forks.child = child;
  forks.calls.length = 0;
});

const INPUT = {
  images: { documentFront: new Uint8Array([1, 2, 3]), documentBack: null, face: null },
  sessionDate: null,
  now: '2026-11-29T00:00:00.000Z',
};

it('forks the worker module as a utility process and relays the protocol both ways', async () => {
  const runner = new AnalysisRunner(utilityAnalysisChannel('/app/dist/main/analysis-worker.js'));
  expect(forks.calls).toEqual([
    {
      path: '/app/dist/main/analysis-worker.js',
      options: { serviceName: 'idlens analysis', stdio: 'ignore' },
    },
  ]);
  child.emit('message', { type: 'ready' });
  await runner.ready;
  const run = runner.analyze(INPUT);
  expect(child.sent).toMatchObject([{ type: 'analyze', id: 1, input: { sessionDate: null } }]);
  child.emit('message', {
    type: 'failed',
    id: 1,
    reason: 'analysis_failed',
    detail: 'The checks could not be completed.',
  });
  await expect(run).rejects.toMatchObject({ reason: 'analysis_failed' });
  await runner.dispose();
});

it('the copy cloned for the child is zeroed in main once posted; the caller keeps its own', async () => {
  const runner = new AnalysisRunner(utilityAnalysisChannel('/w.js'));
  const front = new Uint8Array([7, 8, 9]);
  void runner
    .analyze({ ...INPUT, images: { ...INPUT.images, documentFront: front } })
    .catch(() => undefined);
  // This fake child keeps what it is given by reference (Electron clones it): main's copy.
  const [sent] = child.sent as { input: { images: { documentFront: Uint8Array } } }[];
  expect([...sent!.input.images.documentFront]).toEqual([0, 0, 0]);
  expect([...front]).toEqual([7, 8, 9]);
  await runner.dispose();
});

it('dispose kills the child and fails the run in flight', async () => {
  const runner = new AnalysisRunner(utilityAnalysisChannel('/w.js'));
  const run = runner.analyze(INPUT);
  await runner.dispose();
  expect(child.killed).toBe(true);
  await expect(run).rejects.toMatchObject({ name: 'AnalysisError', reason: 'analysis_failed' });
  await expect(runner.analyze(INPUT)).rejects.toMatchObject({ reason: 'analysis_failed' });
});

it('a child that dies on its own fails the run in flight', async () => {
  const runner = new AnalysisRunner(utilityAnalysisChannel('/w.js'));
  const run = runner.analyze(INPUT);
  child.emit('exit', 1);
  await expect(run).rejects.toMatchObject({ reason: 'analysis_failed' });
});
