import { describe, expect, it } from 'vitest';
import { plausibility } from '../../../../../core/analysis/mrz/plausibility.ts';
import { readMrzText } from '../../../../../core/analysis/mrz/text.ts';
import { td1, td3, withWrongBirthDateDigit } from '../../../../../demo/mrz-lines.ts';
import { ID_CARD_MRZ, PASSPORT_MRZ } from '../../../../../demo/specimens.ts';

/**
 * A reading whose structure fails is garbage, never a zone with flags: the character sets of the
 * fields, fillers only where they may stand, most check digits holding.
 */

function parsed(lines: readonly string[]) {
  const p = readMrzText(lines);
  if (!p) throw new Error('did not parse');
  return p;
}

/** What the glyph reader makes of a zone turned half round: each row read right to left, bottom row first. */
function halfTurned(lines: readonly string[]): string[] {
  const turned: Record<string, string> = {
    '<': '>',
    M: 'W',
    W: 'M',
    N: 'N',
    S: 'S',
    Z: 'Z',
    '6': '9',
    '9': '6',
    '0': '0',
    '1': 'I',
    O: 'O',
    H: 'H',
    I: 'I',
    X: 'X',
  };
  return [...lines].reverse().map((line) =>
    Array.from(line)
      .reverse()
      .map((c) => turned[c] ?? 'Y')
      .join('')
      .replace(/>/g, 'K'),
  );
}

describe('plausibility', () => {
  it('finds a printed TD1 and TD3 zone plausible', () => {
    expect(plausibility(parsed(td1(ID_CARD_MRZ))).plausible).toBe(true);
    expect(plausibility(parsed(td3(PASSPORT_MRZ))).plausible).toBe(true);
  });

  it('keeps a zone with one wrong printed check digit (the reviewer must see it fail)', () => {
    const p = parsed(withWrongBirthDateDigit(td1(ID_CARD_MRZ)));
    expect(p.checkDigitsValid).toBe(false);
    const verdict = plausibility(p);
    expect(verdict.plausible).toBe(true);
    expect(verdict.failing).toBe(2);
  });

  it('refuses the zone of an ID back read upside down', () => {
    const lines = halfTurned(td1(ID_CARD_MRZ));
    const p = readMrzText(lines);
    // The parser may take it as a TD1 zone; its structure does not hold.
    expect(p).not.toBeNull();
    const verdict = plausibility(p as NonNullable<typeof p>);
    expect(verdict.plausible).toBe(false);
    expect(verdict.why.length).toBeGreaterThan(0);
  });

  it('refuses the garbage of the issue (letters in dates, fillers where none may stand)', () => {
    const p = readMrzText([
      'SYNIYVYWSVIY0I95<<<<<<<<<<<<<<',
      'IYNSY<<WYYIY<Y1Y<<<<<<<<<<<<<<',
      '<<<<<<<<<<<<<<<<<YNSMYIYYSIYQI',
    ]);
    expect(p).not.toBeNull();
    expect(plausibility(p as NonNullable<typeof p>).plausible).toBe(false);
  });

  it('counts a date that is no date (month 13) as out of place', () => {
    const [names, numbers] = td3(PASSPORT_MRZ);
    const good = plausibility(parsed([names, numbers])).violations;
    const bad = [names, `${numbers.slice(0, 15)}13${numbers.slice(17)}`];
    expect(plausibility(parsed(bad)).violations).toBe(good + 1);
  });
});

describe('plausibility of fillers', () => {
  it('refuses fillers read as a run of one letter, though letters may stand there', () => {
    const [first, second, third] = td1(ID_CARD_MRZ);
    const misread = [first.replace(/<{6}$/, 'LLLLLL'), second, third];
    const verdict = plausibility(parsed(misread));
    expect(verdict.plausible).toBe(false);
  });
});

describe('plausibility of the document code', () => {
  it('refuses a passport line shifted by a spurious leading character', () => {
    const [names, numbers] = td3(PASSPORT_MRZ);
    const shifted = [`B${names.slice(0, -1)}`, numbers];
    expect(plausibility(parsed(shifted)).plausible).toBe(false);
  });
});

describe('plausibility of optional data', () => {
  it('refuses optional data whose fillers were read as K and L', () => {
    const [first, second, third] = td1(ID_CARD_MRZ);
    const misread = [first, `${second.slice(0, 25)}KK<L${second.slice(29)}`, third];
    expect(plausibility(parsed(misread)).plausible).toBe(false);
  });
});

describe('plausibility of a TD1 zone whose optional fields repeat each other', () => {
  it('refuses the same text read in both optional-data fields', () => {
    const [first, second, third] = td1(ID_CARD_MRZ);
    const misread = [
      `${first.slice(0, 18)}22222JJJ5JJJ`,
      `${second.slice(0, 18)}22222JJJ5J5`,
      third,
    ].map((l, i) => (i === 1 ? `${l.slice(0, 29)}${second.charAt(29)}` : l));
    expect(plausibility(parsed(misread)).plausible).toBe(false);
  });
});
