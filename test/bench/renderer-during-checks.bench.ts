/**
 * What the checks cost the rest of the app while they run (issue 15, "Measured"):
 *
 * 1. The renderer's frame time during a zoom/pan sequence on the demo's ID card front, in Debian
 *    Chromium through the test harness (as renderer.bench.ts), (a) with no analysis running and
 *    (b) while the analysis worker analyses the demo's three images (face step included) back to
 *    back for the whole sequence. Rounds alternate a, b, a, b… on the same page; the worker is
 *    warmed by one run first, so (b) is the steady state, not the face models' first load.
 *    On two shared cores the worker competes with Chromium for CPU: (b)/(a) is the cost of that
 *    contention, an upper bound of what a machine with more cores sees.
 * 2. The analysis process's memory. A worker_threads worker shares this process, so each mode
 *    (with / without the face step) runs in a fresh child process that samples its own RSS every
 *    SAMPLE_MS: before the runner starts, after `ready`, during and after the first run, over the
 *    later runs, and after `dispose()` (then again after a full GC). "Added" is over the RSS
 *    before the start.
 *
 * No assertions; it prints tables. Run after `npx vite build`:
 * `node test/bench/renderer-during-checks.bench.ts` (BENCH_RUNS rounds of each, BENCH_FRAMES frames
 * per round, BENCH_MEMORY_RUNS analysis runs per memory mode; `--memory-only` for part 2 alone).
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { AnalysisRunner, workerChannel } from '../../core/analysis/process/runner.ts';
import { getSpecimens, type Specimen } from '../../demo/specimens.ts';
import type { AuthStatus, DocumentImage, DocumentsResult } from '../../shared/ipc.ts';
import { startHarness } from '../e2e/harness.ts';
import { stubHandlers } from '../fixtures/stub-handlers.ts';
import { zoomPanFrameTimes } from './zoom-pan.ts';

const ROUNDS = Number(process.env['BENCH_RUNS'] ?? 3);
const FRAMES = Number(process.env['BENCH_FRAMES'] ?? 240);
const MEMORY_RUNS = Number(process.env['BENCH_MEMORY_RUNS'] ?? 4);
const SAMPLE_MS = 10;
const LONG_FRAME_MS = 50;
const NO_FACE_WORKER = new URL('./analysis-worker-noface.ts', import.meta.url);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function table(title: string, rows: string[][]): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  process.stdout.write(`${title}\n`);
  for (const r of rows)
    process.stdout.write(`  ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')}\n`);
}

async function demoImages() {
  const s = await getSpecimens();
  return () => ({
    documentFront: new Uint8Array(s.documentFront.bytes),
    documentBack: new Uint8Array(s.documentBack.bytes),
    face: new Uint8Array(s.face.bytes),
  });
}

// ───────────────────────── 1. frame time with and without the checks ─────────────────────────

function asDocument(s: Specimen): DocumentImage {
  const bytes = new Uint8Array(s.bytes);
  return {
    bytes,
    mime: 'image/jpeg',
    width: s.width,
    height: s.height,
    storedWidth: s.width,
    storedHeight: s.height,
    orientation: 1,
    trailingBytes: 0,
    progressive: false,
    byteLength: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

async function frameTimes(): Promise<void> {
  const s = await getSpecimens();
  const images = await demoImages();
  const signedIn: AuthStatus = {
    state: 'signedIn',
    environment: 'demo',
    scopes: [],
    user: { sub: 'bench' },
  };
  const result = (): DocumentsResult => ({
    verified: true,
    session: {
      id: 'bench-session',
      type: 'veriff',
      date: '2024-01-15T10:30:00.000Z',
      status: 'approved',
    },
    documents: {
      documentFront: asDocument(s.documentFront),
      documentBack: asDocument(s.documentBack),
      face: asDocument(s.face),
    },
    refused: {},
  });
  const harness = await startHarness({
    handlers: () => stubHandlers({ 'documents:load': () => result() }, signedIn),
  });
  const runner = new AnalysisRunner(workerChannel());
  const input = () => ({
    images: images(),
    sessionDate: '2024-01-15T10:30:00.000Z',
    now: new Date().toISOString(),
  });
  const idle: number[] = [];
  const busy: number[] = [];
  const runsAlone: number[] = [];
  const runsBusy: number[] = [];
  let overlappingRuns = 0;
  try {
    const page = harness.page;
    await page.getByTestId('load-documents').click();
    await page.waitForFunction(
      () =>
        document.images.length > 0 &&
        [...document.images].every((img) => img.dataset['status'] === 'ready'),
      undefined,
      { timeout: 60_000 },
    );
    await runner.ready;
    // Warm: the first run loads the face models; then one timed run with the renderer idle.
    await runner.analyze(input());
    let t = performance.now();
    await runner.analyze(input());
    runsAlone.push(performance.now() - t);
    await zoomPanFrameTimes(page, FRAMES); // warm the renderer's paths too

    for (let round = 0; round < ROUNDS; round++) {
      idle.push(...(await zoomPanFrameTimes(page, FRAMES)));

      const state = { stop: false };
      const loop = (async () => {
        while (!state.stop) {
          t = performance.now();
          await runner.analyze(input());
          runsBusy.push(performance.now() - t);
          overlappingRuns++;
        }
      })();
      busy.push(...(await zoomPanFrameTimes(page, FRAMES)));
      state.stop = true;
      await loop;
    }
  } finally {
    await runner.dispose();
    await harness.close();
  }

  const row = (label: string, f: (v: number[]) => number, unit = ' ms', digits = 1) => {
    const a = f(idle);
    const b = f(busy);
    // b/a of a count that is 0 without the checks has no meaning: shown as —.
    return [
      label,
      `${a.toFixed(digits)}${unit}`,
      `${b.toFixed(digits)}${unit}`,
      a > 0 ? (b / a).toFixed(2) : '—',
    ];
  };
  const long = (v: number[]) => v.filter((d) => d > LONG_FRAME_MS).length;
  table(
    `renderer frame time zooming/panning the demo ID front (${s.documentFront.width}×${s.documentFront.height}), ` +
      `${ROUNDS} alternating rounds × ${FRAMES} frames, software compositing; load average ${loadavg()[0]?.toFixed(2)}`,
    [
      ['', '(a) no checks', '(b) checks running', 'b/a'],
      row('p50', (v) => quantile(v, 0.5)),
      row('p95', (v) => quantile(v, 0.95)),
      row('p99', (v) => quantile(v, 0.99)),
      row('max', (v) => Math.max(...v)),
      row(`frames > ${LONG_FRAME_MS} ms`, long, '', 0),
      ['frames measured', String(idle.length), String(busy.length), ''],
    ],
  );
  process.stdout.write(
    `  analysis runs (3 images, face step) overlapping (b): ${overlappingRuns}; ` +
      `run time with the renderer idle ${(runsAlone[0] ?? NaN).toFixed(0)} ms, ` +
      `while it zooms/pans median ${quantile(runsBusy, 0.5).toFixed(0)} ms\n`,
  );
}

// ───────────────────────── 2. the analysis process's memory ─────────────────────────

interface MemoryReport {
  mode: 'with face' | 'without face';
  /** MB, RSS of the whole process (the worker is a thread of it). */
  before: number;
  afterReady: number;
  peakToReady: number;
  peakFirstRun: number;
  afterFirstRun: number;
  peakLaterRuns: number;
  afterLaterRuns: number;
  afterDispose: number;
  afterDisposeGc: number;
  maxRss: number;
  /** MB added over `before`, after each run: whether it levels off or keeps growing. */
  perRun: number[];
}

async function measureMemory(withFace: boolean): Promise<MemoryReport> {
  const images = await demoImages();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await sleep(200);
  const before = mb(process.memoryUsage.rss());
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, mb(process.memoryUsage.rss()));
  }, SAMPLE_MS);
  const phasePeak = () => {
    peak = Math.max(peak, mb(process.memoryUsage.rss()));
    const p = peak;
    peak = mb(process.memoryUsage.rss());
    return p;
  };
  const runner = new AnalysisRunner(withFace ? workerChannel() : workerChannel(NO_FACE_WORKER));
  await runner.ready;
  const peakToReady = phasePeak();
  const afterReady = mb(process.memoryUsage.rss());
  const input = () => ({ images: images(), sessionDate: null, now: new Date().toISOString() });
  await runner.analyze(input());
  const peakFirstRun = phasePeak();
  const afterFirstRun = mb(process.memoryUsage.rss());
  const perRun = [afterFirstRun - before];
  for (let i = 1; i < MEMORY_RUNS; i++) {
    await runner.analyze(input());
    perRun.push(mb(process.memoryUsage.rss()) - before);
  }
  const peakLaterRuns = phasePeak();
  const afterLaterRuns = mb(process.memoryUsage.rss());
  await runner.dispose();
  clearInterval(sampler);
  const afterDispose = mb(process.memoryUsage.rss());
  gc?.();
  await sleep(500);
  const afterDisposeGc = mb(process.memoryUsage.rss());
  return {
    mode: withFace ? 'with face' : 'without face',
    before,
    afterReady,
    peakToReady,
    peakFirstRun,
    afterFirstRun,
    peakLaterRuns,
    afterLaterRuns,
    afterDispose,
    afterDisposeGc,
    maxRss: process.resourceUsage().maxRSS / 1024,
    perRun,
  };
}

async function memory(): Promise<void> {
  const reports: MemoryReport[] = [];
  for (const mode of ['without', 'with']) {
    const child = fork(import.meta.filename, ['--memory', mode], {
      stdio: 'inherit',
      execArgv: [...process.execArgv, '--expose-gc'],
    });
    reports.push(
      await new Promise<MemoryReport>((resolve, reject) => {
        child.once('message', (m) => resolve(m as MemoryReport));
        child.once('error', reject);
        child.once('exit', (code) => {
          if (code !== 0) reject(new Error(`memory child exited with ${code}`));
        });
      }),
    );
  }
  const f = (v: number) => `${v.toFixed(0)} MB`;
  const added = (r: MemoryReport, v: number) => `${f(v)} (+${(v - r.before).toFixed(0)})`;
  const rows: string[][] = [['RSS of the process, MB (+ added over before start)']];
  rows[0]?.push(...reports.map((r) => r.mode));
  const line = (label: string, pick: (r: MemoryReport) => string) =>
    rows.push([label, ...reports.map(pick)]);
  line('before the runner starts', (r) => f(r.before));
  line('peak until ready', (r) => added(r, r.peakToReady));
  line('after ready', (r) => added(r, r.afterReady));
  line('peak during the first run', (r) => added(r, r.peakFirstRun));
  line('after the first run', (r) => added(r, r.afterFirstRun));
  line(`peak during runs 2–${MEMORY_RUNS}`, (r) => added(r, r.peakLaterRuns));
  line(`after run ${MEMORY_RUNS}`, (r) => added(r, r.afterLaterRuns));
  line('after dispose()', (r) => added(r, r.afterDispose));
  line('after dispose() + full GC', (r) => added(r, r.afterDisposeGc));
  // The app gives each load a fresh process (core/analysis-service.ts): start + one run is what
  // a load costs; runs 2–4 in one process show how memory would grow if a process were reused.
  line('peak added, one load: start + first run (target ≤ 300 MB)', (r) => {
    const p = Math.max(r.peakToReady, r.peakFirstRun) - r.before;
    return `${p.toFixed(0)} MB ${p <= 300 ? '(met)' : '(not met)'}`;
  });
  line('peak added, all phases (one process reused)', (r) => {
    const p = Math.max(r.peakToReady, r.peakFirstRun, r.peakLaterRuns) - r.before;
    return `${p.toFixed(0)} MB`;
  });
  line('given back by dispose() + GC, of the added at run end', (r) => {
    const held = r.afterLaterRuns - r.before;
    const back = r.afterLaterRuns - r.afterDisposeGc;
    return `${back.toFixed(0)} of ${held.toFixed(0)} MB`;
  });
  line('process maxRSS (getrusage, whole life)', (r) => f(r.maxRss));
  table(
    `analysis process memory, demo ID card front + back + selfie, ${MEMORY_RUNS} runs, RSS sampled every ${SAMPLE_MS} ms; ` +
      `load average ${loadavg()[0]?.toFixed(2)}`,
    rows,
  );
  for (const r of reports)
    process.stdout.write(
      `  added after each run, ${r.mode}: ${r.perRun.map((v) => `+${v.toFixed(0)}`).join(' ')} MB\n`,
    );
}

if (process.argv[2] === '--memory') {
  const report = await measureMemory(process.argv[3] === 'with');
  process.send?.(report, () => process.exit(0));
} else {
  // `--memory-only` skips the browser part (for re-measuring the memory alone).
  if (process.argv[2] !== '--memory-only') await frameTimes();
  await memory();
}
