import jpeg from 'jpeg-js';

/** RGB pixels, three bytes a pixel, row after row. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Larger than any phone selfie or document scan the API serves; keeps a hostile file small. */
const MAX_MEGAPIXELS = 40;
const MAX_DECODE_MEMORY_MB = 512;

/**
 * Decodes a JPEG in pure JavaScript (jpeg-js), in memory. Returns null for anything the decoder
 * refuses — not a JPEG, truncated, too many pixels — so the caller can say "cannot tell" and why.
 */
export function decodeJpeg(bytes: Uint8Array): RgbImage | null {
  try {
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: MAX_MEGAPIXELS,
      maxMemoryUsageInMB: MAX_DECODE_MEMORY_MB,
    });
    const pixels = image.width * image.height;
    if (pixels < 1) return null;
    if (image.data.length === pixels * 3) {
      return { width: image.width, height: image.height, rgb: image.data };
    }
    if (image.data.length !== pixels) return null;
    const rgb = new Uint8Array(pixels * 3);
    for (let i = 0; i < pixels; i++) rgb.fill(image.data[i] ?? 0, i * 3, i * 3 + 3);
    return { width: image.width, height: image.height, rgb };
  } catch {
    return null;
  }
}
