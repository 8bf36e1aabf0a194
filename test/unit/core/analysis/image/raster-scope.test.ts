import { describe, expect, it } from 'vitest';
import {
  discard,
  pixels,
  withRasterScope,
} from '../../../../../core/analysis/image/raster-scope.ts';

/**
 * A run's pixels have one owner: whatever a run makes through `pixels` — before or after an
 * await, in a stage that finished or in one that failed — is zero-filled when the run ends.
 */

const filled = (n: number) => new Uint8Array(n).fill(9);

describe('the raster scope of a run', () => {
  it('zero-fills every buffer made during the run, across awaits, when it ends', async () => {
    const made: Uint8Array[] = [];
    const seenDuring: boolean[] = [];
    await withRasterScope(async () => {
      made.push(pixels(filled(4)));
      await new Promise((resolve) => setImmediate(resolve));
      made.push(pixels(filled(8)));
      await Promise.all(
        [1, 2].map((n) => Promise.resolve(n).then(() => made.push(pixels(filled(2))))),
      );
      seenDuring.push(made.every((b) => b.every((v) => v === 9)));
    });
    expect(seenDuring).toEqual([true]);
    expect(made).toHaveLength(4);
    for (const buffer of made) expect([...buffer].every((v) => v === 0)).toBe(true);
  });

  it('zero-fills them also when the run fails, and the failure goes through', async () => {
    let held: Float32Array | undefined;
    await expect(
      withRasterScope(async () => {
        held = pixels(new Float32Array([1.5, 2.5]));
        await Promise.resolve();
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect([...(held ?? [])]).toEqual([0, 0]);
  });

  it('keeps two runs apart: one ending does not touch the other’s pixels', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let second: Uint8Array | undefined;
    const other = withRasterScope(async () => {
      second = pixels(filled(3));
      await gate;
      return [...second];
    });
    await withRasterScope(() => Promise.resolve(pixels(filled(3))));
    release();
    expect(await other).toEqual([9, 9, 9]);
    expect([...(second ?? [])]).toEqual([0, 0, 0]);
  });

  it('outside a run holds nothing; discard zero-fills at once', () => {
    const loose = pixels(filled(2));
    expect([...loose]).toEqual([9, 9]);
    discard(loose);
    expect([...loose]).toEqual([0, 0]);
  });
});
