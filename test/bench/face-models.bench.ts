/**
 * Issue 16: face-api's 128-d descriptor (what idlens ships) against the Human library's face
 * description model (`faceres`, HSE-FaceRes, `@vladmandic/human` 3.3.6, a dev dependency only),
 * on the pairs of face.bench.ts and with the same crops.
 *
 * Every image goes through the shipped `describeFace` (face-api's SSD MobileNet v1 finds the face,
 * its 68 landmarks level the eyes, the aligned crop is described by face-api's ResNet-34), so the
 * pairs, the faces found and the "cannot tell" images are exactly those of face.bench.ts. The same
 * crop (same centre, size and angle) is then sampled again at faceres's input size, read from its
 * model.json (224 × 224 RGB, 0–255 floats, as Human feeds it), and described by faceres on the
 * same TensorFlow.js WASM backend; its 1024-number `global_pooling/Mean` output is the embedding
 * Human keeps as `descriptor`. Human's runtime is not used (its loader fetches): model.json and
 * faceres.bin are read from node_modules and handed to `tf.loadGraphModel` through an IOHandler.
 *
 * Scores, higher is more alike:
 *   - face-api: the shipped score, 1 − Euclidean distance of the descriptors;
 *   - faceres: − the Euclidean distance of the raw embeddings, which is what Human's own
 *     `match.distance`/`similarity` compute (order 2; its similarity is a clamped, rounded linear
 *     map of that distance, so ranking by the distance is the same minus the clamp's ties).
 *     Cosine similarity of the L2-normalised embeddings is printed beside it as a check only.
 * Printed for each: ROC AUC, the equal-error rate, false accepts and false rejects at the lowest
 * threshold letting ≤ 1 % of impostor pairs through on this set, the pairs scored, the time of
 * one description (network only, crop given) and the model's size on disk.
 *
 * The cards' grain is seeded (test/fixtures/face-pairs.ts), so every run scores the same pairs;
 * both models describe the very same crops of the very same images, so the two columns are a
 * paired comparison.
 *
 * Run: `node test/bench/face-models.bench.ts`. No assertions.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { FACE_MATCH_CALIBRATION, type FaceCrop } from '../../shared/face-match.ts';
import { extractCrop } from '../../core/analysis/face/align-face.ts';
import { describeFace } from '../../core/analysis/face/compare-faces.ts';
import { decodeJpeg } from '../../core/analysis/image/decode-jpeg.ts';
import { CROP_SIZE, faceRuntime } from '../../core/analysis/face/face-api-runtime.ts';
import { captureVariant, documentFront, sampleFaces } from '../fixtures/face-pairs.ts';

/** As face.bench.ts: one capture of each face's card per portrait width. */
const PORTRAIT_WIDTHS = [240, 290, 340];
/** The false-accept budget the thresholds are picked for. */
const TARGET_FAR = 0.01;

const require = createRequire(import.meta.url);
// The package's exports hide package.json: its main entry (dist/, resolved, never loaded) finds it.
const humanModels = join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
const faceApiModels = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

/** The slice of TensorFlow.js (the instance face-api runs on) this bench calls. */
interface Tensor {
  readonly shape: number[];
  data(): Promise<Float32Array>;
  dispose(): void;
}
interface GraphModel {
  readonly inputs: { name: string; shape?: number[] }[];
  execute(input: Tensor, outputs: string): Tensor;
  dispose(): void;
}
interface ModelArtifacts {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  signature?: unknown;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
}
interface Tf {
  getBackend(): string;
  tensor4d(values: Float32Array, shape: [number, number, number, number]): Tensor;
  loadGraphModel(handler: { load(): Promise<ModelArtifacts> }): Promise<GraphModel>;
}

const ModelJson = z
  .object({
    format: z.string().optional(),
    generatedBy: z.string().optional(),
    convertedBy: z.string().optional(),
    modelTopology: z.unknown(),
    signature: z.object({
      inputs: z.record(
        z.string(),
        z.object({
          name: z.string(),
          tensorShape: z.object({ dim: z.array(z.object({ size: z.string() })) }),
        }),
      ),
      outputs: z.record(
        z.string(),
        z.object({
          name: z.string(),
          tensorShape: z.object({ dim: z.array(z.object({ size: z.string() })) }),
        }),
      ),
    }),
    weightsManifest: z.array(
      z.object({ paths: z.array(z.string()), weights: z.array(z.object({}).loose()) }),
    ),
  })
  .loose();

interface Faceres {
  side: number;
  output: string;
  describe(rgb: Uint8Array): Promise<Float32Array>;
}

/** faceres from its model.json and .bin files, on the WASM backend face-api already started. */
async function loadFaceres(): Promise<Faceres> {
  const tf = require('@tensorflow/tfjs') as Tf;
  const json = ModelJson.parse(
    JSON.parse(await readFile(join(humanModels, 'faceres.json'), 'utf8')),
  );
  const input = Object.values(json.signature.inputs)[0];
  const side = Number(input?.tensorShape.dim[1]?.size);
  if (!input || !Number.isInteger(side) || side <= 0) throw new Error('faceres: no input size');
  // The output Human keeps as the descriptor: the one 1024 numbers wide (the others are age, gender).
  const output = Object.values(json.signature.outputs).find(
    (o) => o.tensorShape.dim.at(-1)?.size === '1024',
  )?.name;
  if (!output) throw new Error('faceres: no 1024-wide output');
  const bins = await Promise.all(
    json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(humanModels, p))),
  );
  const bytes = Buffer.concat(bins);
  const model = await tf.loadGraphModel({
    load: () =>
      Promise.resolve({
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: json.signature,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      }),
  });
  return {
    side,
    output,
    async describe(rgb) {
      const x = tf.tensor4d(Float32Array.from(rgb), [1, side, side, 3]);
      try {
        const y = model.execute(x, output);
        try {
          return await y.data();
        } finally {
          y.dispose();
        }
      } finally {
        x.dispose();
      }
    },
  };
}

interface Described {
  owner: number;
  card: boolean;
  faceApi: Float32Array | null;
  faceres: Float32Array | null;
}

interface Timing {
  wallMs: number[];
  cpuMs: number[];
}

async function timed<T>(into: Timing, run: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await run();
  into.wallMs.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  into.cpuMs.push((used.user + used.system) / 1000);
  return result;
}

const runtime = await faceRuntime();
const faceres = await loadFaceres();
const t0 = performance.now();
const faces = await sampleFaces();
const faceApiTime: Timing = { wallMs: [], cpuMs: [] };
const faceresTime: Timing = { wallMs: [], cpuMs: [] };
let reproducedMaxDiff = 0;
let warmed = false;

/** The shipped path, then the same crop sampled at faceres's size and described by both models. */
async function describeBoth(
  bytes: Buffer,
  owner: number,
  side: 'selfie' | 'document',
): Promise<Described> {
  const shipped = await describeFace(bytes, side);
  if (!('descriptor' in shipped))
    return { owner, card: side === 'document', faceApi: null, faceres: null };
  const image = decodeJpeg(bytes);
  if (!image) throw new Error('decoded once, not twice');
  const crop = (outputSize: number): FaceCrop => ({ ...shipped.crop, outputSize });
  const pixels150 = extractCrop(image, crop(CROP_SIZE));
  const pixelsFaceres = extractCrop(image, crop(faceres.side));
  if (!warmed) {
    // Both models' first runs set up WASM kernels: once, untimed.
    await runtime.describe(pixels150);
    await faceres.describe(pixelsFaceres);
    warmed = true;
  }
  // face-api's descriptor again, timed, on the crop rebuilt here: it must match the shipped one.
  const again = await timed(faceApiTime, () => runtime.describe(pixels150));
  for (let i = 0; i < again.length; i++) {
    reproducedMaxDiff = Math.max(
      reproducedMaxDiff,
      Math.abs((again[i] ?? 0) - (shipped.descriptor[i] ?? 0)),
    );
  }
  const embedding = await timed(faceresTime, () => faceres.describe(pixelsFaceres));
  return { owner, card: side === 'document', faceApi: shipped.descriptor, faceres: embedding };
}

const selfies: Described[] = [];
const cards: Described[] = [];
for (const [i, face] of faces.entries()) {
  selfies.push(await describeBoth(face.selfie, i, 'selfie'));
  for (const [v, width] of PORTRAIT_WIDTHS.entries()) {
    const bytes = await documentFront(face.selfie, captureVariant(1000 * i + v, width));
    cards.push(await describeBoth(bytes, i, 'document'));
  }
}
const seconds = (performance.now() - t0) / 1000;

interface Scores {
  genuine: number[];
  impostor: number[];
  cannotTell: number;
}

function scorePairs(score: (a: Described, b: Described) => number | null): Scores {
  const out: Scores = { genuine: [], impostor: [], cannotTell: 0 };
  for (const selfie of selfies) {
    for (const card of cards) {
      const s = score(selfie, card);
      if (s === null) out.cannotTell++;
      else (card.owner === selfie.owner ? out.genuine : out.impostor).push(s);
    }
  }
  return out;
}

function euclidean(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] ?? 0) * (b[i] ?? 0);
    aa += (a[i] ?? 0) ** 2;
    bb += (b[i] ?? 0) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

const faceApiScores = scorePairs((a, b) =>
  a.faceApi && b.faceApi ? Math.min(1, Math.max(0, 1 - euclidean(a.faceApi, b.faceApi))) : null,
);
const faceresScores = scorePairs((a, b) =>
  a.faceres && b.faceres ? -euclidean(a.faceres, b.faceres) : null,
);
const faceresCosine = scorePairs((a, b) =>
  a.faceres && b.faceres ? cosine(a.faceres, b.faceres) : null,
);

/** Mann–Whitney: the chance a genuine pair scores above an impostor pair (ties count half). */
function rocAuc({ genuine, impostor }: Scores): number {
  let wins = 0;
  for (const g of genuine) for (const i of impostor) wins += g > i ? 1 : g === i ? 0.5 : 0;
  return wins / (genuine.length * impostor.length);
}

function rates({ genuine, impostor }: Scores, threshold: number): { far: number; frr: number } {
  return {
    far: impostor.filter((s) => s >= threshold).length / impostor.length,
    frr: genuine.filter((s) => s < threshold).length / genuine.length,
  };
}

/** The rate where false accepts and false rejects cross (their mean at the closest threshold). */
function equalErrorRate(scores: Scores): number {
  let best = { gap: Infinity, eer: 1 };
  for (const t of new Set([...scores.genuine, ...scores.impostor])) {
    const { far, frr } = rates(scores, t);
    if (Math.abs(far - frr) < best.gap) best = { gap: Math.abs(far - frr), eer: (far + frr) / 2 };
  }
  return best.eer;
}

/** The lowest threshold (accept at or above) letting at most TARGET_FAR of impostors through. */
function pickThreshold({ impostor }: Scores): number {
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * TARGET_FAR);
  const above = sorted[allowed] ?? -Infinity;
  // Just above the first impostor that must be refused.
  return above + 1e-6 * Math.max(1, Math.abs(above));
}

async function sizeOnDisk(dir: string, files: string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(dir, f))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

const faceApiSize = await sizeOnDisk(faceApiModels, [
  'face_recognition_model.bin',
  'face_recognition_model-weights_manifest.json',
]);
const sharedSize = await sizeOnDisk(faceApiModels, [
  'ssd_mobilenetv1_model.bin',
  'ssd_mobilenetv1_model-weights_manifest.json',
  'face_landmark_68_model.bin',
  'face_landmark_68_model-weights_manifest.json',
]);
const faceresSize = await sizeOnDisk(humanModels, ['faceres.json', 'faceres.bin']);

/** Lowest, median and highest score, shown in the model's own unit. */
function spread(values: number[], unit: (t: number) => number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[0] ?? 0, median(sorted), sorted.at(-1) ?? 0]
    .map((v) => unit(v).toFixed(3))
    .join(' / ');
}

/** A model's column; `distance` shows its scores (− distance) as the distance they stand for. */
function column(scores: Scores, timing: Timing, size: number, kind: 'score' | 'distance') {
  const unit = (t: number) => (kind === 'score' ? t : -t);
  const threshold = pickThreshold(scores);
  const { far, frr } = rates(scores, threshold);
  return [
    `${scores.genuine.length} / ${scores.impostor.length} / ${scores.cannotTell}`,
    spread(scores.genuine, unit),
    spread(scores.impostor, unit),
    rocAuc(scores).toFixed(4),
    pct(equalErrorRate(scores)),
    `${kind} ${kind === 'score' ? '≥' : '≤'} ${unit(threshold).toFixed(3)}`,
    pct(far),
    pct(frr),
    `${median(timing.wallMs).toFixed(0)} / ${median(timing.cpuMs).toFixed(0)} ms`,
    mb(size),
  ];
}

const labels = [
  'pairs: genuine / impostor / cannot tell',
  'genuine min / median / max',
  'impostor min / median / max',
  'ROC AUC',
  'equal-error rate',
  `threshold for ≤ ${pct(TARGET_FAR)} false accepts`,
  '  false accepts there',
  '  false rejects there',
  'one description: median wall / CPU',
  'model on disk',
];
const left = column(faceApiScores, faceApiTime, faceApiSize, 'score');
const right = column(faceresScores, faceresTime, faceresSize, 'distance');

console.log(`\nFace description models on the pairs of face.bench.ts — backend ${runtime.backend}`);
console.log(`  distinct faces ${faces.length}, images ${selfies.length + cards.length}`);
const line = (a: string, b: string, c: string) =>
  console.log(`  ${a.padEnd(42)} ${b.padEnd(24)} ${c}`);
line('', 'face-api 128-d (shipped)', `Human faceres ${faceres.output}`);
line('input crop', `${CROP_SIZE} × ${CROP_SIZE}`, `${faceres.side} × ${faceres.side}`);
line('embedding', '128 numbers', '1024 numbers');
line('score', '1 − Euclidean', '− Euclidean (Human match)');
for (const [i, label] of labels.entries()) line(label, left[i] ?? '', right[i] ?? '');
line('faceres, cosine of L2-normalised (check): AUC', '', rocAuc(faceresCosine).toFixed(4));
line('  its EER', '', pct(equalErrorRate(faceresCosine)));
const shipped = FACE_MATCH_CALIBRATION;
line(
  `face-api at the shipped same ≥ ${shipped.sameAtOrAbove}: false accepts`,
  pct(rates(faceApiScores, shipped.sameAtOrAbove).far),
  '',
);
line(
  `  and below different < ${shipped.differentBelow}: genuine pairs`,
  pct(rates(faceApiScores, shipped.differentBelow).frr),
  '',
);
console.log(
  `\n  Shared by both: SSD MobileNet v1 + 68 landmarks, ${mb(sharedSize)} on disk. faceres also` +
    '\n  outputs age and gender (unused). Its description timed on its own 224 px crop, face-api on' +
    `\n  its 150 px crop, one after the other in this process (${faceApiTime.wallMs.length} each).` +
    `\n  face-api descriptor rebuilt from the crop vs the shipped one: max difference ${reproducedMaxDiff.toExponential(1)}.` +
    `\n  Whole run (describe every image with both): ${seconds.toFixed(0)} s; load average ${loadavg()[0]?.toFixed(2) ?? '?'}.` +
    '\n  Caveats as face.bench.ts: a genuine pair is one photograph twice, the faces are few and' +
    '\n  alike, each is taken to be a different person; thresholds are picked on this same set.',
);
