import jpeg from 'jpeg-js';
import type { Orientation } from '../documents/exif-orientation.ts';
import { checkJpeg } from '../documents/jpeg.ts';
import {
  decodeJpeg,
  JPEG_DECODE_LIMITS,
  orient,
  orientPixels,
  type RgbImage,
} from './face/decode-jpeg.ts';
import type { GreyImage } from './grey-image.ts';

/**
 * Each image of a run is decoded once, in this process, in pure JavaScript (jpeg-js), upright by
 * its EXIF orientation: its grey raster serves every document check (quality, the metadata's
 * thumbnail comparison, the MRZ), and its colour pixels — kept only for the images the face step
 * compares — serve the face step. The caller owns both and zeroes them once used.
 *
 * The grey is the one the checks' thresholds and the MRZ reading were tuned on: what Tesseract's
 * Leptonica made of the JPEG (libjpeg's decode, then 0.3 R + 0.5 G + 0.2 B, rounded). For the
 * JPEGs cameras and scanners write (YCbCr, chroma subsampled 2×2, 2×1 or not at all) it is
 * rebuilt here the way libjpeg builds it: jpeg-js's samples, the chroma upsampled with libjpeg's
 * "fancy" triangle filter, libjpeg's fixed-point colour conversion, Leptonica's weights. On the
 * demo images and the MRZ corpus 86–98 % of pixels come out equal to Leptonica's, the rest
 * within a few levels (its libjpeg's IDCT is not jpeg-js's). The colour pixels are exactly what
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
// Leptonica's weights, as the 32-bit floats it computes with.
const R_WEIGHT = Math.fround(0.3);
const G_WEIGHT = Math.fround(0.5);
const B_WEIGHT = Math.fround(0.2);
const f32 = Math.fround;

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Leptonica's luma of one RGB pixel (pixConvertRGBToLuminance). */
function luma(r: number, g: number, b: number): number {
  return Math.trunc(f32(f32(f32(R_WEIGHT * r) + f32(G_WEIGHT * g)) + f32(B_WEIGHT * b)) + 0.5);
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
  const cb = upsample(ycc, width, height, 1, layout);
  const cr = upsample(ycc, width, height, 2, layout);
  const grey = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < grey.length; p++, i += 3) {
    const y = ycc[i] ?? 0;
    const b = cb[p] ?? 0;
    const r = cr[p] ?? 0;
    grey[p] = luma(
      clamp(y + (CR_R[r] ?? 0)),
      clamp(y + (((CB_G[b] ?? 0) + (CR_G[r] ?? 0)) >> 16)),
      clamp(y + (CB_B[b] ?? 0)),
    );
  }
  cb.fill(0);
  cr.fill(0);
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
 * One chroma channel at full size, upsampled as libjpeg does by default (jdsample.c,
 * h2v1/h2v2_fancy_upsample: a triangle filter, 3:1 weights, edges replicated), from jpeg-js's
 * output, which repeats each chroma sample over the luma samples it covers.
 */
function upsample(
  ycc: Uint8Array,
  width: number,
  height: number,
  channel: 1 | 2,
  { across, down }: Layout,
): Uint8Array {
  const out = new Uint8Array(width * height);
  const cw = Math.ceil(width / across);
  const ch = Math.ceil(height / down);
  const plane = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++)
      plane[y * cw + x] = ycc[(y * down * width + x * across) * 3 + channel] ?? 0;
  if (across === 1) {
    out.set(plane.subarray(0, width * height));
    plane.fill(0);
    return out;
  }
  // Column sums for the row: a 2×2 image weights this row 3:1 against its neighbour.
  const sums = new Int32Array(cw);
  const row = new Uint8Array(cw * 2);
  for (let oy = 0; oy < height; oy++) {
    const iy = Math.floor(oy / down);
    const r0 = iy * cw;
    let scale: 1 | 4;
    if (down === 2) {
      const near = oy % 2 === 1 ? Math.min(ch - 1, iy + 1) : Math.max(0, iy - 1);
      const r1 = near * cw;
      for (let x = 0; x < cw; x++) sums[x] = (plane[r0 + x] ?? 0) * 3 + (plane[r1 + x] ?? 0);
      scale = 4;
    } else {
      for (let x = 0; x < cw; x++) sums[x] = plane[r0 + x] ?? 0;
      scale = 1;
    }
    fancyRow(sums, cw, row, scale);
    out.set(row.subarray(0, width), oy * width);
  }
  plane.fill(0);
  row.fill(0);
  return out;
}

/**
 * One output row of libjpeg's fancy horizontal upsampling. `sums` holds the column values
 * (times `scale`: 4 after the vertical pass of h2v2, 1 for h2v1).
 */
function fancyRow(sums: Int32Array, cw: number, row: Uint8Array, scale: 1 | 4): void {
  const at = (x: number) => sums[x] ?? 0;
  if (scale === 4) {
    if (cw === 1) {
      row[0] = (at(0) * 4 + 8) >> 4;
      row[1] = (at(0) * 4 + 7) >> 4;
      return;
    }
    row[0] = (at(0) * 4 + 8) >> 4;
    row[1] = (at(0) * 3 + at(1) + 7) >> 4;
    for (let x = 1; x < cw - 1; x++) {
      row[2 * x] = (at(x) * 3 + at(x - 1) + 8) >> 4;
      row[2 * x + 1] = (at(x) * 3 + at(x + 1) + 7) >> 4;
    }
    const last = cw - 1;
    row[2 * last] = (at(last) * 3 + at(last - 1) + 8) >> 4;
    row[2 * last + 1] = (at(last) * 4 + 7) >> 4;
    return;
  }
  if (cw === 1) {
    row[0] = at(0);
    row[1] = at(0);
    return;
  }
  row[0] = at(0);
  row[1] = (at(0) * 3 + at(1) + 2) >> 2;
  for (let x = 1; x < cw - 1; x++) {
    row[2 * x] = (at(x) * 3 + at(x - 1) + 1) >> 2;
    row[2 * x + 1] = (at(x) * 3 + at(x + 1) + 2) >> 2;
  }
  const last = cw - 1;
  row[2 * last] = (at(last) * 3 + at(last - 1) + 1) >> 2;
  row[2 * last + 1] = at(last);
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
