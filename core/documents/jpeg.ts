import type { ErrorCode } from '../../shared/errors.ts';

/**
 * Checks that a byte array is a JPEG and reads its size from the frame header — without decoding
 * a single pixel (main never parses image data beyond the marker segments before the scan).
 *
 * Rules, in the order they are applied:
 * 1. It starts with SOI `FF D8` followed by a marker (`FF`). Anything else — empty input, PNG,
 *    an HTML error page, garbage — is `image_not_jpeg`.
 * 2. The marker segments are walked until a frame header SOFn (`C0`–`CF` except `C4` DHT,
 *    `C8` JPG, `CC` DAC). Running out of bytes on the way is `image_truncated`; reaching a scan
 *    (SOS) or the end (EOI) without a frame header, or a segment length below 2, is
 *    `image_not_jpeg`.
 * 3. The frame's width and height must be 1…maxSide (default 20 000) each and their product at
 *    most maxPixels (default 100 megapixels); otherwise `image_dimensions`.
 * 4. The file must end with EOI `FF D9`. Trailing `00` bytes after EOI are tolerated (some
 *    encoders and storage layers pad to a block size); anything else after EOI, or no EOI at all,
 *    is `image_truncated`.
 */

export interface JpegLimits {
  /** Largest accepted width or height, in pixels. */
  maxSide?: number;
  /** Largest accepted width × height. */
  maxPixels?: number;
}

export const DEFAULT_JPEG_LIMITS: Required<JpegLimits> = {
  maxSide: 20_000,
  maxPixels: 100_000_000,
};

export type JpegCheck =
  | { ok: true; width: number; height: number }
  | {
      ok: false;
      code: Extract<ErrorCode, 'image_not_jpeg' | 'image_truncated' | 'image_dimensions'>;
      message: string;
    };

const NOT_JPEG = {
  ok: false,
  code: 'image_not_jpeg',
  message: 'The file is not a JPEG image.',
} as const;
const TRUNCATED = {
  ok: false,
  code: 'image_truncated',
  message: 'The JPEG image is incomplete (truncated).',
} as const;
const DIMENSIONS = {
  ok: false,
  code: 'image_dimensions',
  message: 'The JPEG image declares implausible dimensions.',
} as const;

/** SOFn markers that carry a frame header. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers without a length field: TEM, RST0–RST7 (SOI/EOI are handled separately). */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

export function checkJpeg(bytes: Uint8Array, limits: JpegLimits = {}): JpegCheck {
  const maxSide = limits.maxSide ?? DEFAULT_JPEG_LIMITS.maxSide;
  const maxPixels = limits.maxPixels ?? DEFAULT_JPEG_LIMITS.maxPixels;
  const n = bytes.length;
  /** Byte at i; -1 past the end (every read below is bounds-checked first). */
  const at = (i: number): number => bytes[i] ?? -1;

  if (n === 0) return NOT_JPEG;
  if (n < 3) {
    // A prefix of `FF D8 FF` is a JPEG that stopped short; anything else is not one.
    const prefix = [0xff, 0xd8];
    for (let i = 0; i < n; i++) if (bytes[i] !== prefix[i]) return NOT_JPEG;
    return TRUNCATED;
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return NOT_JPEG;

  let pos = 2;
  let frame: { width: number; height: number } | null = null;
  while (frame === null) {
    if (pos >= n) return TRUNCATED;
    if (bytes[pos] !== 0xff) return NOT_JPEG;
    // Any number of 0xFF fill bytes may precede a marker.
    while (pos < n && bytes[pos] === 0xff) pos++;
    if (pos >= n) return TRUNCATED;
    const marker = at(pos);
    pos++;
    if (marker === 0x00) return NOT_JPEG; // a stuffed byte cannot appear between segments
    if (isStandalone(marker)) continue;
    if (marker === 0xd8) return NOT_JPEG; // a second SOI
    if (marker === 0xd9 || marker === 0xda) return NOT_JPEG; // EOI or scan before any frame
    if (pos + 2 > n) return TRUNCATED;
    const length = (at(pos) << 8) | at(pos + 1);
    if (length < 2) return NOT_JPEG;
    if (isFrameHeader(marker)) {
      // precision (1), height (2), width (2), component count (1)
      if (length < 8) return NOT_JPEG;
      if (pos + 7 > n) return TRUNCATED;
      const height = (at(pos + 3) << 8) | at(pos + 4);
      const width = (at(pos + 5) << 8) | at(pos + 6);
      frame = { width, height };
    }
    pos += length;
  }

  const { width, height } = frame;
  if (
    width < 1 ||
    height < 1 ||
    width > maxSide ||
    height > maxSide ||
    width * height > maxPixels
  ) {
    return DIMENSIONS;
  }

  let end = n;
  while (end > 0 && bytes[end - 1] === 0x00) end--;
  if (end < 4 || bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) return TRUNCATED;
  return { ok: true, width, height };
}
