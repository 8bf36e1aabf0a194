import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACE_MATCH_CALIBRATION } from '../../../shared/face-match.ts';

/**
 * The face error rates every user is shown (shared/face-match.ts) are the ones the calibration
 * bench measured: `node test/bench/face.bench.ts` writes test/bench/face-calibration.json, and the
 * shipped constants must equal it. A rerun of the bench that changes a rate fails here until the
 * constants (and their wording) are brought along.
 */

const written = JSON.parse(
  readFileSync(new URL('../../bench/face-calibration.json', import.meta.url), 'utf8'),
) as {
  bench: string;
  date: string;
  sameAtOrAbove: number;
  differentBelow: number;
  measured: Record<string, number>;
};

describe('the face calibration shown to users', () => {
  it('uses the thresholds the bench measured at', () => {
    expect(written.bench).toBe('test/bench/face.bench.ts');
    expect(FACE_MATCH_CALIBRATION.sameAtOrAbove).toBe(written.sameAtOrAbove);
    expect(FACE_MATCH_CALIBRATION.differentBelow).toBe(written.differentBelow);
  });

  it('shows exactly the rates the bench wrote, and every one of them', () => {
    expect({ ...FACE_MATCH_CALIBRATION.measured }).toEqual(written.measured);
  });
});
