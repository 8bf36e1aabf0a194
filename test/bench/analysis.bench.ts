/**
 * Review assist: MRZ accuracy on a generated corpus with known truth, and the time of all checks
 * for the three images of the demo's ID card.
 *
 * Corpus (mrz-corpus.ts): CORPUS_SIZE documents, TD1 and TD3 alternating, random names, numbers
 * and dates, each with glare, a perspective tilt, a rotation in ±5°, blur σ 0–1.2 and JPEG
 * quality 50–95; every eighth has a wrong birth-date check digit. A document counts as read
 * exactly when every zone line equals the truth; on those, the check-digit verdicts are right
 * when each equals the printed truth (a wrong digit must be reported as not holding, never
 * repaired). Inexact reads whose digits all hold are counted apart: names carry no check digit,
 * so a misread name passes them. Each document is compared with its person's registry record
 * (accents, title case), which agrees: any "differs" there is a false one.
 * No assertions: it prints a table. Run: `node test/bench/analysis.bench.ts`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { getSpecimens } from '../../demo/specimens.ts';
import { corpusSpecimen } from './mrz-corpus.ts';

const CORPUS_SIZE = Number(process.env.BENCH_CORPUS ?? 40);
const TIMING_RUNS = 5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const runner = new AnalysisRunner();
try {
  await runner.ready;
  let exact = 0;
  let verdictsRight = 0;
  let inexactAllHold = 0;
  let notRead = 0;
  let falseDiffers = 0;
  let wrongDigitSpecimens = 0;
  let wrongDigitCaught = 0;
  const perDocument: number[] = [];
  const misses: string[] = [];
  for (let i = 0; i < CORPUS_SIZE; i++) {
    const specimen = await corpusSpecimen(42, i);
    const { bytes, lines } = specimen;
    const started = performance.now();
    const report = await runner.analyze({
      images:
        specimen.format === 'TD3'
          ? { documentFront: bytes, documentBack: null, face: null }
          : { documentFront: null, documentBack: bytes, face: null },
      sessionDate: null,
      registry: specimen.registry,
      now: new Date().toISOString(),
    });
    perDocument.push(performance.now() - started);
    const read = report.mrz.status === 'read' ? report.mrz : null;
    const isExact = read !== null && read.lines.join('\n') === lines.join('\n');
    const printedValid = Object.values(specimen.checkDigits).every(Boolean);
    if (!printedValid) wrongDigitSpecimens++;
    if (!printedValid && read && !read.checkDigitsValid) wrongDigitCaught++;
    if (isExact) exact++;
    if (isExact && JSON.stringify(read.checkDigits) === JSON.stringify(specimen.checkDigits))
      verdictsRight++;
    if (!read) notRead++;
    if (!isExact && read?.checkDigitsValid) inexactAllHold++;
    if (
      report.registry.status === 'compared' &&
      report.registry.items.some((x) => x.verdict === 'differs')
    )
      falseDiffers++;
    if (!isExact)
      misses.push(
        `  #${i} ${specimen.format} ${specimen.angle.toFixed(1)}° σ${specimen.sigma.toFixed(2)} q${specimen.quality}: ${read ? read.lines.join(' | ') : report.mrz.status}`,
      );
  }

  const s = await getSpecimens();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let k = 0; k < TIMING_RUNS; k++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await runner.analyze({
      images: {
        documentFront: s.documentFront.bytes,
        documentBack: s.documentBack.bytes,
        face: s.face.bytes,
      },
      sessionDate: '2024-01-15T10:30:00.000Z',
      now: new Date().toISOString(),
    });
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }

  const pct = (n: number) => `${((100 * n) / CORPUS_SIZE).toFixed(1)} %`;
  console.log(
    `MRZ corpus: ${CORPUS_SIZE} documents (TD1/TD3, ±5°, perspective ≤ 3 %, glare, blur σ 0–1.2, JPEG q 50–95)`,
  );
  console.log(`  zone read exactly               ${exact}/${CORPUS_SIZE} (${pct(exact)})`);
  console.log(`  check-digit verdicts right      ${verdictsRight}/${exact} of the exact reads`);
  console.log(`  wrong printed digit reported    ${wrongDigitCaught}/${wrongDigitSpecimens}`);
  console.log(`  inexact reads, all digits hold  ${inexactAllHold}`);
  console.log(`  zone not read                   ${notRead}`);
  console.log(`  no false "differs" (registry)   ${CORPUS_SIZE - falseDiffers}/${CORPUS_SIZE}`);
  console.log(`  per document, median            ${median(perDocument).toFixed(0)} ms`);
  console.log(`All checks, demo ID card (front, back, selfie), warm worker, ${TIMING_RUNS} runs`);
  console.log(`  median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms`);
  console.log(
    `  CPU time (all threads; what other processes' load does not inflate): median ${median(cpuTimes).toFixed(0)} ms; load average ${loadavg()[0]?.toFixed(2)}`,
  );
  if (misses.length > 0) console.log(`Not read exactly:\n${misses.join('\n')}`);
} finally {
  await runner.dispose();
}
