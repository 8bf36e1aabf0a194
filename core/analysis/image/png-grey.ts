import { inflateSync } from 'node:zlib';
import type { GreyImage } from './grey-image.ts';

/**
 * Decodes the 8-bit greyscale PNG the OCR engine hands back as its decoded image (colour type 0,
 * bit depth 8, no interlace). Anything else is refused: this is not a general PNG decoder.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export class PngDecodeError extends Error {
  override name = 'PngDecodeError';
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

export function decodeGreyPng(png: Uint8Array): GreyImage {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) {
    throw new PngDecodeError('not a PNG');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (body.length !== length) throw new PngDecodeError('truncated chunk');
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = png.subarray(at + 16, at + 21);
      if (depth !== 8 || colour !== 0 || interlace !== 0) {
        throw new PngDecodeError('not an 8-bit greyscale PNG');
      }
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (width === 0 || height === 0) throw new PngDecodeError('no image header');
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < (width + 1) * height) throw new PngDecodeError('short image data');
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    const src = y * (width + 1) + 1;
    const row = y * width;
    const prev = row - width;
    for (let x = 0; x < width; x++) {
      const v = raw[src + x] ?? 0;
      const a = x > 0 ? (data[row + x - 1] ?? 0) : 0;
      const b = y > 0 ? (data[prev + x] ?? 0) : 0;
      const c = x > 0 && y > 0 ? (data[prev + x - 1] ?? 0) : 0;
      let out: number;
      switch (filter) {
        case 0:
          out = v;
          break;
        case 1:
          out = v + a;
          break;
        case 2:
          out = v + b;
          break;
        case 3:
          out = v + ((a + b) >> 1);
          break;
        case 4:
          out = v + paeth(a, b, c);
          break;
        default:
          throw new PngDecodeError('unknown row filter');
      }
      data[row + x] = out & 0xff;
    }
  }
  raw.fill(0);
  return { width, height, data };
}
