import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../../../../core/analysis/face/decode-jpeg.ts';

describe('decoding a JPEG in pure JavaScript', () => {
  it('gives three bytes a pixel for a colour JPEG', async () => {
    const jpeg = await sharp({
      create: { width: 8, height: 6, channels: 3, background: { r: 250, g: 10, b: 10 } },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    const image = decodeJpeg(jpeg);
    expect(image).toMatchObject({ width: 8, height: 6 });
    expect(image?.rgb).toHaveLength(8 * 6 * 3);
    expect(image?.rgb[0]).toBeGreaterThan(200);
    expect(image?.rgb[1]).toBeLessThan(50);
  });

  it('expands a greyscale JPEG to RGB', async () => {
    const jpeg = await sharp({
      create: { width: 5, height: 4, channels: 3, background: { r: 128, g: 128, b: 128 } },
    })
      .greyscale()
      .jpeg({ quality: 100 })
      .toBuffer();
    const image = decodeJpeg(jpeg);
    expect(image?.rgb).toHaveLength(5 * 4 * 3);
    expect(Math.abs((image?.rgb[0] ?? 0) - (image?.rgb[2] ?? 0))).toBeLessThanOrEqual(1);
  });

  it('returns null, never throws, for bytes that are not a decodable JPEG', async () => {
    const jpeg = await sharp({
      create: { width: 40, height: 40, channels: 3, background: '#888' },
    })
      .jpeg()
      .toBuffer();
    expect(decodeJpeg(new Uint8Array())).toBeNull();
    expect(decodeJpeg(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(decodeJpeg(jpeg.subarray(0, 60))).toBeNull();
  });
});
