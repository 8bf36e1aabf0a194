/**
 * Review assist IV: does the document agree with itself? On a generated corpus
 * (demo/printed-cards.ts) of honest ID cards and passport data pages — five layouts (label
 * above, "Label: value", Spanish and French labels, a passport page), five date formats, names
 * with accents, numbers printed with spaces, pale and full-colour cards, warm, cool and neutral
 * light, camera thumbnails 160 wide or letterboxed 160×120 — and as many doctored ones (a
 * printed surname, number or birth date altered; the front of one card with the back of
 * another; a portrait pasted over after capture, the thumbnail still the camera's; a greyscale
 * copy), it counts each tampering found, every false finding on the honest ones, and what the
 * new checks cost per load: the page reading (and its confirmations), the tone, the thumbnail
 * comparison, each timed where it runs, beside the whole run's time.
 * No assertions: it prints a table. Run: `node test/bench/consistency.bench.ts`
 * (BENCH_PRINTED=n for n honest and n doctored documents; default 30).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { analyzeDocuments, type AnalysisEngine } from '../../core/analysis/analyze.ts';
import { OcrEngine } from '../../core/analysis/mrz/ocr-engine.ts';
import { documentTone } from '../../core/analysis/checks/tone.ts';
import { compareThumbnailRegions } from '../../core/analysis/checks/thumbnail.ts';
import { decodeImage } from '../../core/analysis/image/decode-image.ts';
import { printedCase, type PrintedCase, type Tampering } from '../../demo/printed-cards.ts';
import type { AnalysisReport } from '../../shared/analysis.ts';
import exifr from 'exifr';

const N = Number(process.env.BENCH_PRINTED ?? 30);
const TAMPERINGS: readonly Tampering[] = [
  'surname',
  'documentNumber',
  'birthDate',
  'sides',
  'portrait',
  'grey',
];
/** Where the portrait is on every generated card and page. */
const PORTRAIT = { left: 130, top: 280, width: 420, height: 550 };

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const engine = await OcrEngine.start();
const pageTimes: number[] = [];
let pageStarted = 0;
const timed: AnalysisEngine = {
  layoutLines: (i) => engine.layoutLines(i),
  readLine: (i) => engine.readLine(i),
  readPage: async (i) => {
    pageStarted = performance.now();
    const words = await engine.readPage(i);
    pageTimes.push(performance.now() - pageStarted);
    return words;
  },
  readTextLine: async (i) => {
    const started = performance.now();
    const text = await engine.readTextLine(i);
    pageTimes[pageTimes.length - 1] = (pageTimes.at(-1) ?? 0) + performance.now() - started;
    return text;
  },
};
const withoutPage: AnalysisEngine = {
  layoutLines: (i) => engine.layoutLines(i),
  readLine: (i) => engine.readLine(i),
};

const cpuTimes: number[] = [];
const cpuWithout: number[] = [];

async function run(
  c: PrintedCase,
  e: AnalysisEngine,
): Promise<{ report: AnalysisReport; ms: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await analyzeDocuments(
    {
      images: { documentFront: c.front.bytes, documentBack: c.back?.bytes ?? null, face: null },
      sessionDate: null,
      now: '2026-12-01T12:00:00.000Z',
    },
    e,
  );
  const used = process.cpuUsage(cpu);
  (e === timed ? cpuTimes : cpuWithout).push((used.user + used.system) / 1000);
  return { report, ms: performance.now() - started };
}

const overlap = (a: typeof PORTRAIT, b: typeof PORTRAIT) => {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? (w * h) / (a.width * a.height) : 0;
};

try {
  let falseDiffers = 0;
  let falseDifferent = 0;
  let falseGrey = 0;
  let honestThumbs = 0;
  let honestMatches = 0;
  let sameDocument = 0;
  let td1 = 0;
  const agreed: Record<string, number> = {};
  const stated: Record<string, number> = {};
  const toneCount: Record<string, number> = {};
  const falseLines: string[] = [];
  const withTimes: number[] = [];
  const toneTimes: number[] = [];
  const thumbTimes: number[] = [];
  for (let i = 0; i < N; i++) {
    const c = await printedCase(i, 'none');
    const { report, ms } = await run(c, timed);
    withTimes.push(ms);
    const con = report.consistency;
    const front = report.images.documentFront;
    for (const f of con?.fields ?? []) {
      stated[f.field] = (stated[f.field] ?? 0) + 1;
      if (f.verdict === 'agrees') agreed[f.field] = (agreed[f.field] ?? 0) + 1;
      if (f.verdict === 'differs') {
        falseDiffers++;
        falseLines.push(
          `  #${i} ${c.layout} ${c.dateStyle}: ${f.field} mrz ${f.mrz} printed ${f.printed}`,
        );
      }
    }
    if (c.back) td1++;
    if (con?.sides === 'different_documents') falseDifferent++;
    if (con?.sides === 'same_document') sameDocument++;
    const tone = front?.tone?.verdict ?? 'none';
    toneCount[tone] = (toneCount[tone] ?? 0) + 1;
    if (tone === 'greyscale') falseGrey++;
    if (front?.metadata.status === 'read' && front.metadata.thumbnail !== 'none') {
      honestThumbs++;
      if (front.metadata.thumbnail === 'matches') honestMatches++;
      else falseLines.push(`  #${i} thumbnail ${front.metadata.thumbnail}`);
    }
    if (report.mrz.status !== 'read') falseLines.push(`  #${i} ${c.layout}: MRZ not read`);
    // The parts timed alone.
    let t = performance.now();
    documentTone(c.front.bytes);
    toneTimes.push(performance.now() - t);
    const thumb = await exifr.thumbnail(c.front.bytes);
    if (thumb) {
      const image = decodeImage(c.front.bytes).grey;
      const small = decodeImage(thumb).grey;
      t = performance.now();
      compareThumbnailRegions(image, small);
      thumbTimes.push(performance.now() - t);
    }
  }
  const withoutTimes: number[] = [];
  for (let i = 0; i < Math.min(N, 10); i++)
    withoutTimes.push((await run(await printedCase(i, 'none'), withoutPage)).ms);

  const found: Record<string, [number, number]> = {};
  const missLines: string[] = [];
  for (let i = 0; i < N; i++) {
    const tampering = TAMPERINGS[i % TAMPERINGS.length] as Tampering;
    const c = await printedCase(
      N + i,
      tampering,
      tampering === 'sides' && (N + i) % 5 === 4 ? 'above' : undefined,
    );
    const { report } = await run(c, timed);
    const con = report.consistency;
    const front = report.images.documentFront;
    let hit = false;
    if (tampering === 'sides') hit = con?.sides === 'different_documents';
    else if (tampering === 'portrait')
      hit =
        front?.metadata.status === 'read' &&
        front.metadata.thumbnail === 'differs' &&
        front.metadata.thumbnailRegion !== undefined &&
        overlap(PORTRAIT, front.metadata.thumbnailRegion) > 0.5;
    else if (tampering === 'grey') hit = front?.tone?.verdict === 'greyscale';
    else hit = con?.fields.find((f) => f.field === tampering)?.verdict === 'differs';
    const entry = (found[tampering] ??= [0, 0]);
    entry[1]++;
    if (hit) entry[0]++;
    else
      missLines.push(
        `  #${N + i} ${tampering} ${c.layout} ${c.dateStyle}: ${
          tampering === 'sides'
            ? con?.sides
            : tampering === 'portrait'
              ? JSON.stringify(front?.metadata)
              : tampering === 'grey'
                ? front?.tone?.verdict
                : JSON.stringify(con?.fields.find((f) => f.field === tampering))
        }`,
      );
  }

  const pct = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(0) : '–'} %)`;
  console.log(
    `Honest documents: ${N} (${td1} ID cards with both sides, ${N - td1} passport pages)`,
  );
  console.log(`  false "differs" (printed vs MRZ)   ${falseDiffers}`);
  console.log(`  false "different_documents"        ${falseDifferent}`);
  console.log(
    `  false "greyscale"                  ${falseGrey}   tones: ${JSON.stringify(toneCount)}`,
  );
  console.log(`  thumbnails "matches"               ${pct(honestMatches, honestThumbs)}`);
  console.log(`  sides "same_document" (ID cards)   ${pct(sameDocument, td1)}`);
  console.log(`  fields found and agreeing:`);
  for (const f of Object.keys(stated))
    console.log(`    ${f.padEnd(16)} ${pct(agreed[f] ?? 0, stated[f] ?? 0)}`);
  console.log(`Doctored documents: ${N}`);
  for (const [k, [hit, all]] of Object.entries(found))
    console.log(`  ${k.padEnd(16)} found ${pct(hit, all)}`);
  const allFound = Object.values(found).reduce((n, [h]) => n + h, 0);
  console.log(`  all                found ${pct(allFound, N)}`);
  console.log(`Time per load (front + back, or the passport page; in this thread, one OCR worker)`);
  console.log(`  all checks, median               ${median(withTimes).toFixed(0)} ms`);
  console.log(`  CPU time (all threads), median   ${median(cpuTimes).toFixed(0)} ms`);
  console.log(
    `  without the page reading, median ${median(withoutTimes).toFixed(0)} ms, CPU ${median(cpuWithout).toFixed(0)} ms (first ${withoutTimes.length})`,
  );
  console.log(`  the page reading (+ confirmations), median ${median(pageTimes).toFixed(0)} ms`);
  console.log(`  the tone (decode + measure), median  ${median(toneTimes).toFixed(0)} ms`);
  console.log(`  the thumbnail comparison, median      ${median(thumbTimes).toFixed(0)} ms`);
  console.log(`  load average ${loadavg()[0]?.toFixed(2)}`);
  if (falseLines.length > 0)
    console.log(`False findings / honest misses:\n${falseLines.join('\n')}`);
  if (missLines.length > 0) console.log(`Doctored, not found:\n${missLines.join('\n')}`);
} finally {
  await engine.stop();
}
