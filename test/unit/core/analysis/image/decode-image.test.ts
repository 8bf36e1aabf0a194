import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  decodeImage,
  frameLayout,
  ImageDecodeError,
} from '../../../../../core/analysis/image/decode-image.ts';
import { decodeJpeg } from '../../../../../core/analysis/image/decode-jpeg.ts';

/**
 * One decode per image for all the checks: a grey raster as libjpeg + Leptonica make it (what the
 * checks were tuned on), and jpeg-js's own colour pixels for the face step.
 */

/** A colourful picture with sharp edges: where chroma upsampling and colour conversion show. */
const colourful = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="64">` +
    `<rect width="96" height="64" fill="#e8d8b0"/>` +
    `<rect x="8" y="6" width="30" height="22" fill="#c02030"/>` +
    `<rect x="44" y="10" width="40" height="14" fill="#2050d0"/>` +
    `<circle cx="30" cy="44" r="14" fill="#10a040"/>` +
    `<text x="50" y="52" font-size="14" fill="#111">P&lt;UTO</text>` +
    `</svg>`,
);

/** Leptonica's luma of an RGB pixel (0.3, 0.5, 0.2 as 32-bit floats, rounded). */
function leptonicaLuma(r: number, g: number, b: number): number {
  const f = Math.fround;
  return Math.trunc(f(f(f(f(0.3) * r) + f(f(0.5) * g)) + f(f(0.2) * b)) + 0.5);
}

describe('decoding an image once for every check', () => {
  for (const subsampling of ['4:2:0', '4:4:4'] as const) {
    it(`gives the grey libjpeg and Leptonica would give (${subsampling} chroma)`, async () => {
      const jpeg = await sharp(colourful)
        .jpeg({ quality: 85, chromaSubsampling: subsampling })
        .toBuffer();
      // libjpeg-turbo (sharp) decodes with the upsampling and colour conversion rebuilt here.
      const reference = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
      const { grey, rgb } = decodeImage(jpeg);
      expect(rgb).toBeNull();
      expect(grey).toMatchObject({ width: 96, height: 64 });
      let equal = 0;
      let worst = 0;
      for (let p = 0; p < grey.data.length; p++) {
        const d = reference.data;
        const want = leptonicaLuma(d[p * 3] ?? 0, d[p * 3 + 1] ?? 0, d[p * 3 + 2] ?? 0);
        const diff = Math.abs((grey.data[p] ?? 0) - want);
        if (diff === 0) equal++;
        worst = Math.max(worst, diff);
      }
      // Only the two decoders' inverse DCTs differ, by a level here and there.
      expect(equal / grey.data.length).toBeGreaterThan(0.9);
      expect(worst).toBeLessThanOrEqual(3);
    });
  }

  it('keeps, when asked, exactly the colour pixels jpeg-js gives', async () => {
    const jpeg = await sharp(colourful).jpeg({ quality: 85 }).toBuffer();
    const { rgb } = decodeImage(jpeg, true);
    expect(rgb).toEqual(decodeJpeg(jpeg));
  });

  it('turns grey and colour upright alike, as the EXIF orientation says', async () => {
    const stored = await sharp(colourful).jpeg({ quality: 90 }).toBuffer();
    const turned = await sharp(colourful)
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const plain = decodeImage(stored, true);
    const upright = decodeImage(turned, true);
    expect(upright.grey).toMatchObject({ width: 64, height: 96 });
    expect(upright.rgb).toMatchObject({ width: 64, height: 96 });
    // Orientation 6: the displayed pixel (x, y) is the stored pixel (y, 63 − x).
    for (const [x, y] of [
      [0, 0],
      [10, 40],
      [63, 95],
      [30, 7],
    ] as const) {
      const from = (63 - x) * 96 + y;
      const to = y * 64 + x;
      expect(upright.grey.data[to]).toBe(plain.grey.data[from]);
      expect([...(upright.rgb?.rgb.subarray(to * 3, to * 3 + 3) ?? [])]).toEqual([
        ...(plain.rgb?.rgb.subarray(from * 3, from * 3 + 3) ?? []),
      ]);
    }
  });

  it('reads a greyscale JPEG as its own grey', async () => {
    const jpeg = await sharp(colourful).toColourspace('b-w').jpeg({ quality: 90 }).toBuffer();
    expect(frameLayout(jpeg)).toBeNull();
    const { grey } = decodeImage(jpeg);
    const reference = await sharp(jpeg).extractChannel(0).raw().toBuffer();
    expect(reference).toHaveLength(grey.data.length);
    let worst = 0;
    for (let p = 0; p < grey.data.length; p++)
      worst = Math.max(worst, Math.abs((grey.data[p] ?? 0) - (reference[p] ?? 0)));
    expect(worst).toBeLessThanOrEqual(3);
  });

  it('tells the chroma layout it rebuilds, and leaves other files to jpeg-js', async () => {
    const at = async (chromaSubsampling: string) =>
      frameLayout(await sharp(colourful).jpeg({ chromaSubsampling }).toBuffer());
    expect(await at('4:2:0')).toEqual({ across: 2, down: 2 });
    expect(await at('4:4:4')).toEqual({ across: 1, down: 1 });
    expect(frameLayout(new TextEncoder().encode('GIF89a'))).toBeNull();
  });

  it('refuses what is not a JPEG with ImageDecodeError', () => {
    expect(() => decodeImage(new TextEncoder().encode('<html>not an image</html>'))).toThrow(
      ImageDecodeError,
    );
    expect(() => decodeImage(new Uint8Array())).toThrow(ImageDecodeError);
  });
});
