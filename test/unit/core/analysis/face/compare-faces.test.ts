import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { compareFaces } from '../../../../../core/analysis/face/compare-faces.ts';
import { faceRuntime } from '../../../../../core/analysis/face/face-api-runtime.ts';
import { FACE_MATCH_BANDS } from '../../../../../shared/face-match.ts';
import {
  captureVariant,
  documentFront,
  documentWithoutFace,
  sampleFaces,
  twoPeople,
  type SampleFace,
} from '../../../../fixtures/face-pairs.ts';

/**
 * Real models on real (shipped) photographs: three people from face-api's sample1.jpg, their
 * faces cut out as selfies and printed onto specimen-card captures (turned, relit, recompressed).
 * Generous timeouts: loading the models and the first WASM run take seconds on a busy machine.
 */
const SLOW = 120_000;
let faces: SampleFace[] = [];
const person = (i: number): Buffer => {
  const face = faces[i];
  if (!face) throw new Error(`sample face ${i} missing`);
  return face.selfie;
};

beforeAll(async () => {
  faces = await sampleFaces([1]);
  expect(faces).toHaveLength(3);
}, SLOW);

describe('compareFaces', () => {
  it(
    'reads a selfie against a capture of the same face on a card as likely the same person',
    async () => {
      const card = await documentFront(person(0), captureVariant(11));
      const result = await compareFaces(person(0), card);
      expect(result.band).toBe('same');
      expect(result.reason).toBeUndefined();
      expect(result.score).toBeGreaterThan(0.5);
      expect(result.selfieFace?.confidence).toBeGreaterThan(0.5);
      expect(result.portraitFace?.confidence).toBeGreaterThan(0.5);
      // Both crops come out at one size, so they can sit side by side at matched scale.
      expect(result.crops.selfie?.outputSize).toBe(150);
      expect(result.crops.portrait?.outputSize).toBe(150);
      // The portrait lies in the card's left third (the card is turned by at most 10°).
      expect(result.crops.portrait?.centerX).toBeLessThan(400);
    },
    SLOW,
  );

  it(
    "reads a selfie against another person's card as likely different",
    async () => {
      const card = await documentFront(person(0), captureVariant(11));
      const result = await compareFaces(person(2), card);
      expect(result.band).toBe('different');
      expect(result.score).toBeLessThan(0.4);
    },
    SLOW,
  );

  it(
    'returns the score, band, boxes and crop coordinates, and no embedding',
    async () => {
      const result = await compareFaces(
        person(1),
        await documentFront(person(1), captureVariant(5)),
      );
      expect(Object.keys(result).sort()).toEqual(
        ['band', 'crops', 'model', 'portraitFace', 'score', 'selfieFace'].sort(),
      );
      expect(FACE_MATCH_BANDS).toContain(result.band);
      const numbers = JSON.stringify(result).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
      // A 128-number descriptor cannot hide in a result that holds a few dozen numbers.
      expect(numbers.length).toBeLessThan(40);
    },
    SLOW,
  );

  it(
    'cannot tell when the document carries no face',
    async () => {
      const result = await compareFaces(person(0), await documentWithoutFace(captureVariant(3)));
      expect(result).toMatchObject({
        band: 'cannot-tell',
        reason: 'no-face-on-document',
        score: null,
      });
      expect(result.selfieFace).not.toBeNull();
    },
    SLOW,
  );

  it(
    'cannot tell when the selfie shows no face',
    async () => {
      const blank = await documentWithoutFace(captureVariant(4));
      const result = await compareFaces(blank, await documentFront(person(0), captureVariant(11)));
      expect(result).toMatchObject({
        band: 'cannot-tell',
        reason: 'no-face-in-selfie',
        score: null,
      });
    },
    SLOW,
  );

  it(
    'cannot tell when the selfie shows two people',
    async () => {
      const selfie = await twoPeople(person(0), person(1));
      const result = await compareFaces(selfie, await documentFront(person(0), captureVariant(11)));
      expect(result).toMatchObject({ band: 'cannot-tell', reason: 'several-faces-in-selfie' });
    },
    SLOW,
  );

  it(
    'cannot tell when the portrait is too small to compare',
    async () => {
      const card = await documentFront(person(0), captureVariant(7, 100));
      const result = await compareFaces(person(0), card);
      expect(result).toMatchObject({ band: 'cannot-tell', reason: 'portrait-too-small' });
      expect(result.portraitFace?.box.width).toBeLessThan(80);
    },
    SLOW,
  );

  it(
    'cannot tell, and says which image, when a file is not a JPEG it can decode',
    async () => {
      const garbage = new TextEncoder().encode('not a jpeg at all');
      const truncated = person(0).subarray(0, 200);
      expect(await compareFaces(person(0), garbage)).toMatchObject({
        band: 'cannot-tell',
        reason: 'document-unreadable',
      });
      expect(await compareFaces(truncated, person(0))).toMatchObject({
        band: 'cannot-tell',
        reason: 'selfie-unreadable',
      });
    },
    SLOW,
  );

  it(
    'holds no more tensors after a comparison than before it (nothing left in the WASM heap)',
    async () => {
      const runtime = await faceRuntime();
      const card = await documentFront(person(1), captureVariant(21));
      await compareFaces(person(1), card);
      const before = runtime.liveTensors();
      await compareFaces(person(1), card);
      await compareFaces(person(2), await documentWithoutFace(captureVariant(4)));
      expect(runtime.liveTensors()).toBe(before);
      expect(before).toBeGreaterThan(0);
    },
    SLOW,
  );

  it('refuses options outside their ranges before doing any work', async () => {
    await expect(
      compareFaces(new Uint8Array(), new Uint8Array(), { minConfidence: 2 }),
    ).rejects.toThrow(ZodError);
    await expect(
      compareFaces(new Uint8Array(), new Uint8Array(), { unknown: 1 } as never),
    ).rejects.toThrow(ZodError);
  });
});
