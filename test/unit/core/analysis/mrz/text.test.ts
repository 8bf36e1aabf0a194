import { describe, expect, it } from 'vitest';
import { checkDigit, mrzDate, readMrzText } from '../../../../../core/analysis/mrz/text.ts';
import { td1, td3, type MrzPerson } from '../../../../../demo/mrz-lines.ts';
import { ID_CARD_MRZ } from '../../../../../demo/specimens.ts';

const PERSON: MrzPerson = ID_CARD_MRZ;

describe('check digits (ICAO 9303 7-3-1)', () => {
  it('match the ICAO specimen passport', () => {
    // Doc 9303 part 4 appendix: L898902C3 → 6, 740812 → 2, 120415 → 9.
    expect(checkDigit('L898902C3')).toBe('6');
    expect(checkDigit('740812')).toBe('2');
    expect(checkDigit('120415')).toBe('9');
  });
});

describe('readMrzText', () => {
  it('reads a TD1 zone among other text, with every field and check digit', () => {
    const lines = td1(PERSON);
    const mrz = readMrzText(['ADDRESS', '1 SPECIMEN STREET', ...lines]);
    expect(mrz?.format).toBe('TD1');
    expect(mrz?.used).toEqual([2, 3, 4]);
    expect(mrz?.fields['documentNumber']?.value).toBe('SPC000001');
    expect(mrz?.fields['lastName']?.value).toBe('SPECIMEN');
    expect(mrz?.fields['firstName']?.value).toBe('ALEX SPECIMEN');
    expect(mrz?.fields['birthDate']?.raw).toBe('900101');
    expect(mrz?.fields['expirationDate']?.raw).toBe('340115');
    expect(mrz?.checkDigits).toEqual({
      documentNumber: true,
      birthDate: true,
      expirationDate: true,
      composite: true,
    });
    expect(mrz?.checkDigitsValid).toBe(true);
  });

  it('reads a TD3 zone and tells TD3 from TD2 by line length', () => {
    const mrz = readMrzText(td3({ ...PERSON, documentCode: 'P', documentNumber: 'SPP000002' }));
    expect(mrz?.format).toBe('TD3');
    expect(mrz?.fields['documentCode']?.raw).toBe('P');
    expect(mrz?.checkDigitsValid).toBe(true);
  });

  it('says which check digit fails when one digit was changed', () => {
    const [l1, l2, l3] = td1(PERSON);
    const wrong = `${l2.slice(0, 6)}${(Number(l2[6]) + 1) % 10}${l2.slice(7)}`;
    const mrz = readMrzText([l1, wrong, l3]);
    expect(mrz?.checkDigits['birthDate']).toBe(false);
    expect(mrz?.checkDigits['documentNumber']).toBe(true);
    expect(mrz?.checkDigitsValid).toBe(false);
  });

  it('repairs an O read for a 0 in the document number only where the check digit proves it', () => {
    const [l1, l2, l3] = td1(PERSON);
    const misread = l1.replace('SPC000001', 'SPCO00001');
    const mrz = readMrzText([misread, l2, l3]);
    expect(mrz?.fields['documentNumber']?.value).toBe('SPC000001');
    expect(mrz?.corrections).toContainEqual({ line: 0, column: 8, from: 'O', to: '0' });
    expect(mrz?.checkDigitsValid).toBe(true);
  });

  it('repairs the number when its check digit was read as a letter too (G for 6)', () => {
    const lines = td1({ ...PERSON, documentNumber: 'KM1XH0ATU' });
    expect(lines[0]).toBe('IDUTOKM1XH0ATU6<<<<<<<<<<<<<<<');
    const misread = 'IDUTOKM1XHOATUG<<<<<<<<<<<<<<<';
    const mrz = readMrzText([misread, lines[1], lines[2]]);
    expect(mrz?.lines[0]).toBe(lines[0]);
    expect(mrz?.checkDigits['documentNumber']).toBe(true);
    expect(mrz?.corrections).toContainEqual({ line: 0, column: 10, from: 'O', to: '0' });
  });

  it('sets back to fillers what was read after the name field ended (<<<), and says so', () => {
    const [l1, l2, l3] = td1(PERSON);
    const misread = `${l3.slice(0, 26)}L<L<`;
    const mrz = readMrzText([l1, l2, misread]);
    expect(mrz?.lines[2]).toBe(l3);
    expect(mrz?.fields['firstName']?.value).toBe('ALEX SPECIMEN');
    expect(mrz?.corrections).toEqual([
      { line: 2, column: 26, from: 'L', to: '<' },
      { line: 2, column: 28, from: 'L', to: '<' },
    ]);
    const passport = td3({ ...PERSON, documentCode: 'P', documentNumber: 'SPP000002' });
    const tail = readMrzText([`${passport[0].slice(0, 40)}KLL<`, passport[1]]);
    expect(tail?.lines[0]).toBe(passport[0]);
    // The separator inside a name is not a tail: P<UTO and SPECIMEN<<ALEX stay as read.
    expect(readMrzText(passport)?.corrections).toEqual([]);
  });

  it('drops one extra character from a checked line only when exactly one deletion makes every digit hold', () => {
    const passport = td3({ ...PERSON, documentCode: 'P', documentNumber: 'H841RWJ8W' });
    const extra = passport[1].replace('UTO900101', 'UTO900I101');
    const mrz = readMrzText([passport[0], extra]);
    expect(mrz?.lines).toEqual(passport);
    expect(mrz?.checkDigitsValid).toBe(true);
    expect(mrz?.corrections).toContainEqual({ line: 1, column: 16, from: 'I', to: '' });
    // Inside the number only its own digit guards a deletion (the composite adds the same sum):
    // three deletions would pass, so none is tried there.
    expect(readMrzText([passport[0], passport[1].replace('RWJ8W', 'RWJI8W')])).toBeNull();
  });

  it('pads a line whose trailing fillers were lost', () => {
    const [l1, l2, l3] = td1(PERSON);
    expect(readMrzText([l1.slice(0, 26), l2, l3])?.checkDigitsValid).toBe(true);
  });

  it('finds nothing in text without a zone', () => {
    expect(readMrzText(['SURNAME', 'SPECIMEN', 'DATE OF BIRTH 01 JAN 1990'])).toBeNull();
    expect(readMrzText([])).toBeNull();
  });
});

describe('mrzDate', () => {
  const today = new Date('2026-11-29T00:00:00Z');
  it('puts birth dates in the past and expiry dates in this century', () => {
    expect(mrzDate('900101', 'birth', today)).toBe('1990-01-01');
    expect(mrzDate('150101', 'birth', today)).toBe('2015-01-01');
    expect(mrzDate('340115', 'expiry', today)).toBe('2034-01-15');
    expect(mrzDate('12<<15', 'expiry', today)).toBeNull();
    expect(mrzDate('901301', 'birth', today)).toBeNull();
  });
});
