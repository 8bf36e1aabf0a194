import { parse, type ParseResult } from 'mrz';
import type { MrzField } from '../../../shared/analysis.ts';

/**
 * From OCR'd text lines to a parsed machine-readable zone (ICAO 9303): pick the lines that look
 * like an MRZ, fit them to their format's length, parse them with `mrz` (which also corrects
 * letter/digit confusions where the format demands a digit) and collect every check digit.
 */

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

const LENGTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
const LINES: Record<MrzFormat, number> = { TD1: 3, TD2: 2, TD3: 2 };

/** Fields reported, in the order a reviewer reads them. */
export const MRZ_FIELDS = [
  'documentCode',
  'issuingState',
  'documentNumber',
  'lastName',
  'firstName',
  'nationality',
  'birthDate',
  'sex',
  'expirationDate',
  'personalNumber',
  'optional1',
  'optional2',
] as const;

export interface ParsedMrz {
  format: MrzFormat;
  lines: string[];
  fields: Record<string, MrzField>;
  checkDigits: Record<string, boolean>;
  checkDigitsValid: boolean;
  corrections: { line: number; column: number; from: string; to: string }[];
  /** Indexes of the input lines that formed the zone. */
  used: number[];
}

function clean(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9<]/g, '');
}

function looksLikeMrz(line: string): boolean {
  return line.length >= 26 && line.length <= 56 && (line.includes('<') || line.length >= 30);
}

/** Pads a line that lost trailing fillers, or drops surplus trailing fillers. */
function fit(line: string, length: number): string | null {
  if (line.length === length) return line;
  if (line.length > length) {
    const trimmed = line.replace(/<+$/, (fill) =>
      fill.slice(0, Math.max(0, fill.length - (line.length - length))),
    );
    return trimmed.length === length ? trimmed : null;
  }
  return line.endsWith('<') || length - line.length <= 2 ? line.padEnd(length, '<') : null;
}

function formatFor(lines: string[]): MrzFormat | null {
  if (lines.length >= 3) return 'TD1';
  if (lines.length === 2) {
    const mean = lines.reduce((n, l) => n + l.length, 0) / 2;
    return mean >= 40 ? 'TD3' : 'TD2';
  }
  return null;
}

/** The last run of consecutive MRZ-looking lines (the zone sits at the bottom of a page). */
function zoneLines(texts: readonly string[]): { lines: string[]; used: number[] } {
  let run: number[] = [];
  let best: number[] = [];
  texts.forEach((text, i) => {
    if (looksLikeMrz(clean(text))) {
      run.push(i);
      if (run.length >= 2) best = [...run];
    } else {
      run = [];
    }
  });
  return { lines: best.map((i) => clean(texts[i] ?? '')), used: best };
}

function fieldsOf(result: ParseResult, lines: readonly string[]): Record<string, MrzField> {
  const fields: Record<string, MrzField> = {};
  for (const detail of result.details) {
    const name = detail.field;
    if (!name || !(MRZ_FIELDS as readonly string[]).includes(name)) continue;
    const raw = lines[detail.line]?.slice(detail.start, detail.end) ?? '';
    fields[name] = {
      raw,
      value: detail.value,
      valid: detail.valid,
      ...(detail.error !== undefined && { error: detail.error }),
    };
  }
  return fields;
}

/** Letters and digits OCR confuses in monospace capitals. */
const LOOKALIKE: Record<string, string> = {
  O: '0',
  '0': 'O',
  I: '1',
  '1': 'I',
  B: '8',
  '8': 'B',
  S: '5',
  '5': 'S',
  Z: '2',
  '2': 'Z',
  // A zero with blur or a dotted centre comes out as Q (one way: a Q is never read as a zero).
  Q: '0',
};

/**
 * An alphanumeric field (the document number) cannot be corrected by its format alone: when its
 * check digit fails, try the look-alike readings of its characters and keep the one — if exactly
 * with the fewest changes, then the most digits — whose check digit holds.
 */
function repairDocumentNumber(lines: string[], result: ParseResult): ParsedMrz['corrections'] {
  const number = result.details.find((d) => d.field === 'documentNumber');
  const check = result.details.find((d) => d.field === 'documentNumberCheckDigit');
  const line = number ? lines[number.line] : undefined;
  if (!number || !check || check.valid || line === undefined) return [];
  const positions: number[] = [];
  for (let i = number.start; i < number.end; i++) if (LOOKALIKE[line.charAt(i)]) positions.push(i);
  if (positions.length === 0 || positions.length > 8) return [];
  // The check digit as the parser read it (a letter in its place is already corrected to a digit).
  const digit = check.value ?? line.charAt(check.start);
  // The fewest changes win, then the reading with the most digits (numbers are mostly digits
  // after a letter prefix); a tie left after that is not repaired.
  const letters = (c: string) => c.slice(number.start, number.end).replace(/[^A-Z]/g, '').length;
  let best: { text: string; flips: number; letters: number }[] = [];
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const chars = Array.from(line);
    let flips = 0;
    positions.forEach((p, bit) => {
      if (mask & (1 << bit)) {
        chars[p] = LOOKALIKE[line.charAt(p)] ?? line.charAt(p);
        flips++;
      }
    });
    const text = chars.join('');
    if (checkDigit(text.slice(number.start, number.end)) !== digit) continue;
    const candidate = { text, flips, letters: letters(text) };
    const head = best[0];
    const better =
      !head ||
      candidate.flips < head.flips ||
      (candidate.flips === head.flips && candidate.letters < head.letters);
    if (better) best = [candidate];
    else if (candidate.flips === head.flips && candidate.letters === head.letters)
      best.push(candidate);
  }
  const fixed = best.length === 1 ? best[0]?.text : undefined;
  if (fixed === undefined) return [];
  lines[number.line] = fixed;
  return positions
    .filter((p) => fixed.charAt(p) !== line.charAt(p))
    .map((p) => ({ line: number.line, column: p, from: line.charAt(p), to: fixed.charAt(p) }));
}

/**
 * The name field's tail: ICAO 9303 separates surname and given names by `<<` and names within by
 * `<`, so from the first `<<<` on the field holds only fillers. What was read there (the English
 * model reads a filler as L or K) is set back to `<` — a format rule, like a letter in a date —
 * and recorded as a correction. Runs before the line is fitted to its length.
 */
function repairNameTail(lines: string[], format: MrzFormat): ParsedMrz['corrections'] {
  const index = format === 'TD1' ? 2 : 0;
  const line = lines[index];
  if (line === undefined) return [];
  const tail = line.indexOf('<<<', format === 'TD1' ? 0 : 5);
  if (tail < 0) return [];
  const corrections: ParsedMrz['corrections'] = [];
  const chars = Array.from(line);
  for (let column = tail; column < chars.length; column++) {
    const c = chars[column] ?? '<';
    if (c === '<') continue;
    if (column < LENGTH[format]) corrections.push({ line: index, column, from: c, to: '<' });
    chars[column] = '<';
  }
  lines[index] = chars.join('');
  return corrections;
}

/** Lines a check digit covers (the name lines have none). */
const CHECKED_LINES: Record<MrzFormat, readonly number[]> = { TD1: [0, 1], TD2: [1], TD3: [1] };

/** Where the document number and its check digit are: line, first and last column. */
const NUMBER_LINE: Record<MrzFormat, number> = { TD1: 0, TD2: 1, TD3: 1 };
const NUMBER_COLUMNS: Record<MrzFormat, readonly [number, number]> = {
  TD1: [5, 14],
  TD2: [0, 9],
  TD3: [0, 9],
};

/** Readings tried at most when looking for the one extra character a line holds. */
const MAX_DELETION_TRIALS = 2500;

const WEIGHTS = [7, 3, 1] as const;

/** ICAO 9303 check digit: weights 7-3-1, digits as themselves, A–Z as 10–35, `<` as 0. */
export function checkDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const v = c === '<' ? 0 : c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * (WEIGHTS[i % 3] ?? 0);
  }
  return String(sum % 10);
}

/** Parses fitted lines: the parser's format corrections, then the document-number repair. */
function parseFitted(
  lines: string[],
  format: MrzFormat,
  used: number[],
  earlier: ParsedMrz['corrections'],
  repairNumber = true,
): ParsedMrz | null {
  let result: ParseResult;
  let repaired: ParsedMrz['corrections'];
  try {
    result = parse(lines, { autocorrect: true });
    repaired = [...earlier, ...(repairNumber ? repairDocumentNumber(lines, result) : [])];
    if (repaired.length > earlier.length) result = parse(lines, { autocorrect: true });
  } catch {
    return null;
  }
  const checkDigits: Record<string, boolean> = {};
  const corrections: ParsedMrz['corrections'] = [...repaired];
  for (const detail of result.details) {
    if (detail.field?.endsWith('CheckDigit')) {
      checkDigits[detail.field.replace(/CheckDigit$/, '')] = detail.valid;
    }
    for (const c of detail.autocorrect) {
      corrections.push({ line: c.line, column: c.column, from: c.original, to: c.corrected });
    }
  }
  const corrected = lines.map((line, i) => {
    const chars = Array.from(line);
    for (const c of corrections.slice(repaired.length)) if (c.line === i) chars[c.column] = c.to;
    return chars.join('');
  });
  return {
    format,
    lines: corrected,
    fields: fieldsOf(result, corrected),
    checkDigits,
    checkDigitsValid:
      Object.keys(checkDigits).length > 0 && Object.values(checkDigits).every(Boolean),
    corrections,
    used,
  };
}

/**
 * A checked line one character too long (OCR split a glyph or saw a speck) is repaired only when
 * exactly one of its one-character deletions outside the document number — across all such
 * lines — makes every check digit
 * hold — without the look-alike repair, which would let several deletions pass. The deletion is
 * recorded as a correction to the empty string.
 */
function repairExtraCharacter(
  lines: (string | null)[],
  picked: readonly string[],
  format: MrzFormat,
  used: number[],
  earlier: ParsedMrz['corrections'],
): ParsedMrz | null {
  const length = LENGTH[format];
  const options: { text: string; correction?: ParsedMrz['corrections'][number] }[][] = [];
  for (const [i, line] of lines.entries()) {
    const raw = picked[i] ?? '';
    if (line !== null) {
      options.push([{ text: line }]);
      continue;
    }
    if (raw.length !== length + 1 || !CHECKED_LINES[format].includes(i)) return null;
    const seen = new Map<string, ParsedMrz['corrections'][number]>();
    const [numberFrom, numberTo] = NUMBER_COLUMNS[format];
    for (let column = 0; column < raw.length; column++) {
      // The number and its digit are guarded by one check only (the composite adds the same
      // sum): a deletion there could pass by chance, so none is tried.
      if (i === NUMBER_LINE[format] && column >= numberFrom && column <= numberTo) continue;
      const text = raw.slice(0, column) + raw.slice(column + 1);
      if (!seen.has(text)) seen.set(text, { line: i, column, from: raw.charAt(column), to: '' });
    }
    options.push([...seen].map(([text, correction]) => ({ text, correction })));
  }
  const trials = options.reduce((n, o) => n * o.length, 1);
  if (trials > MAX_DELETION_TRIALS) return null;
  const holding: ParsedMrz[] = [];
  const walk = (i: number, chosen: (typeof options)[number]) => {
    if (i === options.length) {
      const fixes = chosen.flatMap((o) => (o.correction ? [o.correction] : []));
      const parsed = parseFitted(
        chosen.map((o) => o.text),
        format,
        used,
        [...earlier, ...fixes],
        false,
      );
      if (parsed?.checkDigitsValid) holding.push(parsed);
      return;
    }
    for (const option of options[i] ?? []) walk(i + 1, [...chosen, option]);
  };
  walk(0, []);
  const distinct = new Set(holding.map((p) => p.lines.join('\n')));
  return distinct.size === 1 ? (holding[0] ?? null) : null;
}

export function readMrzText(texts: readonly string[]): ParsedMrz | null {
  const zone = zoneLines(texts);
  const format = formatFor(zone.lines);
  if (!format) return null;
  const wanted = LINES[format];
  const picked = zone.lines.slice(-wanted);
  const used = zone.used.slice(-wanted);
  const tail = repairNameTail(picked, format);
  const fitted = picked.map((line) => fit(line, LENGTH[format]));
  if (fitted.some((line) => line === null))
    return repairExtraCharacter(fitted, picked, format, used, tail);
  const parsed = parseFitted(fitted as string[], format, used, tail);
  if (parsed?.checkDigitsValid !== false) return parsed;
  // A checked line one too long was fitted by dropping a trailing filler; the extra character
  // may be elsewhere.
  const long = fitted.map((line, i) =>
    CHECKED_LINES[format].includes(i) && picked[i]?.length === LENGTH[format] + 1 ? null : line,
  );
  if (!long.includes(null)) return parsed;
  return repairExtraCharacter(long, picked, format, used, tail) ?? parsed;
}

/** YYMMDD → YYYY-MM-DD. Birth dates are never in the future; expiry dates are 20YY. */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: Date): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  const thisYear = today.getUTCFullYear() % 100;
  const century =
    kind === 'birth' ? (yy > thisYear ? 1900 : 2000) : yy >= thisYear + 50 ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}
