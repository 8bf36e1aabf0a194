import { describe, expect, it } from 'vitest';
import { resolveGlare } from '../../../../../core/analysis/mrz/glare.ts';
import { td1, td3 } from '../../../../../demo/mrz-lines.ts';
import { ID_CARD_MRZ, PASSPORT_MRZ } from '../../../../../demo/specimens.ts';

/**
 * Cells washed out by glare are set only where the check digits prove one reading, each setting
 * reported; otherwise they are left as read.
 */

/** The zone with the cells at `at` ([line, column]) read as `junk`, as a washed-out cell reads. */
function washed(lines: readonly string[], at: [number, number][], junk = 'X') {
  const out = lines.map((l) => Array.from(l));
  for (const [l, c] of at) (out[l] as string[])[c] = junk;
  return {
    texts: out.map((l) => l.join('')),
    blanks: lines.map((_, l) => at.filter(([line]) => line === l).map(([, c]) => c)),
  };
}

describe('resolveGlare', () => {
  it('sets a washed-out birth-date digit when exactly one digit makes its check digit hold', () => {
    const lines = td1(ID_CARD_MRZ);
    const { texts, blanks } = washed(lines, [[1, 3]]);
    const result = resolveGlare(texts, blanks, 'TD1');
    expect(result.lines).toEqual(lines);
    expect(result.corrections).toEqual([
      { line: 1, column: 3, from: 'X', to: lines[1].charAt(3), cause: 'glare' },
    ]);
  });

  it('sets a washed-out run of fillers between fillers, outside any checked field', () => {
    const lines = td3(PASSPORT_MRZ);
    const { texts, blanks } = washed(lines, [
      [0, 30],
      [0, 31],
      [0, 32],
    ]);
    const result = resolveGlare(texts, blanks, 'TD3');
    expect(result.lines).toEqual(lines);
    expect(result.corrections.map((c) => c.to)).toEqual(['<', '<', '<']);
  });

  it('leaves washed-out cells as read when several readings hold (two in the document number)', () => {
    const lines = td1(ID_CARD_MRZ);
    const { texts, blanks } = washed(lines, [
      [0, 6],
      [0, 7],
    ]);
    const result = resolveGlare(texts, blanks, 'TD1');
    expect(result.lines).toEqual(texts);
    expect(result.corrections).toEqual([]);
  });

  it('changes nothing where no cell is washed out (a wrong printed digit stays wrong)', () => {
    const lines = td1(ID_CARD_MRZ);
    const wrong = [
      lines[0],
      `${lines[1].slice(0, 6)}${(Number(lines[1].charAt(6)) + 1) % 10}${lines[1].slice(7)}`,
      lines[2],
    ];
    const result = resolveGlare(wrong, [[], [], []], 'TD1');
    expect(result.lines).toEqual(wrong);
    expect(result.corrections).toEqual([]);
  });
});
