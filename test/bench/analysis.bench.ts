/**
 * Review assist: MRZ accuracy on a generated corpus with known truth, and the time of all checks
 * for the three images of the demo's ID card.
 *
 * Corpus: CORPUS_SIZE documents, TD1 and TD3 alternating, random names, numbers and dates, each
 * rotated by a random angle in ±5°, blurred by a random σ in 0–1.2 and saved at a random JPEG
 * quality in 50–95. A document counts as read exactly when every zone line equals the truth;
 * on those, the check-digit verdicts are right when they all hold (the corpus has no wrong
 * digit). Inexact reads whose digits all hold are counted apart: names carry no check digit, so
 * a misread name passes them — the reason the report shows the OCR confidence and the lines.
 * No assertions: it prints a table. Run: `node test/bench/analysis.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { AnalysisRunner } from '../../core/analysis/runner.ts';
import { td1, td3, type MrzPerson } from '../../demo/mrz-lines.ts';
import { getSpecimens, mrzZone, prng } from '../../demo/specimens.ts';

const CORPUS_SIZE = Number(process.env.BENCH_CORPUS ?? 40);
const TIMING_RUNS = 5;

const rnd = prng(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const SURNAMES = ['SPECIMEN', 'MUELLER', 'GARCIA', 'NGUYEN', 'OKAFOR', 'LINDQVIST', 'ROSSI'];
const GIVEN = ['ALEX', 'PAT', 'MARIA JOSE', 'KIM', 'SAMUEL', 'ANNA MARIA', 'TOMAS'];
const STATES = ['UTO', 'HND', 'DEU', 'FRA', 'ESP'];
const ALNUM = 'ABCDEFGHJKLMNPRTUVWXY0123456789';
const two = (n: number) => String(n).padStart(2, '0');
const date = (y0: number, y1: number) =>
  `${two((y0 + Math.floor(rnd() * (y1 - y0))) % 100)}${two(1 + Math.floor(rnd() * 12))}${two(1 + Math.floor(rnd() * 28))}`;

function person(passport: boolean): MrzPerson {
  const state = pick(STATES);
  return {
    documentCode: passport ? 'P' : 'ID',
    issuingState: state,
    documentNumber: Array.from({ length: 9 }, () => pick(Array.from(ALNUM))).join(''),
    surname: pick(SURNAMES),
    givenNames: pick(GIVEN),
    nationality: state,
    birthDate: date(1950, 2005),
    sex: pick(['M', 'F', '<'] as const),
    expiryDate: date(2027, 2036),
  };
}

async function specimen(i: number): Promise<{ bytes: Uint8Array; lines: string[] }> {
  const passport = i % 2 === 0;
  const lines = passport ? td3(person(true)) : td1(person(false));
  const width = 1800;
  const height = passport ? 1270 : 1140;
  const zoneTop = height - (passport ? 340 : 440);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height}" fill="#6a6660"/>
    <rect x="30" y="30" width="${width - 60}" height="${height - 60}" rx="30" fill="#ece6da"/>
    <text x="90" y="120" font-family="DejaVu Sans" font-size="50" fill="#333">SPECIMEN DOCUMENT ${i}</text>
    <rect x="90" y="180" width="400" height="${zoneTop - 260}" fill="#c9c0b0"/>
    <rect x="30" y="${zoneTop}" width="${width - 60}" height="${height - zoneTop - 60}" fill="#f3f1ea"/>
    ${mrzZone(lines, passport ? { x: 90, y: zoneTop + 100, width: 1620, lineGap: 100, size: 60 } : { x: 140, y: zoneTop + 100, width: 1520, lineGap: 105, size: 72 })}
  </svg>`;
  const angle = (rnd() * 2 - 1) * 5;
  const sigma = rnd() * 1.2;
  let image = sharp(Buffer.from(svg)).rotate(angle, { background: '#6a6660' });
  if (sigma > 0.3) image = image.blur(sigma);
  const bytes = await image.jpeg({ quality: 50 + Math.floor(rnd() * 46) }).toBuffer();
  return { bytes: new Uint8Array(bytes), lines };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const runner = new AnalysisRunner();
try {
  await runner.ready;
  let exact = 0;
  let verdictsRight = 0;
  let inexactAllHold = 0;
  const perDocument: number[] = [];
  for (let i = 0; i < CORPUS_SIZE; i++) {
    const { bytes, lines } = await specimen(i);
    const started = performance.now();
    const report = await runner.analyze({
      images:
        i % 2 === 0
          ? { documentFront: bytes, documentBack: null, face: null }
          : { documentFront: null, documentBack: bytes, face: null },
      sessionDate: null,
      now: new Date().toISOString(),
    });
    perDocument.push(performance.now() - started);
    const read = report.mrz.status === 'read' ? report.mrz : null;
    const isExact = read !== null && read.lines.join('\n') === lines.join('\n');
    if (isExact) exact++;
    if (isExact && read.checkDigitsValid) verdictsRight++;
    if (!isExact && read?.checkDigitsValid) inexactAllHold++;
  }

  const s = await getSpecimens();
  const times: number[] = [];
  for (let k = 0; k < TIMING_RUNS; k++) {
    const started = performance.now();
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
  }

  const pct = (n: number) => `${((100 * n) / CORPUS_SIZE).toFixed(1)} %`;
  console.log(`MRZ corpus: ${CORPUS_SIZE} documents (TD1/TD3, ±5°, blur σ 0–1.2, JPEG q 50–95)`);
  console.log(`  zone read exactly               ${exact}/${CORPUS_SIZE} (${pct(exact)})`);
  console.log(`  check-digit verdicts right      ${verdictsRight}/${exact} of the exact reads`);
  console.log(`  inexact reads, all digits hold  ${inexactAllHold}`);
  console.log(`  per document, median            ${median(perDocument).toFixed(0)} ms`);
  console.log(`All checks, demo ID card (front, back, selfie), warm worker, ${TIMING_RUNS} runs`);
  console.log(`  median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms`);
} finally {
  await runner.dispose();
}
