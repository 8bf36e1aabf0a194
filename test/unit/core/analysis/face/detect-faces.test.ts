import { describe, expect, it } from 'vitest';
import type { RgbImage } from '../../../../../core/analysis/image/decode-jpeg.ts';
import { detectFaces, faceLandmarks } from '../../../../../core/analysis/face/detect-faces.ts';
import type {
  Detection,
  FaceRuntime,
  Point,
} from '../../../../../core/analysis/face/face-api-runtime.ts';

/**
 * The search strategy with a stand-in detector: each pass is answered from a script keyed by the
 * size of what the detector was handed, and every pass is recorded.
 */
function scripted(answers: (width: number, height: number, call: number) => Detection[]) {
  const passes: { width: number; height: number; minConfidence: number; firstPixel: number }[] = [];
  const runtime: FaceRuntime = {
    modelName: 'stand-in',
    backend: 'none',
    detect: () => Promise.reject(new Error('not used')),
    detectBoxes(rgb, width, height, minConfidence) {
      passes.push({ width, height, minConfidence, firstPixel: rgb[0] ?? -1 });
      const found = answers(width, height, passes.length);
      return Promise.resolve(found.filter((f) => f.score >= minConfidence));
    },
    landmarks: (_rgb, width, height) =>
      Promise.resolve([
        { x: 0, y: 0 },
        { x: width, y: height },
      ]),
    describe: () => Promise.reject(new Error('not used')),
    liveTensors: () => 0,
    wasmHeapBytes: () => 0,
  };
  return { runtime, passes };
}

/** A wide card, 1800 × 1000, dark (10) left of column 800, where its right window starts, bright (250) from there. */
function card(): RgbImage {
  const width = 1800;
  const height = 1000;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    rgb.fill(10, y * width * 3, (y * width + 800) * 3);
    rgb.fill(250, (y * width + 800) * 3, (y + 1) * width * 3);
  }
  return { width, height, rgb };
}

const face = (score: number, x: number, width = 60): Detection => ({
  score,
  box: { x, y: 100, width, height: width },
});

describe('detectFaces', () => {
  it('hands the detector at most 512 pixels a side and maps its boxes back to the image', async () => {
    const { runtime, passes } = scripted(() => [face(0.9, 100, 50)]);
    const found = await detectFaces(runtime, card(), 0.5);
    expect(passes).toHaveLength(1);
    expect(passes[0]).toMatchObject({ width: 512, height: 284 });
    // 1800 / 512 source pixels to each detector pixel.
    expect(found[0]?.box.x).toBeCloseTo(100 * (1800 / 512), 5);
    expect(found[0]?.box.width).toBeCloseTo(50 * (1800 / 512), 5);
  });

  it('looks closer only in the window where the whole image showed an unsure face', async () => {
    const { runtime, passes } = scripted((w, h, call) =>
      call === 1 ? [face(0.3, 60)] : w === h ? [face(0.9, 100)] : [],
    );
    const found = await detectFaces(runtime, card(), 0.5);
    expect(passes).toHaveLength(2);
    // The second pass was the left (dark) window, seen square.
    expect(passes[1]).toMatchObject({ width: 512, height: 512, firstPixel: 10 });
    expect(found).toHaveLength(1);
    expect(found[0]?.box.x).toBeCloseTo(100 * (1000 / 512), 5);
    expect(found[0]?.score).toBe(0.9);
  });

  it('searches the other window when the hinted one finds nothing', async () => {
    const { runtime, passes } = scripted((_w, _h, call) =>
      call === 1 ? [face(0.2, 450)] : call === 3 ? [face(0.8, 300)] : [],
    );
    const found = await detectFaces(runtime, card(), 0.5);
    // Whole image, then the hinted right window (the unsure face sat right of centre), then left.
    expect(passes.map((p) => p.firstPixel)).toEqual([10, 250, 10]);
    expect(found).toHaveLength(1);
  });

  it('searches both windows when the whole image shows nothing at all', async () => {
    const { runtime, passes } = scripted((_w, _h, call) =>
      call === 2 ? [face(0.8, 100)] : call === 3 ? [face(0.7, 400)] : [],
    );
    const found = await detectFaces(runtime, card(), 0.5);
    expect(passes).toHaveLength(3);
    expect(found.map((f) => f.score)).toEqual([0.8, 0.7]);
  });

  it('reports only sure faces and does not look closer on an image that is not wide', async () => {
    const { runtime, passes } = scripted(() => [face(0.3, 100)]);
    const tall = { width: 600, height: 800, rgb: new Uint8Array(600 * 800 * 3) };
    expect(await detectFaces(runtime, tall, 0.5)).toEqual([]);
    expect(passes).toHaveLength(1);
    expect(passes[0]?.minConfidence).toBeLessThan(0.5);
  });
});

describe('faceLandmarks', () => {
  it('reads a large face box shrunk to the network size and maps the points back', async () => {
    const { runtime } = scripted(() => []);
    const points: Point[] = await faceLandmarks(runtime, card(), {
      x: 100.4,
      y: 50,
      width: 448,
      height: 224,
    });
    // The stand-in puts a point at each corner of what it was given: the box, in image pixels.
    expect(points[0]).toEqual({ x: 100, y: 50 });
    expect(points[1]?.x).toBeCloseTo(548, 5);
    expect(points[1]?.y).toBeCloseTo(274, 5);
  });

  it('keeps a box that reaches past the image edge inside the image', async () => {
    const { runtime } = scripted(() => []);
    const points = await faceLandmarks(runtime, card(), { x: -20, y: 950, width: 80, height: 80 });
    expect(points[0]).toEqual({ x: 0, y: 950 });
    expect(points[1]?.x).toBeCloseTo(60, 5);
    expect(points[1]?.y).toBeCloseTo(1000, 5);
  });
});
