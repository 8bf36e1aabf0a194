import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../../../core/analysis/image/decode-image.ts';
import type { Point } from '../../../../../core/analysis/image/homography.ts';
import {
  locateDocument,
  rectangleAspect,
} from '../../../../../core/analysis/mrz/document-locate.ts';
import { captureSpecimen, type CaptureCondition } from '../../../../bench/capture-corpus.ts';

/**
 * The document's outline in generated captures (a card or data page on a table, photographed
 * turned, tilted, over a busy background): every corner found within 1.5 % of the document's
 * width of the truth, whichever corner the outline starts on.
 */

function worstCorner(found: readonly Point[], truth: readonly Point[]): number {
  let best = Infinity;
  for (let shift = 0; shift < 4; shift++) {
    const worst = Math.max(
      ...found.map((p, k) => {
        const t = truth[(k + shift) % 4] as Point;
        return Math.hypot(p.x - t.x, p.y - t.y);
      }),
    );
    best = Math.min(best, worst);
  }
  return best;
}

describe('locateDocument', () => {
  it.each([
    { condition: 'rotation', index: 0, why: 'a passport page turned 90° in a 1920×1080 frame' },
    { condition: 'upsideDown', index: 0, why: 'a passport page turned 177°' },
    { condition: 'perspective30', index: 1, why: 'an ID card seen 30° off its normal' },
    { condition: 'background', index: 3, why: 'an ID card on a cluttered desk' },
    { condition: 'small', index: 3, why: 'an ID card with capitals 13 px tall' },
  ] as { condition: CaptureCondition; index: number; why: string }[])(
    'finds the corners of $why',
    async ({ condition, index }) => {
      const s = await captureSpecimen(condition, index);
      const { grey } = decodeImage(s.bytes);
      const outline = locateDocument(grey);
      expect(outline).not.toBeNull();
      const width = Math.hypot(
        (s.corners[1]?.x ?? 0) - (s.corners[0]?.x ?? 0),
        (s.corners[1]?.y ?? 0) - (s.corners[0]?.y ?? 0),
      );
      expect(worstCorner(outline?.corners ?? [], s.corners)).toBeLessThan(0.015 * width);
    },
  );

  it('finds no document in an image of noise', () => {
    let seed = 1;
    const data = Uint8Array.from({ length: 640 * 360 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    });
    expect(locateDocument({ width: 640, height: 360, data })).toBeNull();
  });
});

describe('rectangleAspect', () => {
  it('recovers an ID-1 card’s 1.585 from its outline seen 30° off its normal', async () => {
    // The capture's camera looks at the card's centre: its principal point is where the
    // outline's diagonals cross (the image of the card's centre).
    const s = await captureSpecimen('perspective30', 1);
    const [a, b, c, d] = s.corners as [Point, Point, Point, Point];
    const t =
      ((d.x - b.x) * (b.y - a.y) - (d.y - b.y) * (b.x - a.x)) /
      ((d.x - b.x) * (c.y - a.y) - (d.y - b.y) * (c.x - a.x));
    const centre = { x: a.x + t * (c.x - a.x), y: a.y + t * (c.y - a.y) };
    const ratio = rectangleAspect(s.corners, centre);
    expect(ratio).toBeGreaterThan(1.585 * 0.98);
    expect(ratio).toBeLessThan(1.585 * 1.02);
  });

  it('gives the side ratio of a rectangle seen straight on', () => {
    const ratio = rectangleAspect(
      [
        { x: 100, y: 100 },
        { x: 525, y: 100 },
        { x: 525, y: 400 },
        { x: 100, y: 400 },
      ],
      { x: 320, y: 240 },
    );
    expect(ratio).toBeCloseTo(425 / 300, 3);
  });
});
