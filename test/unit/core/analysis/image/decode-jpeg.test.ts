import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from '../../../../../core/analysis/image/decode-jpeg.ts';

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

  it('turns the picture upright as its EXIF orientation says, as a viewer shows it', async () => {
    // Four coloured blocks on a 48 × 32 picture: any turn or mirror moves them somewhere else.
    const blocks = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="32">` +
        `<rect width="24" height="16" fill="#f00"/><rect x="24" width="24" height="16" fill="#0f0"/>` +
        `<rect y="16" width="24" height="16" fill="#00f"/><rect x="24" y="16" width="24" height="16" fill="#ff0"/>` +
        `</svg>`,
    );
    for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const jpeg = await sharp(blocks)
        .jpeg({ quality: 95 })
        .withMetadata({ orientation })
        .toBuffer();
      const shown = await sharp(jpeg).rotate().raw().toBuffer({ resolveWithObject: true });
      const image = decodeJpeg(jpeg);
      expect(image, `orientation ${orientation}`).toMatchObject({
        width: shown.info.width,
        height: shown.info.height,
      });
      const at = (rgb: Uint8Array, x: number, y: number) =>
        [...rgb.subarray((y * shown.info.width + x) * 3, (y * shown.info.width + x) * 3 + 3)].map(
          (v) => (v > 128 ? 1 : 0),
        );
      const w = shown.info.width;
      const h = shown.info.height;
      for (const [x, y] of [
        [w / 4, h / 4],
        [(3 * w) / 4, h / 4],
        [w / 4, (3 * h) / 4],
        [(3 * w) / 4, (3 * h) / 4],
      ] as const) {
        expect(at(image?.rgb ?? new Uint8Array(), x, y), `orientation ${orientation}`).toEqual(
          at(shown.data, x, y),
        );
      }
    }
  });
});
