import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../../../../core/analysis/image/decode-jpeg.ts';
import { faceRuntime } from '../../../../../core/analysis/face/face-api-runtime.ts';
import { shrinkRegion } from '../../../../../core/analysis/face/shrink.ts';
import { getSpecimens } from '../../../../../demo/specimens.ts';

/**
 * The detector's lean pass (lean-ssd.ts) against face-api's own, on the same loaded network: the
 * same faces, boxes and scores to the last bit, for a smaller peak of live tensor memory.
 */

interface Found {
  score: number;
  box: { x: number; y: number; width: number; height: number };
}
interface FaceApiSlice {
  tf: {
    tensor3d(values: Uint8Array, shape: number[], dtype: 'int32'): { dispose(): void };
    profile(f: () => Promise<void>): Promise<{ peakBytes: number; newTensors: number }>;
  };
  nets: { ssdMobilenetv1: { forwardInput: unknown } };
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults: number }) => object;
  detectAllFaces(input: unknown, options: object): Promise<Found[]>;
}

const require = createRequire(import.meta.url);

describe("the detector's lean pass", () => {
  it('finds what face-api finds, to the bit, holding far less memory at its peak', async () => {
    await faceRuntime(); // loads the networks and installs the lean pass
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiSlice;
    const ssd = faceapi.nets.ssdMobilenetv1;
    const lean = ssd.forwardInput;
    const own = Object.getPrototypeOf(ssd) as { forwardInput: unknown };
    expect(lean).not.toBe(own.forwardInput);

    const specimens = await getSpecimens();
    for (const slot of ['face', 'documentFront'] as const) {
      const image = decodeJpeg(specimens[slot].bytes);
      if (!image) throw new Error('specimen did not decode');
      const all = { left: 0, top: 0, width: image.width, height: image.height };
      const seen = shrinkRegion(image, all, 512).image;
      const input = faceapi.tf.tensor3d(seen.rgb, [seen.height, seen.width, 3], 'int32');
      const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.1, maxResults: 10 });
      const pass = async () => {
        let found: Found[] = [];
        const profile = await faceapi.tf.profile(async () => {
          found = await faceapi.detectAllFaces(input, options);
        });
        const boxes = found.map(({ score, box: { x, y, width, height } }) => ({
          score,
          box: { x, y, width, height },
        }));
        return { boxes, peakBytes: profile.peakBytes, leftOver: profile.newTensors };
      };
      try {
        const withLean = await pass();
        ssd.forwardInput = own.forwardInput;
        const withOwn = await pass();
        expect(withLean.boxes.length, slot).toBeGreaterThan(0);
        expect(withLean.boxes, slot).toEqual(withOwn.boxes);
        expect(withLean.leftOver, slot).toBe(0);
        expect(withLean.peakBytes, slot).toBeLessThan(withOwn.peakBytes * 0.6);
      } finally {
        ssd.forwardInput = lean;
        input.dispose();
      }
    }
  }, 120_000);
});
