/**
 * Builds machine-readable zones (ICAO 9303 part 4 TD3, part 5 TD1) for SPECIMEN documents, with
 * every check digit computed. Used by the demo specimens and by the analysis benchmark's corpus.
 */
import { checkDigit } from '../core/analysis/mrz/text.ts';

export interface MrzPerson {
  /** Two letters for TD1 ("ID", "I<"), "P<" for a passport. */
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  /** YYMMDD */
  birthDate: string;
  sex: 'M' | 'F' | '<';
  /** YYMMDD */
  expiryDate: string;
}

function pad(text: string, length: number): string {
  return text.padEnd(length, '<').slice(0, length);
}

/** Upper-case letters only, spaces and hyphens as fillers (names must already be transliterated). */
function nameField(person: MrzPerson, length: number): string {
  const part = (s: string) => s.toUpperCase().replace(/[^A-Z]+/g, '<');
  return pad(`${part(person.surname)}<<${part(person.givenNames)}`, length);
}

export function td1(person: MrzPerson): [string, string, string] {
  const number = pad(person.documentNumber, 9);
  const line1 = pad(
    `${pad(person.documentCode, 2)}${person.issuingState}${number}${checkDigit(number)}`,
    30,
  );
  const upper = `${person.birthDate}${checkDigit(person.birthDate)}${person.sex}${person.expiryDate}${checkDigit(person.expiryDate)}${pad(person.nationality, 3)}${'<'.repeat(11)}`;
  // Composite: line 1 positions 6–30, line 2 positions 1–7, 9–15 and 19–29.
  const composite = checkDigit(
    line1.slice(5, 30) + upper.slice(0, 7) + upper.slice(8, 15) + upper.slice(18, 29),
  );
  return [line1, `${upper}${composite}`, nameField(person, 30)];
}

export function td3(person: MrzPerson): [string, string] {
  const line1 = nameField(
    { ...person, surname: `${pad(person.documentCode, 2)}${person.issuingState}${person.surname}` },
    44,
  );
  const number = pad(person.documentNumber, 9);
  const personal = '<'.repeat(14);
  const body = `${number}${checkDigit(number)}${pad(person.nationality, 3)}${person.birthDate}${checkDigit(person.birthDate)}${person.sex}${person.expiryDate}${checkDigit(person.expiryDate)}${personal}${checkDigit(personal)}`;
  // Composite: positions 1–10, 14–20 and 22–43.
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, `${body}${composite}`];
}

/** The same zone with the birth date's check digit printed wrong (the composite then fails too). */
export function withWrongBirthDateDigit(zone: readonly string[]): string[] {
  const format = zone.length === 3 ? 'TD1' : 'TD3';
  const [line, column] = format === 'TD1' ? [1, 6] : [1, 19];
  const out = [...zone];
  const text = out[line] ?? '';
  const digit = (Number(text.charAt(column)) + 3) % 10;
  out[line] = text.slice(0, column) + String(digit) + text.slice(column + 1);
  return out;
}
