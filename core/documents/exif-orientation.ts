/**
 * Reads the EXIF orientation (tag 0x0112 of IFD0) from the body of a JPEG APP1 segment — the same
 * field Chromium reads to turn an `<img>` upright (`image-orientation: from-image`).
 *
 * Bounded by construction: only the TIFF header and IFD0's entry list are looked at, every read is
 * checked against the segment, and nothing is followed beyond IFD0. A segment that is not Exif,
 * is malformed, or has no orientation tag gives `null`; a value outside 1–8 gives 1 (upright), as
 * in Chromium.
 */

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
const ORIENTATION_TAG = 0x0112;
const TYPE_SHORT = 3;

/** `body` is the APP1 segment without its marker and length. */
export function exifOrientation(body: Uint8Array): Orientation | null {
  if (body.length < EXIF_HEADER.length + 8) return null;
  for (let i = 0; i < EXIF_HEADER.length; i++) if (body[i] !== EXIF_HEADER[i]) return null;
  const tiff = body.subarray(EXIF_HEADER.length);
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null; // "II" little-endian, "MM" big-endian
  const little = order === 0x4949;
  if (view.getUint16(2, little) !== 42) return null;
  const ifd = view.getUint32(4, little);
  if (ifd < 8 || ifd + 2 > tiff.length) return null;
  const entries = view.getUint16(ifd, little);
  for (let k = 0; k < entries; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return null;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    if (view.getUint16(entry + 2, little) !== TYPE_SHORT || view.getUint32(entry + 4, little) !== 1)
      return null;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? (value as Orientation) : 1;
  }
  return null;
}

/** Orientations 5–8 turn the picture a quarter: the displayed width is the stored height. */
export function swapsSides(orientation: Orientation): boolean {
  return orientation >= 5;
}
