import jpeg from 'jpeg-js';
import type { Orientation } from '../../documents/exif-orientation.ts';
import { checkJpeg } from '../../documents/jpeg.ts';
import {
  decodeJpeg,
  JPEG_DECODE_LIMITS,
  orient,
  orientPixels,
  type RgbImage,
} from './decode-jpeg.ts';
import type { GreyImage } from './grey-image.ts';

/**
 * The images the face step compares (the selfie, the document front) are decoded once, in this
 * process, in pure JavaScript (jpeg-js), upright by their EXIF orientation: their grey raster
 * serves the document checks (quality, metadata's thumbnail comparison) and their colour pixels
 * the face step. EXIF thumbnails are decoded here too. The caller owns both and zeroes them once
 * used. Every other image is decoded by the OCR engine (analyze.ts).
 *
 * The grey is the one the checks' thresholds and the MRZ reading were tuned on: what Tesseract's
 * Leptonica made of the JPEG (libjpeg's decode, then 0.3 R + 0.5 G + 0.2 B, rounded). For the
 * JPEGs cameras and scanners write (YCbCr, chroma subsampled 2×2, 2×1 or not at all) it is
 * rebuilt here the way libjpeg builds it: jpeg-js's samples, the chroma upsampled with libjpeg's
 * "fancy" triangle filter, libjpeg's fixed-point colour conversion, Leptonica's weights. On the
 * demo images and the MRZ corpus 86–98 % of pixels come out equal to Leptonica's, the rest
 * within 9 levels (Tesseract's Leptonica is built with IJG libjpeg 9a, which upsamples chroma by a
 * scaled inverse DCT, and whose IDCT is not jpeg-js's) — close, not equal, which is why the zone
 * is always read on Tesseract's own decode. The colour pixels are exactly what
 * jpeg-js gives (the face step's calibration was measured on them). Any other JPEG (greyscale,
 * an Adobe colour transform, CMYK, other sampling) takes jpeg-js's RGB and the weights alone.
 */

export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

export interface DecodedImage {
  grey: GreyImage;
  /** The upright RGB pixels, when asked to keep them; otherwise null. */
  rgb: RgbImage | null;
}

/** Decodes a JPEG; throws ImageDecodeError for anything jpeg-js refuses. */
export function decodeImage(bytes: Uint8Array, keepRgb = false): DecodedImage {
  const layout = frameLayout(bytes);
  const decoded = layout ? decodeYcc(bytes, layout, keepRgb) : decodeOther(bytes, keepRgb);
  if (!decoded) throw new ImageDecodeError('the image could not be decoded as a JPEG');
  const check = checkJpeg(bytes);
  const orientation: Orientation = check.ok ? check.orientation : 1;
  if (orientation === 1) return decoded;
  const { grey, rgb } = decoded;
  const upright = {
    grey: orientPixels(grey, 1, orientation),
    rgb: rgb && orient(rgb, orientation),
  };
  grey.data.fill(0);
  rgb?.rgb.fill(0);
  return upright;
}

/** Chroma subsampling of a plain YCbCr JPEG: luma samples per chroma sample, across and down. */
interface Layout {
  across: 1 | 2;
  down: 1 | 2;
}

/**
 * The layout when the file is a three-component JPEG that jpeg-js hands back as raw YCbCr with
 * `colorTransform: false` (no Adobe marker, which would force its own transform), luma sampled
 * 1×1, 2×1 or 2×2 and both chroma components 1×1; otherwise null.
 */
export function frameLayout(bytes: Uint8Array): Layout | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (marker === 0xee) return null; // Adobe APP14
    if (marker === 0xda) return null; // a scan before any frame header
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (bytes[at + 9] !== 3) return null;
      const sampling = [0, 1, 2].map((c) => bytes[at + 11 + c * 3] ?? 0);
      const [luma, cb, cr] = sampling;
      if (cb !== 0x11 || cr !== 0x11) return null;
      const across = (luma ?? 0) >> 4;
      const down = (luma ?? 0) & 15;
      if ((across !== 1 && across !== 2) || (down !== 1 && down !== 2)) return null;
      if (across === 1 && down === 2) return null;
      return { across, down };
    }
    at += 2 + length;
  }
  return null;
}

// libjpeg's YCbCr → RGB tables (jdcolor.c): 16-bit fixed point, rounded.
const FIX = (x: number) => Math.floor(x * 65536 + 0.5);
const CR_R = new Int32Array(256);
const CB_B = new Int32Array(256);
const CR_G = new Int32Array(256);
const CB_G = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  const x = i - 128;
  CR_R[i] = (FIX(1.402) * x + 32768) >> 16;
  CB_B[i] = (FIX(1.772) * x + 32768) >> 16;
  CR_G[i] = -FIX(0.71414) * x;
  CB_G[i] = -FIX(0.34414) * x + 32768;
}
// Leptonica's weights times each level, as the 32-bit floats it computes with.
const f32 = Math.fround;
const R_LUMA = Float32Array.from({ length: 256 }, (_, v) => f32(f32(0.3) * v));
const G_LUMA = Float32Array.from({ length: 256 }, (_, v) => f32(f32(0.5) * v));
const B_LUMA = Float32Array.from({ length: 256 }, (_, v) => f32(f32(0.2) * v));

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Leptonica's luma of one RGB pixel (pixConvertRGBToLuminance: float sums, then rounded). */
function luma(r: number, g: number, b: number): number {
  return Math.trunc(f32(f32((R_LUMA[r] ?? 0) + (G_LUMA[g] ?? 0)) + (B_LUMA[b] ?? 0)) + 0.5);
}

function decodeYcc(bytes: Uint8Array, layout: Layout, keepRgb: boolean): DecodedImage | null {
  let width: number;
  let height: number;
  let ycc: Uint8Array;
  try {
    const image = jpeg.decode(bytes, { ...JPEG_DECODE_LIMITS, colorTransform: false });
    ({ width, height } = image);
    ycc = image.data;
  } catch {
    return null;
  }
  if (width < 1 || height < 1 || ycc.length !== width * height * 3) return null;
  const grey = greyRows(ycc, width, height, layout);
  if (!keepRgb) {
    ycc.fill(0);
    return { grey: { width, height, data: grey }, rgb: null };
  }
  // In place, jpeg-js's own conversion of its replicated chroma (truncated, as it stores it).
  for (let i = 0; i < ycc.length; i += 3) {
    const y = ycc[i] ?? 0;
    const b = (ycc[i + 1] ?? 0) - 128;
    const r = (ycc[i + 2] ?? 0) - 128;
    ycc[i] = clamp(y + 1.402 * r);
    ycc[i + 1] = clamp(y - 0.3441363 * b - 0.71413636 * r);
    ycc[i + 2] = clamp(y + 1.772 * b);
  }
  return { grey: { width, height, data: grey }, rgb: { width, height, rgb: ycc } };
}

/**
 * The grey raster, row by row: each row's two chroma channels upsampled as libjpeg does by
 * default (jdsample.c, h2v1/h2v2_fancy_upsample: a triangle filter, 3:1 weights, edges
 * replicated) from jpeg-js's output, which repeats each chroma sample over the luma samples it
 * covers; then libjpeg's colour conversion and Leptonica's luma. Only a row of chroma is held at
 * a time (no full-size planes to allocate and free on every image).
 */
function greyRows(ycc: Uint8Array, width: number, height: number, layout: Layout): Uint8Array {
  const { across, down } = layout;
  const grey = new Uint8Array(width * height);
  const rowB = new Uint8Array(width);
  const rowR = new Uint8Array(width);
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / down);
  // Column values of the chroma row (h2v2: 3 × this row + the nearer neighbour row).
  const sumB = new Int32Array(cw);
  const sumR = new Int32Array(cw);
  for (let oy = 0; oy < height; oy++) {
    const line = oy * width * 3;
    if (across === 1) {
      for (let x = 0, i = line; x < width; x++, i += 3) {
        rowB[x] = ycc[i + 1] ?? 0;
        rowR[x] = ycc[i + 2] ?? 0;
      }
    } else {
      const iy = down === 2 ? oy >> 1 : oy;
      const from = iy * down * width * 3;
      if (down === 2) {
        const near = oy & 1 ? Math.min(ch - 1, iy + 1) : Math.max(0, iy - 1);
        const other = near * 2 * width * 3;
        for (let x = 0, i = 0; x < cw; x++, i += 6) {
          sumB[x] = (ycc[from + i + 1] ?? 0) * 3 + (ycc[other + i + 1] ?? 0);
          sumR[x] = (ycc[from + i + 2] ?? 0) * 3 + (ycc[other + i + 2] ?? 0);
        }
      } else {
        for (let x = 0, i = 0; x < cw; x++, i += 6) {
          sumB[x] = ycc[from + i + 1] ?? 0;
          sumR[x] = ycc[from + i + 2] ?? 0;
        }
      }
      const scale = down === 2 ? 4 : 1;
      fancyRow(sumB, cw, rowB, 0, width, scale);
      fancyRow(sumR, cw, rowR, 0, width, scale);
    }
    for (let x = 0, i = line, p = oy * width; x < width; x++, i += 3, p++) {
      const y = ycc[i] ?? 0;
      const b = rowB[x] ?? 0;
      const r = rowR[x] ?? 0;
      grey[p] = luma(
        clamp(y + (CR_R[r] ?? 0)),
        clamp(y + (((CB_G[b] ?? 0) + (CR_G[r] ?? 0)) >> 16)),
        clamp(y + (CB_B[b] ?? 0)),
      );
    }
  }
  for (const buffer of [rowB, rowR, sumB, sumR]) buffer.fill(0);
  return grey;
}

/**
 * One output row of libjpeg's fancy horizontal upsampling, written at `out[start…start+width)`.
 * `sums` holds the column values, times `scale`: 4 after h2v2's vertical pass, 1 for h2v1.
 */
function fancyRow(
  sums: Int32Array,
  cw: number,
  out: Uint8Array,
  start: number,
  width: number,
  scale: 1 | 4,
): void {
  const put = (x: number, v: number) => {
    if (x < width) out[start + x] = v;
  };
  const last = cw - 1;
  if (scale === 4) {
    const first = sums[0] ?? 0;
    put(0, (first * 4 + 8) >> 4);
    put(1, ((cw > 1 ? first * 3 + (sums[1] ?? 0) : first * 4) + 7) >> 4);
    for (let x = 1; x < last; x++) {
      const here = (sums[x] ?? 0) * 3;
      out[start + 2 * x] = (here + (sums[x - 1] ?? 0) + 8) >> 4;
      out[start + 2 * x + 1] = (here + (sums[x + 1] ?? 0) + 7) >> 4;
    }
    if (cw > 1) {
      const end = sums[last] ?? 0;
      put(2 * last, (end * 3 + (sums[last - 1] ?? 0) + 8) >> 4);
      put(2 * last + 1, (end * 4 + 7) >> 4);
    }
    return;
  }
  const first = sums[0] ?? 0;
  put(0, first);
  put(1, cw > 1 ? (first * 3 + (sums[1] ?? 0) + 2) >> 2 : first);
  for (let x = 1; x < last; x++) {
    const here = (sums[x] ?? 0) * 3;
    out[start + 2 * x] = (here + (sums[x - 1] ?? 0) + 1) >> 2;
    out[start + 2 * x + 1] = (here + (sums[x + 1] ?? 0) + 2) >> 2;
  }
  if (cw > 1) {
    const end = sums[last] ?? 0;
    put(2 * last, (end * 3 + (sums[last - 1] ?? 0) + 1) >> 2);
    put(2 * last + 1, end);
  }
}

/** Any other JPEG: jpeg-js's RGB (upright already), and Leptonica's weights over it. */
function decodeOther(bytes: Uint8Array, keepRgb: boolean): DecodedImage | null {
  const image = decodeJpeg(bytes, { upright: false });
  if (!image) return null;
  const { width, height, rgb } = image;
  const grey = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < grey.length; p++, i += 3)
    grey[p] = luma(rgb[i] ?? 0, rgb[i + 1] ?? 0, rgb[i + 2] ?? 0);
  if (keepRgb) return { grey: { width, height, data: grey }, rgb: image };
  rgb.fill(0);
  return { grey: { width, height, data: grey }, rgb: null };
}
