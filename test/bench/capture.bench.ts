/**
 * Review assist on captures as phones make them (capture-corpus.ts): per condition, how many
 * zones were read exactly, how many readings were reported `read` whose lines are not the
 * printed ones (must be 0), how many check digits were marked failing that hold (must be 0),
 * why the rest were not read, how far the corners found lie from the document's (median, in %
 * of its width), and the median time per document. No assertions: it prints a table.
 * Run: `node test/bench/capture.bench.ts` (CAPTURE_N specimens per condition, default 10;
 * CAPTURE_ONLY=cond1,cond2 to run some conditions only).
 */
import { performance } from 'node:perf_hooks';
import { AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { CAPTURE_CONDITIONS, captureSpecimen, type CaptureCondition } from './capture-corpus.ts';

const N = Number(process.env.CAPTURE_N ?? 10);
const ONLY = (process.env.CAPTURE_ONLY ?? '').split(',').filter(Boolean);
const VERBOSE = process.env.CAPTURE_VERBOSE === '1';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const runner = new AnalysisRunner();
try {
  await runner.ready;
  const rows: string[] = [];
  const conditions: CaptureCondition[] = CAPTURE_CONDITIONS.filter(
    (c) => ONLY.length === 0 || ONLY.includes(c),
  );
  for (const condition of conditions) {
    let exact = 0;
    let garbage = 0;
    let falseFailing = 0;
    let falseDiffers = 0;
    let corrected = 0;
    const reasons = new Map<string, number>();
    const times: number[] = [];
    const cornerErrors: number[] = [];
    const misses: string[] = [];
    for (let i = 0; i < N; i++) {
      const s = await captureSpecimen(condition, i);
      const slot = s.format === 'TD3' ? 'documentFront' : 'documentBack';
      const started = performance.now();
      const report = await runner.analyze({
        images: { documentFront: null, documentBack: null, face: null, [slot]: s.bytes },
        sessionDate: null,
        registry: s.registry,
        now: '2026-11-29T12:00:00.000Z',
      });
      times.push(performance.now() - started);
      const mrz = report.mrz;
      if (mrz.status === 'read') {
        const isExact = mrz.lines.join('\n') === s.lines.join('\n');
        if (isExact) exact++;
        else garbage++;
        // Every printed check digit of this corpus holds.
        if (isExact && Object.values(mrz.checkDigits).some((ok) => !ok)) falseFailing++;
        if (mrz.corrections.length > 0) corrected++;
        const corners = mrz.document?.found === 'outline' ? mrz.document.corners : undefined;
        if (corners && corners.length === 4) {
          const width = Math.hypot(
            (s.corners[1]?.x ?? 0) - (s.corners[0]?.x ?? 0),
            (s.corners[1]?.y ?? 0) - (s.corners[0]?.y ?? 0),
          );
          const error = Math.max(
            ...corners.map((c, k) =>
              Math.hypot(c.x - (s.corners[k]?.x ?? 0), c.y - (s.corners[k]?.y ?? 0)),
            ),
          );
          cornerErrors.push((100 * error) / width);
        }
        if (!isExact || VERBOSE)
          misses.push(
            `    #${i} ${s.format} ${s.what}: ${isExact ? 'exact' : 'NOT PRINTED'} ${mrz.lines.join(' | ')} turn ${mrz.document?.turn ?? '-'}`,
          );
      } else {
        reasons.set(mrz.reason, (reasons.get(mrz.reason) ?? 0) + 1);
        misses.push(`    #${i} ${s.format} ${s.what}: ${mrz.reason}`);
      }
      if (
        report.registry.status === 'compared' &&
        report.registry.items.some((x) => x.verdict === 'differs')
      )
        falseDiffers++;
    }
    const why = [...reasons].map(([r, n]) => `${r} ${n}`).join(', ') || '—';
    rows.push(
      `  ${condition.padEnd(14)} ${`${exact}/${N}`.padStart(6)} ${String(garbage).padStart(8)} ${String(falseFailing).padStart(8)} ${String(falseDiffers).padStart(8)} ${String(corrected).padStart(6)} ${(cornerErrors.length ? `${median(cornerErrors).toFixed(1)} %` : '—').padStart(8)} ${`${median(times).toFixed(0)} ms`.padStart(9)}  ${why}`,
    );
    console.log(rows.at(-1));
    if (misses.length > 0) console.log(misses.join('\n'));
  }
  console.log(
    `\nCaptures (${N} per condition; document 55–70 % of a 1280×720 or 1920×1080 frame unless the condition says)`,
  );
  console.log(
    '  condition       exact  garbage  failing  differs  corr.  corners   median  not read',
  );
  console.log(rows.join('\n'));
  console.log(
    '  exact: every zone line as printed; garbage: reported read with lines not the printed ones;\n' +
      '  failing: check digits marked failing on an exact read (all hold as printed); differs: false\n' +
      '  registry "differs"; corr.: reads with a character corrected; corners: median of the worst\n' +
      "  corner's distance to the truth, in % of the document's width.",
  );
} finally {
  await runner.dispose();
}
