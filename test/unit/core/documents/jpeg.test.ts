import { describe, expect, it, beforeAll } from 'vitest';
import sharp from 'sharp';
import fc from 'fast-check';
import { checkJpeg } from '../../../../core/documents/jpeg.ts';

/** Offset of the SOF0/SOF2 frame header's height field in a JPEG made by sharp. */
function frameOffset(bytes: Uint8Array): number {
  for (let i = 2; i < bytes.length - 9; i++) {
    if (bytes[i] === 0xff && (bytes[i + 1] === 0xc0 || bytes[i + 1] === 0xc2)) return i + 5;
  }
  throw new Error('no frame header');
}

function withSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const copy = Uint8Array.from(jpeg);
  const at = frameOffset(copy);
  copy[at] = height >> 8;
  copy[at + 1] = height & 0xff;
  copy[at + 2] = width >> 8;
  copy[at + 3] = width & 0xff;
  return copy;
}

let baseline: Uint8Array;
let progressive: Uint8Array;
let png: Uint8Array;

beforeAll(async () => {
  const input = { create: { width: 64, height: 48, channels: 3 as const, background: '#c0ffee' } };
  baseline = new Uint8Array(await sharp(input).jpeg({ quality: 80 }).toBuffer());
  progressive = new Uint8Array(await sharp(input).jpeg({ progressive: true }).toBuffer());
  png = new Uint8Array(await sharp(input).png().toBuffer());
});

describe('checkJpeg on a corpus', () => {
  it('accepts a baseline JPEG and reads its size', () => {
    expect(checkJpeg(baseline)).toEqual({
      ok: true,
      width: 64,
      height: 48,
      storedWidth: 64,
      storedHeight: 48,
      orientation: 1,
      trailingBytes: 0,
      progressive: false,
      arithmetic: false,
      components: 3,
    });
  });

  it('accepts a progressive JPEG (SOF2)', () => {
    expect(checkJpeg(progressive)).toMatchObject({
      ok: true,
      width: 64,
      height: 48,
      progressive: true,
    });
  });

  it('refuses a PNG as not a JPEG', () => {
    expect(checkJpeg(png)).toMatchObject({ ok: false, code: 'image_not_jpeg' });
  });

  it('refuses an HTML error page as not a JPEG', () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>403 Forbidden</body></html>');
    expect(checkJpeg(html)).toMatchObject({ ok: false, code: 'image_not_jpeg' });
  });

  it('refuses zero bytes as not a JPEG', () => {
    expect(checkJpeg(new Uint8Array(0))).toMatchObject({ ok: false, code: 'image_not_jpeg' });
  });

  it('refuses a JPEG cut in half as truncated', () => {
    const half = baseline.subarray(0, Math.floor(baseline.length / 2));
    expect(checkJpeg(half)).toMatchObject({ ok: false, code: 'image_truncated' });
  });

  it('refuses a JPEG cut inside its headers as truncated', () => {
    expect(checkJpeg(baseline.subarray(0, 40))).toMatchObject({
      ok: false,
      code: 'image_truncated',
    });
    expect(checkJpeg(baseline.subarray(0, 2))).toMatchObject({
      ok: false,
      code: 'image_truncated',
    });
  });

  it('refuses a header declaring 60000×60000', () => {
    expect(checkJpeg(withSize(baseline, 60000, 60000))).toMatchObject({
      ok: false,
      code: 'image_dimensions',
    });
  });

  it('refuses zero width or height, and more than 50 megapixels', () => {
    expect(checkJpeg(withSize(baseline, 0, 48))).toMatchObject({ code: 'image_dimensions' });
    expect(checkJpeg(withSize(baseline, 64, 0))).toMatchObject({ code: 'image_dimensions' });
    expect(checkJpeg(withSize(baseline, 7100, 7100), { maxPixelsPerByte: Infinity })).toMatchObject(
      { code: 'image_dimensions' },
    );
  });

  it('refuses a decompression bomb: far more pixels declared than the bytes can carry', () => {
    // The same few hundred bytes, declaring 4000×3000: 12 MP is within the budget, the density not.
    const bomb = checkJpeg(withSize(baseline, 4000, 3000));
    expect(bomb).toMatchObject({
      ok: false,
      code: 'image_dimensions',
      message: expect.stringMatching(/bomb/) as unknown,
    });
  });

  it('honours tighter limits when given', () => {
    expect(checkJpeg(baseline, { maxSide: 50 })).toMatchObject({ code: 'image_dimensions' });
    expect(checkJpeg(baseline, { maxPixels: 64 * 48 - 1 })).toMatchObject({
      code: 'image_dimensions',
    });
  });

  it('accepts bytes after EOI and reports how many', () => {
    const trailer = Uint8Array.from([...baseline, 0x41, 0x42, 0x43]);
    expect(checkJpeg(trailer)).toMatchObject({ ok: true, trailingBytes: 3 });
    const padded = new Uint8Array(baseline.length + 512);
    padded.set(baseline);
    expect(checkJpeg(padded)).toMatchObject({ ok: true, trailingBytes: 512 });
  });

  it('reports the displayed size of a photo stored turned (EXIF orientation 6)', async () => {
    const turned = await sharp({
      create: { width: 60, height: 40, channels: 3, background: '#c0ffee' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(checkJpeg(turned)).toMatchObject({
      ok: true,
      width: 40,
      height: 60,
      storedWidth: 60,
      storedHeight: 40,
      orientation: 6,
    });
  });

  it('refuses SOI followed directly by a scan (no frame header)', () => {
    const bytes = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0xff, 0xd9,
    ]);
    expect(checkJpeg(bytes)).toMatchObject({ ok: false, code: 'image_not_jpeg' });
  });
});

describe('checkJpeg properties', () => {
  it('never throws on arbitrary bytes, and only accepts what starts with SOI', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const result = checkJpeg(bytes);
        if (result.ok) expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary bytes after a JPEG prefix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.uint8Array({ maxLength: 256 }),
        (cut, tail) => {
          const bytes = Uint8Array.from([...baseline.subarray(0, cut), ...tail]);
          const result = checkJpeg(bytes);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses every proper prefix of a valid JPEG', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: baseline.length - 1 }), (cut) => {
        expect(checkJpeg(baseline.subarray(0, cut)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
