import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../../core/analysis/image/grey-image.ts';
import { measureQuality } from '../../../../../core/analysis/checks/quality.ts';

function image(width: number, height: number, pixel: (x: number, y: number) => number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = pixel(x, y);
  return { width, height, data };
}

/** Fine print: thin dark strokes on mid-grey paper. */
const print = (x: number, y: number) => ((x % 6 < 2 && y % 9 < 7) || y % 9 === 0 ? 40 : 170);

describe('capture quality', () => {
  it('a crisp, evenly lit capture: sharp, no glare, good exposure, no notes', () => {
    const q = measureQuality(image(800, 500, print));
    expect(q.width).toBe(800);
    expect(q.sharpness.verdict).toBe('sharp');
    expect(q.glare.verdict).toBe('none');
    expect(q.exposure.verdict).toBe('good');
    expect(q.notes).toEqual([]);
  });

  it('a featureless (out-of-focus) capture is blurred', () => {
    const q = measureQuality(image(800, 500, (x) => 120 + Math.round(20 * Math.sin(x / 80))));
    expect(q.sharpness.verdict).toBe('blurred');
    expect(q.notes).toContainEqual({ code: 'blurred' });
  });

  it('a blown-out patch is glare; white paper with grain is not', () => {
    const glare = measureQuality(
      image(800, 500, (x, y) => ((x - 400) ** 2 + (y - 250) ** 2 < 120 ** 2 ? 255 : print(x, y))),
    );
    expect(glare.glare.verdict).toBe('strong');
    const paper = measureQuality(image(800, 500, (x, y) => 236 + ((x * 7 + y * 13) % 19)));
    expect(paper.glare.verdict).toBe('none');
  });

  it('too dark and too bright captures are named', () => {
    expect(measureQuality(image(400, 300, (x, y) => print(x, y) / 6)).exposure.verdict).toBe(
      'underexposed',
    );
    expect(
      measureQuality(image(400, 300, (x, y) => Math.min(255, print(x, y) + 120))).exposure.verdict,
    ).toBe('overexposed');
  });
});
