import { describe, expect, it } from 'vitest';
import { countryCode, countryName } from '../../../../../core/analysis/checks/countries.ts';
import {
  canonicalNumber,
  findDates,
  fold,
  matchDate,
  matchName,
  matchNationality,
  matchNumber,
  matchSex,
} from '../../../../../core/analysis/checks/printed-values.ts';

describe('printed values against the MRZ', () => {
  it('folds accents, case and punctuation', () => {
    expect(fold('Núñez-García, José')).toBe('NUNEZ GARCIA JOSE');
    expect(fold('Straße')).toBe('STRASSE');
  });

  it.each([
    ['NÚÑEZ', 'NUNEZ'],
    ['núñez', 'NUNEZ'],
    ['MÜLLER', 'MUELLER'],
    ['MÜLLER', 'MULLER'],
    ['MULLER', 'MUELLER'],
    ['GARCÍA LÓPEZ', 'GARCIA<LOPEZ'],
    ['O’BRIEN', 'OBRIEN'],
    ['SØRENSEN', 'SORENSEN'],
    ['JEAN-PIERRE', 'JEAN PIERRE'],
    ['SPECIMFN', 'SPECIMEN'],
  ])('name %s agrees with the MRZ’s %s', (printed, mrz) => {
    expect(matchName(printed, mrz)).toBe('agrees');
  });

  it('a different name differs; a near one is unclear, never differs', () => {
    expect(matchName('HARTMANN', 'NUNEZ')).toBe('differs');
    expect(matchName('EXAMPLE', 'SPECIMEN')).toBe('differs');
    expect(matchName('SPECIMAN', 'SPECIMEN<<')).toBe('agrees');
    expect(matchName('SPECAMAN', 'SPECIMEN')).toBe('unclear');
    expect(matchName('', 'SPECIMEN')).toBe('unclear');
  });

  it('an MRZ name cut at the zone’s width agrees with the longer printed one', () => {
    expect(matchName('WOLFESCHLEGELSTEINHAUSEN', 'WOLFESCHLEGELST')).toBe('agrees');
  });

  it.each([
    ['15.01.2034', '340115'],
    ['15 JAN 2034', '340115'],
    ['15JAN2034', '340115'],
    ['15/01/2034', '340115'],
    ['2034-01-15', '340115'],
    ['15 01 2034', '340115'],
    ['15 ENE 2034', '340115'],
    ['15 janv. 2034', '340115'],
    ['JAN 15 2034', '340115'],
    ['15.01.34', '340115'],
    ['15012034', '340115'],
    ['01 JAN 1990', '900101'],
  ])('date %s agrees with YYMMDD %s', (printed, mrz) => {
    expect(matchDate(printed, mrz)).toBe('agrees');
  });

  it('another date differs; text without a date is unclear', () => {
    expect(matchDate('16.01.2034', '340115')).toBe('differs');
    expect(matchDate('15 JAN 2035', '340115')).toBe('differs');
    expect(matchDate('DEMO AUTHORITY', '340115')).toBe('unclear');
  });

  it('finds every date in a longer text', () => {
    expect(findDates('issued 01.02.2024 valid until 2034-01-15')).toEqual([
      { year: 2024, month: 2, day: 1 },
      { year: 2034, month: 1, day: 15 },
    ]);
  });

  it('numbers: spaces, fillers and OCR’s look-alike characters do not count', () => {
    expect(matchNumber('SPC 000 001', 'SPC000001')).toBe('agrees');
    expect(matchNumber('SPCOOO0O1', 'SPC000001')).toBe('agrees');
    expect(matchNumber('X1234567', 'X1234567<')).toBe('agrees');
    expect(canonicalNumber('AB 12 0S')).toBe(canonicalNumber('A8120 5'));
    expect(matchNumber('SPC000137', 'SPC000001')).toBe('differs');
    expect(matchNumber('SPC', 'SPC000001')).toBe('unclear');
  });

  it('sex in several languages; two different codes at once are unclear', () => {
    expect(matchSex('M', 'M')).toBe('agrees');
    expect(matchSex('M/H', 'M')).toBe('agrees');
    expect(matchSex('FEMENINO', 'F')).toBe('agrees');
    expect(matchSex('X', '<')).toBe('agrees');
    expect(matchSex('F', 'M')).toBe('differs');
    expect(matchSex('M F', 'M')).toBe('unclear');
    expect(matchSex('7', 'M')).toBe('unclear');
  });

  it('nationality: the code, the country’s name, a word beginning with the code', () => {
    expect(matchNationality('UTOPIA', 'UTO', countryName, countryCode)).toBe('agrees');
    expect(matchNationality('ESP', 'ESP', countryName, countryCode)).toBe('agrees');
    expect(matchNationality('ESPAÑOLA', 'ESP', countryName, countryCode)).toBe('agrees');
    expect(matchNationality('FRA', 'ESP', countryName, countryCode)).toBe('differs');
    expect(matchNationality('REPUBLICA', 'ESP', countryName, countryCode)).toBe('unclear');
  });
});
