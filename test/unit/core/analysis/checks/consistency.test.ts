import { describe, expect, it } from 'vitest';
import {
  compareConsistency,
  confirmDiffers,
  type VisualZone,
} from '../../../../../core/analysis/checks/consistency.ts';
import type { PageWord } from '../../../../../core/analysis/mrz/ocr-engine.ts';
import type { Consistency, MrzRead } from '../../../../../shared/analysis.ts';

const TODAY = new Date('2026-12-01T00:00:00Z');

function mrz(format: 'TD1' | 'TD3' = 'TD1', slot: MrzRead['slot'] = 'documentBack'): MrzRead {
  const field = (raw: string, value: string | null = raw) => ({ raw, value, valid: true });
  return {
    status: 'read',
    slot,
    format,
    lines: [],
    box: { left: 100, top: 900, width: 1500, height: 200 },
    confidence: 90,
    fields: {
      lastName: field('NUNEZ<<', 'NUNEZ'),
      firstName: field('JOSE<LUIS', 'JOSE LUIS'),
      documentNumber: field('SPC000001'),
      birthDate: field('900101'),
      expirationDate: field('340115'),
      sex: field('M', 'male'),
      nationality: field('UTO'),
    },
    checkDigits: {},
    checkDigitsValid: true,
    corrections: [],
  };
}

/** A page of words: [text, left, top] rows, each word 20 px high, 18 px per character. */
function page(rows: [string, number, number][], confidence = 95): VisualZone {
  const words: PageWord[] = [];
  rows.forEach(([text, left, top], line) => {
    let x = left;
    for (const w of text.split(' ')) {
      words.push({
        text: w,
        confidence,
        box: { left: x, top, width: w.length * 18, height: 20 },
        line,
      });
      x += w.length * 18 + 10;
    }
  });
  return { slot: 'documentFront', words };
}

const verdicts = (c: Consistency) => Object.fromEntries(c.fields.map((f) => [f.field, f.verdict]));

/** Label above value, two columns. */
const ABOVE: [string, number, number][] = [
  ['UTOPIA IDENTITY CARD', 100, 40],
  ['SURNAME / APELLIDO', 600, 200],
  ['NÚÑEZ', 600, 230],
  ['GIVEN NAMES / NOMBRES', 600, 300],
  ['JOSÉ LUIS', 600, 330],
  ['DATE OF BIRTH', 600, 400],
  ['SEX', 1100, 400],
  ['01 JAN 1990', 600, 430],
  ['M', 1100, 430],
  ['DOCUMENT NO.', 600, 500],
  ['NATIONALITY', 1100, 500],
  ['SPC 000 001', 600, 530],
  ['UTOPIA', 1100, 530],
  ['DATE OF EXPIRY', 600, 600],
  ['15.01.2034', 600, 630],
];

describe('printed data against the MRZ', () => {
  it('label above the value: every field found, agrees, with the printed value’s place', () => {
    const c = compareConsistency(mrz(), { today: TODAY, zone: page(ABOVE), twoSides: true });
    expect(c.status).toBe('compared');
    expect(verdicts(c)).toEqual({
      surname: 'agrees',
      givenNames: 'agrees',
      documentNumber: 'agrees',
      birthDate: 'agrees',
      expiryDate: 'agrees',
      sex: 'agrees',
      nationality: 'agrees',
    });
    expect(c.fields.find((f) => f.field === 'surname')).toMatchObject({
      mrz: 'NUNEZ',
      printed: 'NÚÑEZ',
      region: { slot: 'documentFront', left: 600, top: 230 },
    });
    expect(c.fields.find((f) => f.field === 'birthDate')?.mrz).toBe('1990-01-01');
    expect(c.sides).toBe('same_document');
  });

  it('"Label: value" rows in Spanish, the value far right of its label', () => {
    const rows: [string, number, number][] = [
      ['Apellidos:', 600, 200],
      ['NÚÑEZ', 1000, 200],
      ['Nombre:', 600, 260],
      ['JOSÉ LUIS', 1000, 260],
      ['Número:', 600, 320],
      ['SPC000001', 1000, 320],
      ['Fecha de nacimiento:', 600, 380],
      ['01/01/1990', 1000, 380],
      ['Válido hasta:', 600, 440],
      ['2034-01-15', 1000, 440],
      ['Sexo:', 600, 500],
      ['M', 1000, 500],
    ];
    const c = compareConsistency(mrz(), { today: TODAY, zone: page(rows), twoSides: true });
    expect(verdicts(c)).toMatchObject({
      surname: 'agrees',
      givenNames: 'agrees',
      documentNumber: 'agrees',
      birthDate: 'agrees',
      expiryDate: 'agrees',
      sex: 'agrees',
    });
    // Nationality is not printed: cannot tell, with the reason — never "differs".
    expect(c.fields.find((f) => f.field === 'nationality')).toMatchObject({
      verdict: 'cannot_tell',
      printed: null,
    });
  });

  it('a printed surname that is clearly another differs, both values kept', () => {
    const rows = ABOVE.map(([t, x, y]): [string, number, number] => [
      t === 'NÚÑEZ' ? 'HARTMANN' : t,
      x,
      y,
    ]);
    const c = compareConsistency(mrz(), { today: TODAY, zone: page(rows), twoSides: true });
    expect(c.fields.find((f) => f.field === 'surname')).toMatchObject({
      verdict: 'differs',
      mrz: 'NUNEZ',
      printed: 'HARTMANN',
    });
    // One field altered does not make it another document.
    expect(c.sides).toBe('cannot_tell');
  });

  it('a value read with low confidence never differs', () => {
    const rows = ABOVE.map(([t, x, y]): [string, number, number] => [
      t === 'NÚÑEZ' ? 'HARTMANN' : t,
      x,
      y,
    ]);
    const zone = page(rows);
    for (const w of zone.words) if (w.text === 'HARTMANN') w.confidence = 50;
    const c = compareConsistency(mrz(), { today: TODAY, zone, twoSides: true });
    expect(c.fields.find((f) => f.field === 'surname')?.verdict).toBe('cannot_tell');
  });

  it('the next row’s "Label: value" is not taken for a label’s missing value', () => {
    const rows: [string, number, number][] = [
      ['Apellidos:', 600, 200],
      ['Nombre:', 600, 240],
      ['HARTMANN', 1000, 240],
    ];
    const c = compareConsistency(mrz(), { today: TODAY, zone: page(rows), twoSides: true });
    expect(c.fields.find((f) => f.field === 'surname')?.verdict).toBe('cannot_tell');
  });

  it('the front of another card: different documents', () => {
    const other: [string, number, number][] = ABOVE.map(([t, x, y]) => [
      (
        {
          NÚÑEZ: 'HARTMANN',
          'JOSÉ LUIS': 'ANNA',
          '01 JAN 1990': '07 MAR 1985',
          'SPC 000 001': 'SPD 123 456',
          '15.01.2034': '30.06.2032',
        } as Record<string, string>
      )[t] ?? t,
      x,
      y,
    ]);
    const c = compareConsistency(mrz(), { today: TODAY, zone: page(other), twoSides: true });
    expect(c.sides).toBe('different_documents');
  });

  it('a passport page: sides not applicable, and its own MRZ is not taken for the printed data', () => {
    const rows: [string, number, number][] = [
      ['SURNAME', 600, 200],
      ['HARTMANN', 600, 230],
      ['P<UTONUNEZ<<JOSE<LUIS<<<<<<<', 100, 950],
    ];
    const c = compareConsistency(mrz('TD3', 'documentFront'), {
      today: TODAY,
      zone: page(rows),
      twoSides: false,
    });
    expect(c.sides).toBe('not_applicable');
    expect(c.fields.find((f) => f.field === 'surname')?.verdict).toBe('differs');
    expect(c.fields.find((f) => f.field === 'givenNames')?.verdict).toBe('cannot_tell');
  });

  it('no printed side: cannot tell, with the reason, every MRZ value listed', () => {
    const c = compareConsistency(mrz(), {
      today: TODAY,
      zone: null,
      twoSides: false,
      whyNoZone: 'printed_side_missing',
    });
    expect(c).toMatchObject({ status: 'cannot_tell', reason: 'printed_side_missing', sides: 'cannot_tell' });
    expect(c.fields.every((f) => f.verdict === 'cannot_tell' && f.printed === null)).toBe(true);
  });

  it('a "differs" is read again: kept when the second reading differs, dropped when it agrees', async () => {
    const rows = ABOVE.map(([t, x, y]): [string, number, number] => [
      t === 'NÚÑEZ' ? 'HARTMANN' : t,
      x,
      y,
    ]);
    const first = compareConsistency(mrz(), { today: TODAY, zone: page(rows), twoSides: true });
    const kept = await confirmDiffers(
      first,
      mrz(),
      () => Promise.resolve({ text: 'HARTMANN', confidence: 90 }),
      true,
    );
    expect(kept.fields.find((f) => f.field === 'surname')?.verdict).toBe('differs');
    const agreed = await confirmDiffers(
      first,
      mrz(),
      () => Promise.resolve({ text: 'NUNEZ', confidence: 90 }),
      true,
    );
    expect(agreed.fields.find((f) => f.field === 'surname')?.verdict).toBe('agrees');
    const unsure = await confirmDiffers(
      first,
      mrz(),
      () => Promise.resolve({ text: 'HARTMANN', confidence: 40 }),
      true,
    );
    expect(unsure.fields.find((f) => f.field === 'surname')?.verdict).toBe('cannot_tell');
  });
  it('a value far right of a label read without its colon differs only in the column of other values', () => {
    const rows: [string, number, number][] = [
      ['Apellidos:', 600, 200],
      ['NÚÑEZ', 1000, 200],
      ['Nombre:', 600, 260],
      ['JOSÉ LUIS', 1000, 260],
      ['Fecha de nacimiento', 600, 380],
      ['01/01/1999', 1000, 380],
    ];
    const inColumn = compareConsistency(mrz(), { today: TODAY, zone: page(rows), twoSides: true });
    expect(inColumn.fields.find((f) => f.field === 'birthDate')?.verdict).toBe('differs');
    const alone = compareConsistency(mrz(), {
      today: TODAY,
      zone: page(rows.filter(([t]) => t.startsWith('Fecha') || t.startsWith('01/'))),
      twoSides: true,
    });
    expect(alone.fields.find((f) => f.field === 'birthDate')?.verdict).toBe('cannot_tell');
  });
});
