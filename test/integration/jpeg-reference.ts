import { execFileSync, spawnSync } from 'node:child_process';
import sharp, { type Sharp } from 'sharp';
import { DEFAULT_JPEG_LIMITS } from '../../core/documents/jpeg.ts';

/**
 * The reference the JPEG check is held to: libjpeg-turbo's `djpeg` (Debian libjpeg-turbo-progs),
 * the decoder Chromium embeds, run with `-strict` so that any corruption it would paper over with
 * grey blocks counts as a failure — plus the pixel budget, applied to the dimensions the decoder
 * itself reports. Also the tools that build test files: `cjpeg`, `jpegtran` and `sharp`.
 */

export interface ReferenceVerdict {
  decodes: boolean;
  width: number | null;
  height: number | null;
}

/** Runs `djpeg -strict` on the bytes (fed on stdin, output discarded). */
export function djpeg(bytes: Uint8Array): ReferenceVerdict {
  const run = spawnSync('djpeg', ['-strict', '-verbose', '-outfile', '/dev/null'], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
  });
  const trace = run.stderr.toString('latin1');
  const frame = /Start Of Frame 0x[0-9a-f]+: width=(\d+), height=(\d+)/.exec(trace);
  return {
    decodes: run.status === 0,
    width: frame ? Number(frame[1]) : null,
    height: frame ? Number(frame[2]) : null,
  };
}

/** "libjpeg-turbo decodes it within the pixel budget" — what the check's verdict must equal. */
export function referenceAccepts(bytes: Uint8Array): boolean {
  const verdict = djpeg(bytes);
  if (!verdict.decodes || verdict.width === null || verdict.height === null) return false;
  const pixels = verdict.width * verdict.height;
  return (
    pixels <= DEFAULT_JPEG_LIMITS.maxPixels &&
    pixels <= bytes.length * DEFAULT_JPEG_LIMITS.maxPixelsPerByte
  );
}

/** Whether djpeg/cjpeg/jpegtran are installed (they are in CI: .ci/run installs them). */
export function libjpegToolsPresent(): boolean {
  try {
    execFileSync('djpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Deterministic pseudo-random noise: a photo-like, hard-to-compress picture. */
export function noise(width: number, height: number, channels: 1 | 3 = 3, seed = 1): Buffer {
  const out = Buffer.alloc(width * height * channels);
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    out[i] = (x >> 16) & 0xff;
  }
  return out;
}

/** A smooth gradient with some noise, like a photographed card. */
export function photo(width: number, height: number): Sharp {
  const raw = noise(width, height, 3, width * 31 + height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = ((x * 255) / width + (raw[i] ?? 0) / 8) & 0xff;
      raw[i + 1] = ((y * 255) / height + (raw[i + 1] ?? 0) / 8) & 0xff;
      raw[i + 2] = (128 + (raw[i + 2] ?? 0) / 8) & 0xff;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** A binary PPM/PGM of the picture, as cjpeg reads it. */
export async function pnm(image: Sharp, gray = false): Promise<Buffer> {
  const { data, info } = await (gray ? image.clone().grayscale() : image.clone())
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = gray ? 1 : 3;
  const pixels = Buffer.alloc(info.width * info.height * channels);
  for (let p = 0; p < info.width * info.height; p++) {
    for (let c = 0; c < channels; c++) pixels[p * channels + c] = data[p * info.channels + c] ?? 0;
  }
  return Buffer.concat([
    Buffer.from(`${gray ? 'P5' : 'P6'}\n${info.width} ${info.height}\n255\n`),
    pixels,
  ]);
}

/** Runs a libjpeg-turbo tool with the input on stdin; returns its output. */
export function tool(name: 'cjpeg' | 'jpegtran', args: string[], input: Uint8Array): Buffer {
  return execFileSync(name, args, { input, maxBuffer: 256 * 1024 * 1024 });
}

export interface Segment {
  marker: number;
  /** Offset of the segment's `FF`. */
  start: number;
  /** Offset just past the segment (for SOS: past its header, before the scan data). */
  end: number;
}

/** The marker segments of a well-formed JPEG up to and including the first SOS. */
export function headerSegments(bytes: Uint8Array): Segment[] {
  const out: Segment[] = [];
  let at = 2;
  for (;;) {
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    out.push({ marker, start: at, end: at + 2 + length });
    if (marker === 0xda) return out;
    at += 2 + length;
  }
}

/** The first segment with one of the markers. */
export function findSegment(bytes: Uint8Array, markers: readonly number[]): Segment {
  const found = headerSegments(bytes).find((s) => markers.includes(s.marker));
  if (found === undefined) throw new Error('segment not found');
  return found;
}

export const SOF_MARKERS = [0xc0, 0xc1, 0xc2, 0xc9, 0xca] as const;

/** A copy with the bytes at `offset` replaced. */
export function patched(bytes: Uint8Array, offset: number, values: readonly number[]): Buffer {
  const copy = Buffer.from(bytes);
  values.forEach((v, i) => (copy[offset + i] = v));
  return copy;
}

/** A copy with `insert` placed at `offset`. */
export function inserted(bytes: Uint8Array, offset: number, insert: Uint8Array): Buffer {
  return Buffer.concat([bytes.subarray(0, offset), insert, bytes.subarray(offset)]);
}

/** A copy without the bytes from `start` to `end`. */
export function removed(bytes: Uint8Array, start: number, end: number): Buffer {
  return Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]);
}

/** One marker segment: `FF marker length body`. */
export function segmentBytes(marker: number, body: Uint8Array | readonly number[]): Buffer {
  const data = Buffer.from(body);
  return Buffer.concat([
    Buffer.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff]),
    data,
  ]);
}
