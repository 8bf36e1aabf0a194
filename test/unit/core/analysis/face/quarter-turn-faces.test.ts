import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignedCrop, extractCrop } from '../../../../../core/analysis/face/align-face.ts';
import { compareFaces } from '../../../../../core/analysis/face/compare-faces.ts';
import {
  cropBack,
  faceBack,
  pointBack,
  turnedImage,
} from '../../../../../core/analysis/face/quarter-turn-faces.ts';
import { decodeJpeg } from '../../../../../core/analysis/image/decode-jpeg.ts';
import type { FaceTurn } from '../../../../../shared/face-match.ts';
import { captureVariant, documentFront, sampleFaces } from '../../../../fixtures/face-pairs.ts';

/**
 * A selfie stored sideways with no EXIF orientation (common: some phones and upload paths drop
 * it) shows its face lying on its side; the detector finds upright faces only. The comparison
 * looks at the quarter turns when it finds no face upright, reports the turn, and maps boxes and
 * crops back into the picture as displayed.
 */
const SLOW = 120_000;
const TURNS: readonly FaceTurn[] = [90, 180, 270];

describe('the quarter-turn mapping', () => {
  it.each(TURNS)(
    'a pixel of the image turned by %i° maps back onto the pixel it came from',
    (turn) => {
      const width = 7;
      const height = 4;
      const rgb = new Uint8Array(width * height * 3);
      for (let i = 0; i < width * height; i++) rgb[i * 3] = i; // each pixel its own value
      const image = { width, height, rgb };
      const turned = turnedImage(image, turn);
      for (let y = 0; y < turned.height; y++)
        for (let x = 0; x < turned.width; x++) {
          const back = pointBack(turn, width, height, x + 0.5, y + 0.5);
          const sx = Math.floor(back.x);
          const sy = Math.floor(back.y);
          expect(turned.rgb[(y * turned.width + x) * 3]).toBe(image.rgb[(sy * width + sx) * 3]);
        }
    },
  );

  it.each(TURNS)(
    'a crop cut from the image turned by %i° is the same crop of the image',
    (turn) => {
      // A textured image, so two crops can only agree if they cover the same pixels, turned alike.
      const width = 120;
      const height = 80;
      const rgb = new Uint8Array(width * height * 3);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          for (let c = 0; c < 3; c++)
            rgb[(y * width + x) * 3 + c] = (x * 7 + y * 13 + c * 50) % 256;
      const image = { width, height, rgb };
      const turned = turnedImage(image, turn);
      const crop = { centerX: 40, centerY: 30, size: 24, angleDegrees: 12, outputSize: 24 };
      const a = extractCrop(turned, crop);
      const b = extractCrop(image, cropBack(crop, turn, width, height));
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
      expect(diff / a.length).toBeLessThan(2);
    },
  );

  it('a box found turned is the same place, upright, with its turn', () => {
    const face = { box: { left: 10, top: 20, width: 30, height: 40 }, confidence: 0.9 };
    // Image 100 × 60; turned 90° clockwise it is 60 × 100.
    expect(faceBack(face, 90, 100, 60)).toEqual({
      box: { left: 20, top: 20, width: 40, height: 30 },
      confidence: 0.9,
      turn: 90,
    });
    expect(faceBack(face, 180, 60, 100).box).toEqual({ left: 20, top: 40, width: 30, height: 40 });
  });

  it('alignedCrop and cropBack agree on the eye line: a level face turned 90° tilts by −90°', () => {
    const crop = alignedCrop(
      [...Array.from({ length: 36 }, () => ({ x: 50, y: 50 })), ...eyes(40, 60, 50)],
      150,
    );
    expect(crop.angleDegrees).toBeCloseTo(0, 5);
    expect(cropBack(crop, 90, 100, 100).angleDegrees).toBeCloseTo(-90, 5);
  });
});

/** 68 landmarks' eyes (36–47) for eyes at (left, y) and (right, y). */
function eyes(left: number, right: number, y: number) {
  return [
    ...Array.from({ length: 6 }, () => ({ x: left, y })),
    ...Array.from({ length: 6 }, () => ({ x: right, y })),
  ];
}

describe('faces at any quarter turn (real models)', () => {
  let selfie: Buffer;
  beforeAll(async () => {
    const faces = await sampleFaces([1]);
    const first = faces[0];
    if (!first) throw new Error('sample face missing');
    selfie = first.selfie;
  }, SLOW);

  it.each(TURNS)(
    'a selfie stored turned %i° (no EXIF) is found, its turn reported, and matched to its card',
    async (turn) => {
      const card = await documentFront(selfie, captureVariant(11));
      const upright = await compareFaces(selfie, card);
      expect(upright.band).toBe('same');
      expect(upright.selfieFace?.turn).toBeUndefined();
      const sideways = await sharp(selfie).rotate(turn).jpeg({ quality: 92 }).toBuffer();
      const result = await compareFaces(sideways, card);
      expect(result.band).toBe('same');
      expect(result.selfieFace?.turn).toBe(360 - turn);
      // The box lies on the face as displayed: the turned image is the upright one, turned.
      const shown = decodeJpeg(sideways);
      const box = result.selfieFace?.box;
      expect(box && shown).toBeTruthy();
      if (!box || !shown) return;
      expect(box.left + box.width).toBeLessThanOrEqual(shown.width + 1);
      expect(box.top + box.height).toBeLessThanOrEqual(shown.height + 1);
    },
    SLOW,
  );
});
