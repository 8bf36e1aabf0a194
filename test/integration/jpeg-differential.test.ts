import { describe, expect, it } from 'vitest';
import { checkJpeg } from '../../core/documents/jpeg.ts';
import { buildCorpus } from './jpeg-corpus.ts';
import { djpeg, libjpegToolsPresent, referenceAccepts } from './jpeg-reference.ts';

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
