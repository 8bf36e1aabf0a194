import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { leanForward, type LeanTf, type NetInputLike, type SsdParams } from './lean-ssd.ts';

/**
 * The face models and the TensorFlow.js runtime they run on, loaded once per process from files
 * that ship inside npm packages: `@vladmandic/face-api` (its Node WASM build and its `model/`
 * folder) and `@tensorflow/tfjs-backend-wasm` (the `.wasm` files next to its Node build). Weights
 * are read with `fs.readFile` and decoded in memory; nothing is fetched, nothing is cached to disk
 * (tfjs' IndexedDB/localStorage model stores do not exist under Node and are never asked for).
 *
 * Only the slice of face-api this module calls is typed here, so the rest of its declarations
 * (browser canvas types, WebGPU) stay out of the project's type check.
 */

export interface Tensor {
  readonly shape: number[];
  dispose(): void;
}

export interface Point {
  x: number;
  y: number;
}

export interface Detection {
  score: number;
  box: { x: number; y: number; width: number; height: number };
}

export interface DetectionWithLandmarks {
  detection: Detection;
  landmarks: { positions: Point[] };
}

/** A weights manifest as the package ships it (one group per `.bin` file). */
const Manifest = z.array(
  z.object({
    paths: z.array(z.string()),
    weights: z.array(
      z.object({ name: z.string(), shape: z.array(z.number().int()), dtype: z.string() }).loose(),
    ),
  }),
);
type WeightSpec = z.infer<typeof Manifest>[number]['weights'][number];

interface Net {
  loadFromWeightMap(weights: Record<string, Tensor>): void;
}

/** The detector, with what lean-ssd.ts replaces on it. */
interface SsdNet extends Net {
  params?: SsdParams;
  forwardInput(input: NetInputLike): { boxes: Tensor[]; scores: Tensor[] };
}

interface FaceApi {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    getBackend(): string;
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
    io: { decodeWeights(buffer: ArrayBuffer, specs: WeightSpec[]): Record<string, Tensor> };
    memory(): { numTensors: number; numBytes: number };
    backend(): { wasm?: { HEAPU8?: Uint8Array } } | undefined;
  };
  nets: {
    ssdMobilenetv1: SsdNet;
    faceLandmark68Net: Net & { detectLandmarks(input: Tensor): Promise<{ positions: Point[] }> };
    faceRecognitionNet: Net & { computeFaceDescriptor(input: Tensor): Promise<Float32Array> };
  };
  SsdMobilenetv1Options: new (options: { minConfidence: number; maxResults: number }) => object;
  detectAllFaces(
    input: Tensor,
    options: object,
  ): PromiseLike<Detection[]> & { withFaceLandmarks(): Promise<DetectionWithLandmarks[]> };
}

/** What the comparison needs from the models, and nothing else. */
export interface FaceRuntime {
  /** Which model produced the numbers (named in the wording the reviewer reads). */
  readonly modelName: string;
  readonly backend: string;
  /** Every face the detector finds at or above `minConfidence`, with its 68 landmarks. */
  detect(
    rgb: Uint8Array,
    width: number,
    height: number,
    minConfidence: number,
  ): Promise<DetectionWithLandmarks[]>;
  /**
   * Every face box the detector finds at or above `minConfidence` (in the given pixels), without
   * landmarks. The detector sees the image padded to a square and resized to 512 × 512, so a
   * caller gains nothing by handing it more than 512 pixels a side.
   */
  detectBoxes(
    rgb: Uint8Array,
    width: number,
    height: number,
    minConfidence: number,
  ): Promise<Detection[]>;
  /**
   * The 68 landmarks of the face that fills this image (a face box's pixels), in its pixels.
   * The network sees the image padded to a square and resized to 112 × 112.
   */
  landmarks(rgb: Uint8Array, width: number, height: number): Promise<Point[]>;
  /** How many tensors the runtime holds (the models' weights, once loaded): flat across runs. */
  liveTensors(): number;
  /** The WASM backend's heap: it grows to the largest network run's needs and never shrinks. */
  wasmHeapBytes(): number;
  /** The 128-number descriptor of an aligned 150×150 RGB face crop. */
  describe(rgb150: Uint8Array): Promise<Float32Array>;
}

export const MODEL_NAME =
  'face-api 1.7.15: SSD MobileNet v1 detector, 68-point landmarks, ResNet-34 128-d descriptor';
export const CROP_SIZE = 150;

const require = createRequire(import.meta.url);
const MODEL_FILES = {
  ssdMobilenetv1: 'ssd_mobilenetv1_model',
  faceLandmark68Net: 'face_landmark_68_model',
  faceRecognitionNet: 'face_recognition_model',
} as const;

let loading: Promise<FaceRuntime> | undefined;

/** The process's one runtime; the first call loads it, later calls share it. */
export function faceRuntime(): Promise<FaceRuntime> {
  loading ??= loadRuntime().catch((error: unknown) => {
    loading = undefined;
    throw new Error('The face models or their WASM backend could not be loaded from the app.', {
      cause: error,
    });
  });
  return loading;
}

async function loadRuntime(): Promise<FaceRuntime> {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const { tf } = faceapi;
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  await tf.ready();
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  for (const [net, file] of Object.entries(MODEL_FILES) as [keyof typeof MODEL_FILES, string][]) {
    faceapi.nets[net].loadFromWeightMap(await readWeights(tf, modelDir, file));
  }
  // The detector's pass, releasing each layer's output once used (same numbers, far smaller
  // peak on the WASM heap, which never gives memory back): see lean-ssd.ts.
  const ssd = faceapi.nets.ssdMobilenetv1;
  const ssdParams = ssd.params;
  if (!ssdParams) throw new Error('the detector has no parameters after loading');
  ssd.forwardInput = (input) => leanForward(tf as unknown as LeanTf, ssdParams, input);
  const runtime: FaceRuntime = {
    modelName: MODEL_NAME,
    backend: tf.getBackend(),
    async detect(rgb, width, height, minConfidence) {
      const input = tf.tensor3d(rgb, [height, width, 3], 'int32');
      try {
        const options = new faceapi.SsdMobilenetv1Options({ minConfidence, maxResults: 10 });
        return await faceapi.detectAllFaces(input, options).withFaceLandmarks();
      } finally {
        input.dispose();
      }
    },
    async detectBoxes(rgb, width, height, minConfidence) {
      const input = tf.tensor3d(rgb, [height, width, 3], 'int32');
      try {
        const options = new faceapi.SsdMobilenetv1Options({ minConfidence, maxResults: 10 });
        const found = await faceapi.detectAllFaces(input, options);
        // face-api's FaceDetection keeps its numbers behind getters: copy them by name.
        return found.map(({ score, box: { x, y, width: w, height: h } }) => ({
          score,
          box: { x, y, width: w, height: h },
        }));
      } finally {
        input.dispose();
      }
    },
    async landmarks(rgb, width, height) {
      const input = tf.tensor3d(rgb, [height, width, 3], 'int32');
      try {
        const found = await faceapi.nets.faceLandmark68Net.detectLandmarks(input);
        return found.positions.map(({ x, y }) => ({ x, y }));
      } finally {
        input.dispose();
      }
    },
    liveTensors: () => tf.memory().numTensors,
    wasmHeapBytes: () => tf.backend()?.wasm?.HEAPU8?.buffer.byteLength ?? 0,
    async describe(rgb150) {
      const input = tf.tensor3d(rgb150, [CROP_SIZE, CROP_SIZE, 3], 'int32');
      try {
        return await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
      } finally {
        input.dispose();
      }
    },
  };
  // Each network's first run sets up its WASM kernels (about a second on a busy machine): do it
  // here, on blank pixels, so it overlaps the document checks instead of delaying the first face.
  const blank = new Uint8Array(CROP_SIZE * CROP_SIZE * 3);
  await runtime.detectBoxes(blank, CROP_SIZE, CROP_SIZE, 0.99);
  await runtime.landmarks(blank, CROP_SIZE, CROP_SIZE);
  await runtime.describe(blank);
  return runtime;
}

async function readWeights(
  tf: FaceApi['tf'],
  dir: string,
  file: string,
): Promise<Record<string, Tensor>> {
  const manifest = Manifest.parse(
    JSON.parse(await readFile(join(dir, `${file}-weights_manifest.json`), 'utf8')),
  );
  const bytes = await readFile(join(dir, `${file}.bin`));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return tf.io.decodeWeights(
    buffer,
    manifest.flatMap((group) => group.weights),
  );
}
