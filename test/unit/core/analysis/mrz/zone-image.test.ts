import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../../core/analysis/image/grey-image.ts';
import {
  estimateSkew,
  levelPoint,
  levelledCrop,
  otsuThreshold,
  textRows,
  unlevelPoint,
} from '../../../../../core/analysis/mrz/zone-image.ts';

/**
 * Three "text lines" of dashes (dark 4×14 strokes with gaps, like characters) on light paper,
 * turned by `degrees` about the image centre: each pixel sampled from the upright pattern.
 */
function lines(degrees: number, width = 600, height = 300): GreyImage {
  const angle = (degrees * Math.PI) / 180;
  const data = new Uint8Array(width * height);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Where this pixel was before turning.
      const u = (x - cx) * Math.cos(angle) + (y - cy) * Math.sin(angle) + cx;
      const v = -(x - cx) * Math.sin(angle) + (y - cy) * Math.cos(angle) + cy;
      const row = [100, 150, 200].find((top) => v >= top && v < top + 24);
      const ink = row !== undefined && u > 60 && u < 540 && Math.floor(u) % 20 < 14;
      data[y * width + x] = ink ? 30 : 225;
    }
  }
  return { width, height, data };
}

const whole = (image: GreyImage) => ({ left: 0, top: 0, width: image.width, height: image.height });
const degrees = (radians: number) => (radians * 180) / Math.PI;

describe('zone image operations', () => {
  it.each([-5, -2.5, 0, 1.2, 4.5])('measures a skew of %s° within 0.3°', (skew) => {
    const image = lines(skew);
    expect(Math.abs(degrees(estimateSkew(image, whole(image))) - skew)).toBeLessThan(0.3);
  });

  it('levels a turned image: its rows come back as three level text rows', () => {
    const image = lines(4);
    const angle = estimateSkew(image, whole(image));
    const level = levelledCrop(image, angle, whole(image));
    const rows = textRows(level);
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      // 24 px high as drawn, at 100, 150 and 200 (a pixel or two of resampling either side).
      expect(Math.abs(row.top - [100, 150, 200][i]!)).toBeLessThanOrEqual(3);
      expect(row.bottom - row.top).toBeLessThanOrEqual(28);
    }
  });

  it('maps points between the levelled frame and the image, both ways', () => {
    const size = { width: 600, height: 300 };
    const p = unlevelPoint(size, 0.07, 120, 210);
    const back = levelPoint(size, 0.07, p.x, p.y);
    expect(back.x).toBeCloseTo(120, 6);
    expect(back.y).toBeCloseTo(210, 6);
  });

  it("puts Otsu's threshold between ink and paper", () => {
    const t = otsuThreshold(lines(0));
    expect(t).toBeGreaterThanOrEqual(30);
    expect(t).toBeLessThan(225);
  });
});
