import jpeg from 'jpeg-js';
import { checkJpeg } from '../../documents/jpeg.ts';
import type { Orientation } from '../../documents/exif-orientation.ts';

/** RGB pixels, three bytes a pixel, row after row. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/**
 * jpeg-js's options for every decode in the analysis: typed arrays, three bytes a pixel, and
 * limits larger than any phone selfie or document scan the API serves, to keep a hostile file small.
 */
export const JPEG_DECODE_LIMITS = {
  useTArray: true,
  formatAsRGBA: false,
  maxResolutionInMP: 40,
  maxMemoryUsageInMB: 512,
} as const;

/**
 * Decodes a JPEG in pure JavaScript (jpeg-js), in memory, and turns it upright as its EXIF
 * orientation says (as the viewer shows it: a phone selfie stored on its side is searched for a
 * face standing up, and the boxes are in the displayed picture's pixels) unless `upright` is
 * false. Returns null for anything the decoder refuses — not a JPEG, truncated, too many pixels —
 * so the caller can say "cannot tell" and why.
 */
export function decodeJpeg(bytes: Uint8Array, { upright = true } = {}): RgbImage | null {
  let stored: RgbImage;
  try {
    const image = jpeg.decode(bytes, JPEG_DECODE_LIMITS);
    const pixels = image.width * image.height;
    if (pixels < 1) return null;
    if (image.data.length === pixels * 3) {
      stored = { width: image.width, height: image.height, rgb: image.data };
    } else if (image.data.length === pixels) {
      const rgb = new Uint8Array(pixels * 3);
      for (let i = 0; i < pixels; i++) rgb.fill(image.data[i] ?? 0, i * 3, i * 3 + 3);
      image.data.fill(0);
      stored = { width: image.width, height: image.height, rgb };
    } else {
      return null;
    }
  } catch {
    return null;
  }
  const check = checkJpeg(bytes);
  const orientation = check.ok && upright ? check.orientation : 1;
  if (orientation === 1) return stored;
  const turned = orient(stored, orientation);
  stored.rgb.fill(0);
  return turned;
}

/**
 * The picture as displayed under an EXIF orientation (2–8: mirrored, turned, or both). For each
 * displayed pixel, where it is stored.
 */
export function orient(image: RgbImage, orientation: Orientation): RgbImage {
  const { width, height, data } = orientPixels(
    { width: image.width, height: image.height, data: image.rgb },
    3,
    orientation,
  );
  return { width, height, rgb: data };
}

/** {@link orient} for pixels of any number of bytes (`channels`): grey rasters too. */
export function orientPixels(
  image: { width: number; height: number; data: Uint8Array },
  channels: number,
  orientation: Orientation,
): { width: number; height: number; data: Uint8Array } {
  const { width: w, height: h } = image;
  const quarter = orientation >= 5;
  const width = quarter ? h : w;
  const height = quarter ? w : h;
  const source: (x: number, y: number) => [number, number] = {
    1: (x: number, y: number): [number, number] => [x, y],
    2: (x: number, y: number): [number, number] => [w - 1 - x, y],
    3: (x: number, y: number): [number, number] => [w - 1 - x, h - 1 - y],
    4: (x: number, y: number): [number, number] => [x, h - 1 - y],
    5: (x: number, y: number): [number, number] => [y, x],
    6: (x: number, y: number): [number, number] => [y, h - 1 - x],
    7: (x: number, y: number): [number, number] => [w - 1 - y, h - 1 - x],
    8: (x: number, y: number): [number, number] => [w - 1 - y, x],
  }[orientation];
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = source(x, y);
      const from = (sy * w + sx) * channels;
      data.set(image.data.subarray(from, from + channels), (y * width + x) * channels);
    }
  }
  return { width, height, data };
}
