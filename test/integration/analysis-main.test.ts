import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workerChannel, type AnalysisChannel } from '../../core/analysis/runner.ts';
import { composeApp, type ComposedApp } from '../../core/compose.ts';
import { createDispatcher } from '../../core/ipc-dispatch.ts';
import { memoryBacking } from '../../core/settings.ts';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { AnalysisStateSchema, type AnalysisState } from '../../shared/analysis.ts';
import type { IpcResult } from '../../shared/ipc.ts';

/**
 * Main's side of the review-assist checks, composed as the app composes it (`composeApp`), with the
 * REAL analysis process (a worker_threads worker running core/analysis/worker.ts: tesseract.js and
 * its model) and the demo backend: a load starts the checks on main's own copy of the images and
 * the window is told running → done; a wipe or a sign-out ends the process and the state returns
 * to idle, with no report after. Every wait is for an event or a state, never for a time.
 */

const SCOPES = ['openid', 'eprospera:person.id_verification.read', 'eprospera:person.details.read'];

let backend: DemoBackend;
let home: string;

beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true });
  home = mkdtempSync(join(tmpdir(), 'idlens-analysis-main-'));
});
afterAll(async () => {
  await backend.close();
  rmSync(home, { recursive: true, force: true });
});

interface Process {
  ended: boolean;
  whenEnded: Promise<void>;
}

interface Main {
  app: ComposedApp;
  call<T>(channel: string, ...args: unknown[]): Promise<T>;
  /** Every `analysis:changed` the window was sent, parsed with the contract's schema. */
  states: AnalysisState[];
  /** Resolves with the first state from index `from` on that passes `test`. */
  stateFrom(from: number, test: (s: AnalysisState) => boolean): Promise<AnalysisState>;
  /** Every analysis process the platform started, and whether it has ended. */
  processes: Process[];
}

const mains: Main[] = [];
afterEach(async () => {
  for (const main of mains.splice(0)) await main.app.services.shutdown();
});

function composeMain(): Main {
  const states: AnalysisState[] = [];
  const waiters: (() => void)[] = [];
  const processes: Process[] = [];
  const app = composeApp({
    demoMode: true,
    version: '0.0.0',
    os: 'linux',
    settings: memoryBacking({
      environment: 'custom',
      issuer: backend.issuer,
      apiBase: backend.apiBase,
      clientId: backend.clients.public.clientId,
      scopes: SCOPES,
      imageHosts: ['127.0.0.1'],
    }),
    openExternal: (url) => {
      void (async () => {
        const callback = await loginWithFetch(url, 'full');
        await (await fetch(callback)).arrayBuffer();
      })().catch(() => undefined);
      return Promise.resolve();
    },
    emit: (channel, payload) => {
      if (channel !== 'analysis:changed') return;
      states.push(AnalysisStateSchema.parse(payload));
      for (const wake of waiters.splice(0)) wake();
    },
    replaceRenderer: () => undefined,
    folders: { platform: 'linux', env: {}, homedir: home, tmpdir: home, userData: home },
    analysisChannel: (): AnalysisChannel => {
      const channel = workerChannel();
      const process: Process = { ended: false, whenEnded: Promise.resolve() };
      process.whenEnded = new Promise((resolve) =>
        channel.onEnd(() => {
          process.ended = true;
          resolve();
        }),
      );
      processes.push(process);
      return channel;
    },
  });
  const dispatch = createDispatcher(app.services.handlers, { isTrustedSender: () => true });
  const frame = { url: 'app://bundle/index.html', isMainFrame: true };
  const main: Main = {
    app,
    states,
    processes,
    async call<T>(channel: string, ...args: unknown[]) {
      const result = (await dispatch(channel, frame, args)) as IpcResult<T>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.data;
    },
    async stateFrom(from, test) {
      for (;;) {
        const found = states.slice(from).find(test);
        if (found) return found;
        await new Promise<void>((wake) => waiters.push(wake));
      }
    },
  };
  mains.push(main);
  return main;
}

async function signedInAndLoaded(main: Main): Promise<void> {
  await main.call('auth:signIn');
  await main.call('documents:load');
}

describe('the checks after a load, in the real analysis process', () => {
  it('load → running → done, with the report on the demo ID (MRZ read, registry compared)', async () => {
    const main = composeMain();
    await signedInAndLoaded(main);
    expect(main.states[0]).toEqual({ status: 'running' });
    expect(await main.call('analysis:state')).toEqual({ status: 'running' });
    const done = await main.stateFrom(0, (s) => s.status !== 'running');
    if (done.status !== 'done') throw new Error(`checks ended ${done.status}`);
    const { report } = done;
    expect(report.ranOn).toBe('this-computer');
    if (report.mrz.status !== 'read') throw new Error(report.mrz.detail);
    // Main's copy reached the process intact: the zone on the back reads exactly.
    expect(report.mrz.lines).toEqual([
      'IDUTOSPC0000014<<<<<<<<<<<<<<<',
      '9001011<3401158UTO<<<<<<<<<<<4',
      'SPECIMEN<<ALEX<SPECIMEN<<<<<<<',
    ]);
    // The details scope was granted: the registry the load fetched was compared.
    expect(report.registry.status).toBe('compared');
    expect(await main.call('analysis:state')).toEqual(done);
    // One process served the run, still alive for the next load.
    expect(main.processes.map((p) => p.ended)).toEqual([false]);
  }, 120_000);

  it('a wipe during a run ends the process and returns to idle; no report comes after', async () => {
    const main = composeMain();
    await signedInAndLoaded(main);
    expect(main.states).toEqual([{ status: 'running' }]);
    await main.call('documents:wipe', 'button');
    await main.stateFrom(1, (s) => s.status === 'idle');
    await main.processes[0]!.whenEnded;
    expect(main.processes[0]!.ended).toBe(true);
    expect(await main.call('analysis:state')).toEqual({ status: 'idle' });
    expect(main.states).toEqual([{ status: 'running' }, { status: 'idle' }]);
  }, 120_000);

  it('a sign-out during a run ends the process and returns to idle; no report comes after', async () => {
    const main = composeMain();
    await signedInAndLoaded(main);
    await main.call('auth:signOut');
    await main.stateFrom(1, (s) => s.status === 'idle');
    await main.processes[0]!.whenEnded;
    expect(await main.call('analysis:state')).toEqual({ status: 'idle' });
    expect(main.states).toEqual([{ status: 'running' }, { status: 'idle' }]);
  }, 120_000);

  it('a new load cancels the run going and starts one on the new images', async () => {
    const main = composeMain();
    await signedInAndLoaded(main);
    await main.call('documents:load');
    // running (first) → idle (cleared for the second load) → running → done (second).
    const done = await main.stateFrom(2, (s) => s.status === 'done' || s.status === 'failed');
    expect(done.status).toBe('done');
    expect(main.states.map((s) => s.status)).toEqual(['running', 'idle', 'running', 'done']);
    expect(main.processes).toHaveLength(1);
  }, 120_000);

  it('quitting (shutdown) ends the process', async () => {
    const main = composeMain();
    await signedInAndLoaded(main);
    await main.app.services.shutdown();
    await main.processes[0]!.whenEnded;
    expect(main.states.at(-1)).toEqual({ status: 'idle' });
  }, 120_000);
});
