import { describe, expect, it } from 'vitest';
import type { FaceComparison, FaceCrop } from '../../shared/face-match.ts';
import {
  DEFAULT_PORTRAIT_REGIONS,
  faceRegions,
  moveBox,
  resizeBox,
} from '../../renderer/src/viewer/portrait.ts';

/** The portrait compare's boxes from the face comparison's crops, as fractions of each image. */

const SIZES = { documentFront: { w: 1600, h: 1000 }, face: { w: 900, h: 1200 } };

const crop = (centerX: number, centerY: number, size: number, angleDegrees = 0): FaceCrop => ({
  centerX,
  centerY,
  size,
  angleDegrees,
  outputSize: 150,
});

function comparison(selfie: FaceCrop | null, portrait: FaceCrop | null): FaceComparison {
  return {
    score: 0.8,
    band: 'same',
    selfieFace: null,
    portraitFace: null,
    crops: { selfie, portrait },
    model: 'test',
  };
}

/** A box in fractions back in pixels, rounded to a tenth, to compare shapes. */
const pixels = (
  box: { x: number; y: number; w: number; h: number },
  size: { w: number; h: number },
) =>
  [box.x * size.w, box.y * size.h, box.w * size.w, box.h * size.h].map(
    (v) => Math.round(v * 10) / 10,
  );

describe('faceRegions', () => {
  it('squares centred on each crop, their side the crop size', () => {
    const regions = faceRegions(comparison(crop(460, 450, 560), crop(280, 470, 500)), SIZES);
    expect(regions).not.toBeNull();
    expect(pixels(regions!.documentFront, SIZES.documentFront)).toEqual([30, 220, 500, 500]);
    expect(pixels(regions!.face, SIZES.face)).toEqual([180, 170, 560, 560]);
  });

  it('a square over an edge is moved inside, keeping its size', () => {
    const regions = faceRegions(comparison(crop(100, 1150, 400), crop(1550, 60, 300)), SIZES);
    expect(pixels(regions!.face, SIZES.face)).toEqual([0, 800, 400, 400]);
    expect(pixels(regions!.documentFront, SIZES.documentFront)).toEqual([1300, 0, 300, 300]);
  });

  it('a square larger than its image shrinks both by the same factor, so the scales still match', () => {
    // The selfie crop is 1800 px on a 900-px-wide image: both shrink by half.
    const regions = faceRegions(comparison(crop(450, 600, 1800), crop(300, 500, 600)), SIZES);
    expect(pixels(regions!.face, SIZES.face)).toEqual([0, 150, 900, 900]);
    expect(pixels(regions!.documentFront, SIZES.documentFront)).toEqual([150, 350, 300, 300]);
  });

  it('each box carries its crop’s eye-line angle, so the pane can level that face', () => {
    const regions = faceRegions(comparison(crop(460, 450, 560, 4), crop(280, 470, 500, -2)), SIZES);
    expect(regions?.face.angleDegrees).toBe(4);
    expect(regions?.documentFront.angleDegrees).toBe(-2);
    // The square itself is placed as for an upright crop: the turn is the pane's.
    expect(pixels(regions!.face, SIZES.face)).toEqual([180, 170, 560, 560]);
  });

  it('moving or resizing a box keeps its angle; the fixed guess is upright', () => {
    const box = { x: 0.2, y: 0.2, w: 0.3, h: 0.3, angleDegrees: 7 };
    expect(moveBox(box, 0.1, 0).angleDegrees).toBe(7);
    expect(resizeBox(box, 0.1, 0.1).angleDegrees).toBe(7);
    expect(DEFAULT_PORTRAIT_REGIONS.documentFront.angleDegrees).toBe(0);
    expect(DEFAULT_PORTRAIT_REGIONS.face.angleDegrees).toBe(0);
  });

  it('nothing unless both crops are there', () => {
    expect(faceRegions(undefined, SIZES)).toBeNull();
    expect(faceRegions(comparison(crop(460, 450, 560), null), SIZES)).toBeNull();
    expect(faceRegions(comparison(null, crop(280, 470, 500)), SIZES)).toBeNull();
  });
});
