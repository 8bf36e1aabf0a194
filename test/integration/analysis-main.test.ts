import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workerChannel, type AnalysisChannel } from '../../core/analysis/process/runner.ts';
import { composeApp, type ComposedApp } from '../../core/compose.ts';
import { createDispatcher } from '../../core/ipc-dispatch.ts';
import { memoryBacking } from '../../core/settings.ts';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { AnalysisStateSchema, type AnalysisState } from '../../shared/analysis.ts';
import type { IpcResult } from '../../shared/ipc.ts';
import type { ChecksSetting, Settings } from '../../shared/settings.ts';

/**
 * Main's side of the review-assist checks, composed as the app composes it (`composeApp`), with the
 * REAL analysis process (a worker_threads worker running core/analysis/process/worker.ts: tesseract.js and
 * its model) and the demo backend: a load starts the checks on main's own copy of the images and
 * the window is told running → done; a wipe or a sign-out ends the process and the state returns
 * to idle, with no report after. Every wait is for an event or a state, never for a time.
 *
 * The "Checks on this computer" setting, through the same composition: `off` starts no process
 * (the platform's channel factory is never called), `documents` gets a report whose face part says
 * it was not run by choice from a process that never loaded the face models (a witness worker
 * counts the face-model modules loaded in its thread after each run: analysis-probe-worker.ts).
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
  /** With the witness worker: the face-model modules loaded after each run, in order. */
  probes: number[];
  /** Resolves with the witness's count after the run numbered `n` (1-based) of this process. */
  probe(n: number): Promise<number>;
}

const PROBE_WORKER = new URL('./analysis-probe-worker.ts', import.meta.url);

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

function composeMain(options: { checks?: ChecksSetting; witness?: boolean } = {}): Main {
  const states: AnalysisState[] = [];
  const waiters: (() => void)[] = [];
  const processes: Process[] = [];
  const app = composeApp({
    demoMode: true,
    // The person at the keyboard set up this demo backend, and confirms it in main's dialog.
    confirmConnection: () => Promise.resolve(true),
    version: '0.0.0',
    os: 'linux',
    settings: memoryBacking({
      environment: 'custom',
      issuer: backend.issuer,
      apiBase: backend.apiBase,
      clientId: backend.clients.public.clientId,
      scopes: SCOPES,
      imageHosts: ['127.0.0.1'],
      ...(options.checks !== undefined && { checks: options.checks }),
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
      const channel = options.witness === true ? workerChannel(PROBE_WORKER) : workerChannel();
      const probeWaiters: (() => void)[] = [];
      const process: Process = {
        ended: false,
        whenEnded: Promise.resolve(),
        probes: [],
        async probe(n) {
          while (process.probes.length < n) {
            await new Promise<void>((wake) => probeWaiters.push(wake));
          }
          return process.probes[n - 1]!;
        },
      };
      process.whenEnded = new Promise((resolve) =>
        channel.onEnd(() => {
          process.ended = true;
          resolve();
        }),
      );
      channel.onMessage((message) => {
        const probe = message as { type?: unknown; faceModules?: unknown };
        if (probe.type !== 'probe' || typeof probe.faceModules !== 'number') return;
        process.probes.push(probe.faceModules);
        for (const wake of probeWaiters.splice(0)) wake();
      });
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

  it('a new load cancels the run going and starts one on the new images, in a fresh process', async () => {
    const main = composeMain();
    await signedInAndLoaded(main);
    await main.call('documents:load');
    // running (first) → idle (cleared for the second load) → running → done (second).
    const done = await main.stateFrom(2, (s) => s.status === 'done' || s.status === 'failed');
    expect(done.status).toBe('done');
    expect(main.states.map((s) => s.status)).toEqual(['running', 'idle', 'running', 'done']);
    // Each load its own process: the first load's has ended, with whatever it held.
    expect(main.processes).toHaveLength(2);
    await main.processes[0]!.whenEnded;
    expect(main.processes[0]!.ended).toBe(true);
    expect(main.processes[1]!.ended).toBe(false);
  }, 120_000);

  it('quitting (shutdown) ends the process', async () => {
    const main = composeMain();
    await signedInAndLoaded(main);
    await main.app.services.shutdown();
    await main.processes[0]!.whenEnded;
    expect(main.states.at(-1)).toEqual({ status: 'idle' });
  }, 120_000);
});

describe('the "Checks on this computer" setting, with the real analysis process', () => {
  it('off: no analysis process is ever created, and the window is told the checks are off', async () => {
    const main = composeMain({ checks: 'off' });
    await signedInAndLoaded(main);
    expect(main.states).toEqual([{ status: 'off' }]);
    expect(await main.call('analysis:state')).toEqual({ status: 'off' });
    await main.call('documents:load');
    await main.call('documents:wipe', 'button');
    expect(await main.call('analysis:state')).toEqual({ status: 'idle' });
    // The platform's channel factory was never called: not even ahead of the images.
    expect(main.processes).toEqual([]);
    expect(main.states.map((s) => s.status)).toEqual(['off', 'idle', 'off', 'idle']);
  }, 120_000);

  it('documents only: the report has no face comparison, says why, and the face models were never loaded', async () => {
    const main = composeMain({ checks: 'documents', witness: true });
    await signedInAndLoaded(main);
    const done = await main.stateFrom(0, (s) => s.status !== 'running');
    if (done.status !== 'done') throw new Error(`checks ended ${done.status}`);
    const { report } = done;
    expect(report.face).toEqual({
      status: 'not_run',
      reason: 'turned_off',
    });
    // The document checks ran in full, the selfie's own capture checks included.
    expect(report.mrz.status).toBe('read');
    expect(report.images.face?.quality.status).toBe('measured');
    expect(main.processes).toHaveLength(1);
    expect(await main.processes[0]!.probe(1)).toBe(0);
  }, 120_000);

  it('changed while signed in: from the next load; the models loaded for "all" are not kept for "documents", and "off" ends the process', async () => {
    const main = composeMain({ checks: 'all', witness: true });
    await signedInAndLoaded(main);
    // Changed while the first run is going: allowed (not a connection setting), and that run
    // still compares the faces.
    const changed = await main.call<Settings>('settings:set', { checks: 'documents' });
    expect(changed.checks).toBe('documents');
    const first = await main.stateFrom(0, (s) => s.status !== 'running');
    if (first.status !== 'done') throw new Error(`checks ended ${first.status}`);
    expect(first.report.face).toMatchObject({ band: 'same' });
    // The witness can see the models: the comparison loaded them in this process.
    expect(await main.processes[0]!.probe(1)).toBeGreaterThan(0);

    const from = main.states.length;
    await main.call('documents:load');
    const second = await main.stateFrom(from, (s) => s.status === 'done' || s.status === 'failed');
    if (second.status !== 'done') throw new Error(`checks ended ${second.status}`);
    expect(second.report.face).toMatchObject({ status: 'not_run', reason: 'turned_off' });
    // A fresh process served documents only; the one that held the face models was ended.
    await main.processes[0]!.whenEnded;
    expect(main.processes).toHaveLength(2);
    expect(await main.processes[1]!.probe(1)).toBe(0);

    await main.call('settings:set', { checks: 'off' });
    await main.call('documents:load');
    await main.processes[1]!.whenEnded;
    expect(await main.call('analysis:state')).toEqual({ status: 'off' });
    expect(main.processes).toHaveLength(2);
  }, 240_000);
});
