import { describe, expect, it } from 'vitest';
import { exifOrientation } from '../../../../core/documents/exif-orientation.ts';

/** An APP1 body: "Exif\0\0", a TIFF header in the given byte order, IFD0 with the given entries. */
function exif(
  little: boolean,
  entries: [tag: number, type: number, count: number, value: number][],
) {
  const tiff = new DataView(new ArrayBuffer(8 + 2 + entries.length * 12 + 4));
  tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, little);
  tiff.setUint32(4, 8, little);
  tiff.setUint16(8, entries.length, little);
  entries.forEach(([tag, type, count, value], k) => {
    const at = 10 + k * 12;
    tiff.setUint16(at, tag, little);
    tiff.setUint16(at + 2, type, little);
    tiff.setUint32(at + 4, count, little);
    tiff.setUint16(at + 8, value, little);
  });
  return Uint8Array.from([0x45, 0x78, 0x69, 0x66, 0, 0, ...new Uint8Array(tiff.buffer)]);
}

describe('exifOrientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reads orientation %i in both byte orders', (value) => {
    expect(exifOrientation(exif(true, [[0x0112, 3, 1, value]]))).toBe(value);
    expect(exifOrientation(exif(false, [[0x0112, 3, 1, value]]))).toBe(value);
  });

  it('finds the tag among other IFD0 entries', () => {
    const body = exif(false, [
      [0x010f, 2, 4, 0],
      [0x0112, 3, 1, 6],
    ]);
    expect(exifOrientation(body)).toBe(6);
  });

  it('treats an out-of-range value as upright, as Chromium does', () => {
    expect(exifOrientation(exif(true, [[0x0112, 3, 1, 9]]))).toBe(1);
    expect(exifOrientation(exif(true, [[0x0112, 3, 1, 0]]))).toBe(1);
  });

  it('gives null for XMP, a wrong type, or an IFD pointing outside the segment', () => {
    expect(exifOrientation(new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0<x/>'))).toBe(
      null,
    );
    expect(exifOrientation(exif(true, [[0x0112, 4, 1, 6]]))).toBe(null);
    const body = exif(true, [[0x0112, 3, 1, 6]]);
    new DataView(body.buffer).setUint32(6 + 4, 60_000, true);
    expect(exifOrientation(body)).toBe(null);
    expect(exifOrientation(body.subarray(0, 20))).toBe(null);
  });
});
