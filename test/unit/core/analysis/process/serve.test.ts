import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import type { AnalysisEngine } from '../../../../../core/analysis/analyze.ts';
import { decodeImage } from '../../../../../core/analysis/image/decode-image.ts';
import type { FaceComparer } from '../../../../../core/analysis/face/face-step.ts';
import type { RgbImage } from '../../../../../core/analysis/image/decode-jpeg.ts';
import {
  FromAnalysisSchema,
  type FromAnalysis,
} from '../../../../../core/analysis/process/protocol.ts';
import { serveAnalysis } from '../../../../../core/analysis/process/serve.ts';
import type { FaceComparison } from '../../../../../shared/face-match.ts';

/**
 * The analysis process's loop with a stand-in OCR engine (it decodes with jpeg-js and finds no
 * text, so a run is quick) and a stand-in face comparer: when the face step runs, what it adds to the report, what
 * a cancel stops, and that `ready` does not wait for the face models.
 */

const SAME: FaceComparison = {
  score: 0.71,
  band: 'same',
  selfieFace: { box: { x: 1, y: 2, width: 100, height: 120 }, confidence: 0.98 },
  portraitFace: { box: { x: 60, y: 150, width: 90, height: 110 }, confidence: 0.9 },
  crops: {
    selfie: { centerX: 50, centerY: 60, size: 150, angleDegrees: 1.5, outputSize: 150 },
    portrait: { centerX: 100, centerY: 200, size: 130, angleDegrees: -3, outputSize: 150 },
  },
  model: 'stand-in',
};

const blindEngine = (): Promise<AnalysisEngine & { stop(): Promise<void> }> =>
  Promise.resolve({
    decodeGrey: (bytes) => Promise.resolve().then(() => decodeImage(bytes).grey),
    layoutLines: () => Promise.resolve([]),
    readLine: () => Promise.resolve({ text: '', confidence: 0 }),
    stop: () => Promise.resolve(),
  });

/** What the comparer was handed of one image: its size and the colour of its first pixel. */
interface Seen {
  width: number;
  height: number;
  colour: 'red' | 'blue' | 'grey';
}
interface Calls {
  warm: number;
  compared: { selfie: Seen | null; front: Seen | null }[];
  pixels: RgbImage[];
}

const seen = (image: RgbImage | null): Seen | null =>
  image && {
    width: image.width,
    height: image.height,
    colour:
      (image.rgb[0] ?? 0) > (image.rgb[2] ?? 0) + 50
        ? 'red'
        : (image.rgb[2] ?? 0) > (image.rgb[0] ?? 0) + 50
          ? 'blue'
          : 'grey',
  };

/** A small JPEG of one flat colour. */
function flatJpeg(width: number, height: number, [r, g, b]: number[]): number[] {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([r ?? 0, g ?? 0, b ?? 0, 255], i);
  return [...jpeg.encode({ data, width, height }, 95).data];
}

/** A comparer that records its calls and answers what `answer` says, when `gate` lets it. */
function comparer(
  answer: () => Promise<FaceComparison>,
  gate: Promise<void> = Promise.resolve(),
): FaceComparer & { calls: Calls } {
  const calls: Calls = { warm: 0, compared: [], pixels: [] };
  return {
    calls,
    warm: () => {
      calls.warm++;
    },
    compare: async (selfie, front, checkpoint) => {
      calls.compared.push({ selfie: seen(selfie), front: seen(front) });
      for (const image of [selfie, front]) if (image) calls.pixels.push(image);
      await gate;
      checkpoint();
      return answer();
    },
  };
}

function serve(faces: FaceComparer | null) {
  const posted: FromAnalysis[] = [];
  const waiters: (() => void)[] = [];
  let listener: (message: unknown) => void = () => {};
  void serveAnalysis(
    {
      onMessage: (l) => (listener = l),
      post: (message) => {
        posted.push(FromAnalysisSchema.parse(message));
        for (const w of waiters.splice(0)) w();
      },
    },
    () => {},
    blindEngine,
    faces,
  );
  const until = async (find: (m: FromAnalysis) => boolean): Promise<FromAnalysis> => {
    for (;;) {
      const found = posted.find(find);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { send: (m: unknown) => listener(m), posted, until };
}

const input = (images: { documentFront?: number[]; documentBack?: number[]; face?: number[] }) => {
  const bytes = (b?: number[]) => (b ? new Uint8Array(b) : null);
  return {
    images: {
      documentFront: bytes(images.documentFront),
      documentBack: bytes(images.documentBack),
      face: bytes(images.face),
    },
    sessionDate: null,
    now: '2026-11-29T12:00:00.000Z',
  };
};

const resultOf = (id: number) => (m: FromAnalysis) => m.type !== 'ready' && m.id === id;

describe('the face step in the analysis process', () => {
  it('answers ready without loading the face models', async () => {
    const faces = comparer(() => Promise.resolve(SAME));
    const process = serve(faces);
    await process.until((m) => m.type === 'ready');
    expect(faces.calls.warm).toBe(0);
    expect(faces.calls.compared).toEqual([]);
  });

  it('compares the selfie with the document front and adds the comparison to the report', async () => {
    const faces = comparer(() => Promise.resolve(SAME));
    const process = serve(faces);
    const run = input({
      documentFront: flatJpeg(48, 32, [200, 40, 40]),
      face: flatJpeg(24, 40, [40, 40, 200]),
    });
    process.send({ type: 'analyze', id: 1, input: run, faceStep: 'run' });
    const result = await process.until(resultOf(1));
    expect(faces.calls.warm).toBe(1);
    // The comparer gets the pixels the document checks decoded: the selfie's, then the front's.
    expect(faces.calls.compared).toEqual([
      {
        selfie: { width: 24, height: 40, colour: 'blue' },
        front: { width: 48, height: 32, colour: 'red' },
      },
    ]);
    expect(result).toMatchObject({ type: 'result', report: { face: SAME } });
    // The document checks ran on the same images and reported.
    expect(result.type === 'result' && result.report.images.documentFront).toMatchObject({
      quality: { status: 'measured', width: 48, height: 32 },
    });
    expect(result.type === 'result' && result.report.images.face).toMatchObject({
      quality: { status: 'measured', width: 24, height: 40 },
    });
    // The process zeroes the images it was given, and the pixels it decoded, once the run ends.
    expect(run.images.face?.every((b) => b === 0)).toBe(true);
    expect(run.images.documentFront?.every((b) => b === 0)).toBe(true);
    expect(faces.calls.pixels).toHaveLength(2);
    for (const image of faces.calls.pixels) expect(image.rgb.every((b) => b === 0)).toBe(true);
  });

  it('does not compare, nor load the models, without a selfie or without a document front', async () => {
    const faces = comparer(() => Promise.resolve(SAME));
    const process = serve(faces);
    process.send({ type: 'analyze', id: 1, input: input({ face: [4] }), faceStep: 'run' });
    process.send({
      type: 'analyze',
      id: 2,
      input: input({ documentFront: [1], documentBack: [2] }),
      faceStep: 'run',
    });
    for (const id of [1, 2]) {
      const result = await process.until(resultOf(id));
      expect(result.type).toBe('result');
      expect(result.type === 'result' && 'face' in result.report).toBe(false);
    }
    expect(faces.calls).toEqual({ warm: 0, compared: [], pixels: [] });
  });

  it('without a comparer, runs the document checks alone and reports no face', async () => {
    const process = serve(null);
    const run = input({
      documentFront: flatJpeg(48, 32, [200, 40, 40]),
      face: flatJpeg(24, 40, [40, 40, 200]),
    });
    process.send({ type: 'analyze', id: 1, input: run, faceStep: 'run' });
    const result = await process.until(resultOf(1));
    expect(result.type === 'result' && 'face' in result.report).toBe(false);
    expect(result.type === 'result' && result.report.images.face).toMatchObject({
      quality: { status: 'measured', width: 24, height: 40 },
    });
  });

  it('documents only: no model loaded, no comparison, the face part says it was turned off', async () => {
    const faces = comparer(() => Promise.resolve(SAME));
    const process = serve(faces);
    const run = input({ documentFront: [1, 2], face: [3, 4] });
    process.send({ type: 'analyze', id: 1, input: run, faceStep: 'turned_off' });
    const result = await process.until(resultOf(1));
    expect(result).toMatchObject({
      type: 'result',
      report: { ranOn: 'this-computer', face: { status: 'not_run', reason: 'turned_off' } },
    });
    expect(faces.calls).toEqual({ warm: 0, compared: [], pixels: [] });
    // The selfie's own capture checks still ran, and the images were zeroed after the run.
    expect(result.type === 'result' && result.report.images.face).not.toBeNull();
    expect([...(run.images.face ?? [])]).toEqual([0, 0]);
    // The next run asks for the faces: only then do the models load.
    process.send({
      type: 'analyze',
      id: 2,
      input: input({ documentFront: [1], face: [2] }),
      faceStep: 'run',
    });
    expect(await process.until(resultOf(2))).toMatchObject({ report: { face: SAME } });
    expect(faces.calls.warm).toBe(1);
  });

  it('a request that does not say whether to compare faces is refused as malformed (no run)', async () => {
    const faces = comparer(() => Promise.resolve(SAME));
    const process = serve(faces);
    process.send({ type: 'analyze', id: 1, input: input({ documentFront: [1], face: [2] }) });
    process.send({
      type: 'analyze',
      id: 2,
      input: input({ documentFront: [1] }),
      faceStep: 'maybe',
    });
    process.send({
      type: 'analyze',
      id: 3,
      input: input({ documentBack: [1] }),
      faceStep: 'turned_off',
    });
    // Runs answer in order: the third is answered, so the first two were dropped, not queued.
    expect(await process.until(resultOf(3))).toMatchObject({ type: 'result' });
    expect(process.posted.flatMap((m) => (m.type === 'ready' ? [] : [m.id]))).toEqual([3]);
    expect(faces.calls).toEqual({ warm: 0, compared: [], pixels: [] });
  });

  it('a comparison that fails reads "cannot tell", and the rest of the report stands', async () => {
    const faces = comparer(() => Promise.reject(new Error('models missing')));
    const process = serve(faces);
    process.send({
      type: 'analyze',
      id: 1,
      input: input({ documentFront: [1], face: [2] }),
      faceStep: 'run',
    });
    const result = await process.until(resultOf(1));
    expect(result).toMatchObject({
      type: 'result',
      report: {
        ranOn: 'this-computer',
        face: { score: null, band: 'cannot-tell', reason: 'comparison-failed' },
      },
    });
  });

  it('an image that does not decode reaches the comparer as nothing, and the others still do', async () => {
    const faces = comparer(() => Promise.resolve(SAME));
    const process = serve(faces);
    const run = input({ documentFront: [1, 2, 3], face: flatJpeg(16, 16, [90, 90, 90]) });
    process.send({ type: 'analyze', id: 1, input: run, faceStep: 'run' });
    const result = await process.until(resultOf(1));
    expect(faces.calls.compared).toEqual([
      { selfie: { width: 16, height: 16, colour: 'grey' }, front: null },
    ]);
    expect(result.type === 'result' && result.report.images.documentFront).toMatchObject({
      quality: { status: 'cannot_tell', reason: 'image_not_decodable' },
    });
  });

  it('a run cancelled before its face step never reaches the comparer', async () => {
    const faces = comparer(() => Promise.resolve(SAME));
    const process = serve(faces);
    process.send({
      type: 'analyze',
      id: 1,
      input: input({ documentFront: [1], face: [2] }),
      faceStep: 'run',
    });
    process.send({ type: 'cancel', id: 1 });
    expect(await process.until(resultOf(1))).toMatchObject({ type: 'failed', reason: 'cancelled' });
    expect(faces.calls.compared).toEqual([]);
  });

  it('a run cancelled during the comparison stops at its next step and reports no face', async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const faces = comparer(() => Promise.resolve(SAME), gate);
    const process = serve(faces);
    process.send({
      type: 'analyze',
      id: 1,
      input: input({ documentFront: [1], face: [2] }),
      faceStep: 'run',
    });
    await process.until((m) => m.type === 'ready');
    // Wait until the comparer holds the run, then cancel and let it go on.
    while (faces.calls.compared.length === 0) await new Promise((r) => setImmediate(r));
    process.send({ type: 'cancel', id: 1 });
    open();
    expect(await process.until(resultOf(1))).toMatchObject({ type: 'failed', reason: 'cancelled' });
    // The process goes on serving.
    process.send({
      type: 'analyze',
      id: 2,
      input: input({ documentFront: [1], face: [2] }),
      faceStep: 'run',
    });
    expect(await process.until(resultOf(2))).toMatchObject({
      type: 'result',
      report: { face: SAME },
    });
  });
});
