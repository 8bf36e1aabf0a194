/**
 * Embeds a JPEG thumbnail in a JPEG's EXIF (IFD1, as cameras write it), for the demo's and the
 * benchmark's captures whose thumbnail the checks compare with the image. sharp writes EXIF
 * tags but no thumbnail, so the APP1 segment is built here: a little-endian TIFF header, an
 * empty IFD0 linking to IFD1 (compression 6, the thumbnail's offset and length), then the
 * thumbnail's bytes. Any APP1 the file already has is dropped.
 */

function u16(out: number[], v: number): void {
  out.push(v & 0xff, (v >> 8) & 0xff);
}
function u32(out: number[], v: number): void {
  out.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
}

/** `jpeg` with `thumbnail` (JPEG bytes, under 64 kB) as its EXIF thumbnail. */
export function withExifThumbnail(jpeg: Uint8Array, thumbnail: Uint8Array): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const tiff: number[] = [0x49, 0x49];
  u16(tiff, 42);
  u32(tiff, 8);
  // IFD0: no entries, then the offset of IFD1.
  u16(tiff, 0);
  u32(tiff, 14);
  // IFD1 at 14: three entries (12 bytes each), next IFD 0; the thumbnail follows at 14 + 2 + 36 + 4.
  const thumbAt = 14 + 2 + 3 * 12 + 4;
  u16(tiff, 3);
  const entry = (tag: number, type: number, value: number) => {
    u16(tiff, tag);
    u16(tiff, type);
    u32(tiff, 1);
    if (type === 3) {
      u16(tiff, value);
      u16(tiff, 0);
    } else u32(tiff, value);
  };
  entry(0x0103, 3, 6);
  entry(0x0201, 4, thumbAt);
  entry(0x0202, 4, thumbnail.length);
  u32(tiff, 0);
  const header = Buffer.from('Exif\0\0', 'latin1');
  const body = Buffer.concat([header, Buffer.from(tiff), Buffer.from(thumbnail)]);
  if (body.length + 2 > 0xffff) throw new Error('thumbnail too large for one APP1 segment');
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff]),
    body,
  ]);
  // Keep SOI, drop existing APP1 segments, keep everything else.
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8]), app1];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1] ?? 0;
    if (marker === 0xda) break;
    const length = ((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0);
    if (marker !== 0xe1) parts.push(Buffer.from(jpeg.subarray(at, at + 2 + length)));
    at += 2 + length;
  }
  parts.push(Buffer.from(jpeg.subarray(at)));
  return Buffer.concat(parts);
}
