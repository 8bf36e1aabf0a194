import { describe, expect, it } from 'vitest';
import { checkJpeg } from '../../core/documents/jpeg.ts';
import { buildCorpus } from './jpeg-corpus.ts';
import { spawnSync } from 'node:child_process';
import {
  djpeg,
  findSegment,
  libjpegToolsPresent,
  photo,
  referenceAccepts,
} from './jpeg-reference.ts';

/**
 * The JPEG check against libjpeg-turbo, file by file: for every file of a corpus generated here,
 * the check accepts it exactly when `djpeg -strict` decodes it within the pixel budget — and for an
 * accepted file, reports the frame size the decoder reports.
 */

if (!libjpegToolsPresent()) {
  throw new Error('djpeg/cjpeg/jpegtran are missing: install Debian libjpeg-turbo-progs');
}

const { valid, hostile } = await buildCorpus();

describe('the JPEG check agrees with libjpeg-turbo', () => {
  it('has a corpus of at least 60 files', () => {
    expect(valid.length + hostile.length).toBeGreaterThanOrEqual(60);
  });

  it.each(valid.map((s) => [s.name, s.bytes] as const))(
    'accepts what cameras and encoders make: %s',
    (_name, bytes) => {
      const reference = djpeg(bytes);
      expect(referenceAccepts(bytes)).toBe(true);
      const check = checkJpeg(bytes);
      expect(check).toMatchObject({
        ok: true,
        storedWidth: reference.width,
        storedHeight: reference.height,
      });
    },
  );

  it.each(hostile.map((s) => [s.name, s.bytes] as const))(
    'gives the decoder’s verdict on hostile input: %s',
    (_name, bytes) => {
      expect(checkJpeg(bytes).ok).toBe(referenceAccepts(bytes));
    },
  );
});

describe('where only decoding could tell', () => {
  it('accepts a scan cut short but closed by EOI: the decoder conceals the rest, as the viewer will show it', async () => {
    const whole = await photo(96, 64).jpeg().toBuffer();
    const scan = findSegment(whole, [0xda]);
    const cut = Buffer.concat([whole.subarray(0, scan.end + 40), Buffer.from([0xff, 0xd9])]);
    expect(checkJpeg(cut).ok).toBe(true);
    // libjpeg-turbo decodes it, with a warning (exit 2): strict mode alone refuses it.
    expect(spawnSync('djpeg', ['-outfile', '/dev/null'], { input: cut }).status).toBe(2);
    expect(djpeg(cut).decodes).toBe(false);
  });
});
