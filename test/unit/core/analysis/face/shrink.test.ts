import { describe, expect, it } from 'vitest';
import type { RgbImage } from '../../../../../core/analysis/image/decode-jpeg.ts';
import { shrinkRegion } from '../../../../../core/analysis/face/shrink.ts';

/** An image whose red channel is the column, green the row, blue constant. */
function ramp(width: number, height: number): RgbImage {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgb.set([x, y, 7], (y * width + x) * 3);
  }
  return { width, height, rgb };
}

const all = (image: RgbImage) => ({ left: 0, top: 0, width: image.width, height: image.height });

describe('shrinkRegion', () => {
  it('averages each block of source pixels into one output pixel', () => {
    const image = ramp(8, 4);
    const { image: out, scaleX, scaleY } = shrinkRegion(image, all(image), 4);
    expect([out.width, out.height, scaleX, scaleY]).toEqual([4, 2, 2, 2]);
    // Output (1, 1) covers columns 2–3 and rows 2–3: red 2.5 → 3 (rounded), green 2.5 → 3.
    expect([...out.rgb.subarray((1 * 4 + 1) * 3, (1 * 4 + 1) * 3 + 3)]).toEqual([3, 3, 7]);
    expect([...out.rgb.subarray(0, 3)]).toEqual([1, 1, 7]);
  });

  it('keeps a flat image flat when the ratio is not a whole number', () => {
    const image = { width: 37, height: 23, rgb: new Uint8Array(37 * 23 * 3).fill(200) };
    const { image: out } = shrinkRegion(image, all(image), 10);
    expect(out.width).toBe(10);
    expect(out.height).toBe(6);
    expect(out.rgb.every((v) => v === 200)).toBe(true);
  });

  it('copies a region that already fits, pixel for pixel, and maps its points back', () => {
    const image = ramp(20, 10);
    const region = { left: 5, top: 2, width: 6, height: 4 };
    const shrunk = shrinkRegion(image, region, 512);
    expect(shrunk.image.width).toBe(6);
    expect(shrunk.scaleX).toBe(1);
    expect([...shrunk.image.rgb.subarray(0, 3)]).toEqual([5, 2, 7]);
    expect(shrunk.image.rgb).not.toBe(image.rgb);
  });

  it('refuses a region outside the image', () => {
    const image = ramp(10, 10);
    expect(() => shrinkRegion(image, { left: 5, top: 0, width: 6, height: 4 }, 4)).toThrow(
      RangeError,
    );
    expect(() => shrinkRegion(image, { left: 0, top: 0, width: 0, height: 4 }, 4)).toThrow(
      RangeError,
    );
  });
});
