/**
 * What the face step costs an analysis run: the same three images of the demo's ID card (front,
 * back, selfie) analysed with the face comparison and without it (no comparer: the document
 * checks alone), each mode in a fresh process that runs the analysis loop (`serveAnalysis`,
 * as the worker does) and nothing else. Printed per mode: the time to `ready`, the first run (the
 * face models load during it), the mean of the later runs, and the process's peak RSS.
 *
 * Run: `node test/bench/analysis-face.bench.ts`. No assertions; informational numbers.
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { faceApiComparer } from '../../core/analysis/face/face-step.ts';
import { FromAnalysisSchema, type FromAnalysis } from '../../core/analysis/process/protocol.ts';
import { serveAnalysis } from '../../core/analysis/process/serve.ts';
import { getSpecimens } from '../../demo/specimens.ts';
import { isFaceComparison } from '../../shared/face-match.ts';

const RUNS = 4;

interface ModeReport {
  mode: 'with face' | 'without face';
  readyMs: number;
  runMs: number[];
  peakRssMb: number;
  band: string | null;
}

async function measure(withFace: boolean): Promise<ModeReport> {
  const specimens = await getSpecimens();
  const images = () => ({
    documentFront: new Uint8Array(specimens.documentFront.bytes),
    documentBack: new Uint8Array(specimens.documentBack.bytes),
    face: new Uint8Array(specimens.face.bytes),
  });
  const waiting = new Map<string, (m: FromAnalysis) => void>();
  let listener: (m: unknown) => void = () => {};
  const t0 = performance.now();
  const ready = new Promise<void>((resolve) => waiting.set('ready', () => resolve()));
  void serveAnalysis(
    {
      onMessage: (l) => (listener = l),
      post: (m) => {
        const parsed = FromAnalysisSchema.parse(m);
        const key = parsed.type === 'ready' ? 'ready' : String(parsed.id);
        waiting.get(key)?.(parsed);
      },
    },
    () => {},
    undefined,
    withFace ? faceApiComparer : null,
  );
  await ready;
  const readyMs = performance.now() - t0;
  const runMs: number[] = [];
  let band: string | null = null;
  for (let id = 1; id <= RUNS; id++) {
    const done = new Promise<FromAnalysis>((resolve) => waiting.set(String(id), resolve));
    const t = performance.now();
    listener({
      type: 'analyze',
      id,
      input: { images: images(), sessionDate: null, now: new Date().toISOString() },
      faceStep: 'run',
    });
    const answer = await done;
    runMs.push(performance.now() - t);
    if (answer.type === 'result') {
      const { face } = answer.report;
      band = isFaceComparison(face) ? face.band : null;
    }
  }
  listener({ type: 'stop' });
  return {
    mode: withFace ? 'with face' : 'without face',
    readyMs,
    runMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    band,
  };
}

if (process.argv[2] === '--child') {
  const report = await measure(process.argv[3] === 'with');
  process.send?.(report, () => process.exit(0));
} else {
  const reports: ModeReport[] = [];
  for (const mode of ['without', 'with']) {
    const child = fork(import.meta.filename, ['--child', mode], { stdio: 'inherit' });
    reports.push(
      await new Promise<ModeReport>((resolve, reject) => {
        child.once('message', (m) => resolve(m as ModeReport));
        child.once('error', reject);
      }),
    );
  }
  const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `analysis run, ID card front + back + selfie; load average ${loadavg()[0]?.toFixed(2)}`,
  );
  for (const r of reports) {
    const later = r.runMs.slice(1);
    const mean = later.reduce((a, b) => a + b, 0) / later.length;
    console.log(
      `  ${r.mode.padEnd(13)} ready ${f(r.readyMs)}, first run ${f(r.runMs[0] ?? 0)}, ` +
        `later runs ${f(mean)} (mean of ${later.length}), peak RSS ${r.peakRssMb.toFixed(0)} MB, face: ${r.band ?? '—'}`,
    );
  }
}
