import { checkDigit, type MrzFormat } from './text.ts';

/**
 * Characters under saturated glare: cells the glyph reader found without any print (a lamp's
 * reflection washed them out). Their reading is not known, so it is not guessed: where a check
 * digit covers the field, each character its position allows is tried, and a cell is set only
 * when exactly one choice for the field's washed-out cells makes its check digit hold — and the
 * composite check still holds over the whole zone; where fillers stand on both sides of a run
 * of washed-out cells outside any checked field, they are fillers (ICAO 9303 fills a field's
 * end with `<`). Each such setting is reported as a correction caused by glare.
 */

export interface GlareCorrection {
  line: number;
  column: number;
  from: string;
  to: string;
  cause: 'glare';
}

interface Field {
  line: number;
  from: number;
  /** Exclusive. */
  to: number;
  /** Column of its check digit on the same line. */
  check: number;
  set: string;
}

const DIGITS = '0123456789';
const ALNUM = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${DIGITS}<`;

const FIELDS: Record<MrzFormat, Field[]> = {
  TD1: [
    { line: 0, from: 5, to: 14, check: 14, set: ALNUM },
    { line: 1, from: 0, to: 6, check: 6, set: DIGITS },
    { line: 1, from: 8, to: 14, check: 14, set: DIGITS },
  ],
  TD2: [
    { line: 1, from: 0, to: 9, check: 9, set: ALNUM },
    { line: 1, from: 13, to: 19, check: 19, set: DIGITS },
    { line: 1, from: 21, to: 27, check: 27, set: DIGITS },
  ],
  TD3: [
    { line: 1, from: 0, to: 9, check: 9, set: ALNUM },
    { line: 1, from: 13, to: 19, check: 19, set: DIGITS },
    { line: 1, from: 21, to: 27, check: 27, set: DIGITS },
    { line: 1, from: 28, to: 42, check: 42, set: ALNUM },
  ],
};

/** The composite check digit: where it is and the spans it covers, as [line, from, to). */
const COMPOSITE: Record<
  MrzFormat,
  { line: number; at: number; spans: [number, number, number][] }
> = {
  TD1: {
    line: 1,
    at: 29,
    spans: [
      [0, 5, 30],
      [1, 0, 7],
      [1, 8, 15],
      [1, 18, 29],
    ],
  },
  TD2: {
    line: 1,
    at: 35,
    spans: [
      [1, 0, 10],
      [1, 13, 20],
      [1, 21, 35],
    ],
  },
  TD3: {
    line: 1,
    at: 43,
    spans: [
      [1, 0, 10],
      [1, 13, 20],
      [1, 21, 43],
    ],
  },
};

/** Alternatives tried at most for one field (two washed-out alphanumeric cells: 37²). */
const MAX_TRIALS = 1400;

function compositeHolds(lines: readonly string[], format: MrzFormat): boolean {
  const c = COMPOSITE[format];
  const text = c.spans.map(([l, a, b]) => (lines[l] ?? '').slice(a, b)).join('');
  return checkDigit(text) === (lines[c.line] ?? '').charAt(c.at);
}

/**
 * The lines with their washed-out cells resolved where the check digits prove one reading
 * (`blanks[line]` lists the washed-out columns of each line); unchanged, with no corrections,
 * where they do not.
 */
export function resolveGlare(
  texts: readonly string[],
  blanks: readonly (readonly number[])[],
  format: MrzFormat,
): { lines: string[]; corrections: GlareCorrection[] } {
  const lines = texts.map((t) => Array.from(t));
  const corrections: GlareCorrection[] = [];
  const set = (line: number, column: number, to: string) => {
    const from = lines[line]?.[column] ?? '';
    if (from === to) return;
    (lines[line] as string[])[column] = to;
    corrections.push({ line, column, from, to, cause: 'glare' });
  };
  const isBlank = (line: number, column: number) => blanks[line]?.includes(column) ?? false;
  const covered = new Set<string>();
  for (const field of FIELDS[format]) {
    const cells: number[] = [];
    for (let k = field.from; k <= field.check; k++) {
      covered.add(`${field.line}:${k}`);
      if (isBlank(field.line, k)) cells.push(k);
    }
    if (cells.length === 0) continue;
    const line = lines[field.line];
    if (!line) continue;
    const options = cells.map((k) => (k === field.check ? DIGITS : field.set));
    const trials = options.reduce((n, o) => n * o.length, 1);
    if (trials > MAX_TRIALS) continue;
    const holding: string[][] = [];
    const walk = (i: number, chosen: string[]) => {
      if (i === cells.length) {
        const trial = [...line];
        cells.forEach((k, j) => (trial[k] = chosen[j] ?? '<'));
        const value = trial.slice(field.from, field.to).join('');
        if (checkDigit(value) === trial[field.check]) holding.push(chosen);
        return;
      }
      for (const c of options[i] ?? '') walk(i + 1, [...chosen, c]);
    };
    walk(0, []);
    const [only] = holding;
    if (holding.length === 1 && only) cells.forEach((k, j) => set(field.line, k, only[j] ?? '<'));
  }
  // Outside the checked fields: a washed-out run between fillers is fillers.
  lines.forEach((line, l) => {
    for (const k of blanks[l] ?? []) {
      if (covered.has(`${l}:${k}`)) continue;
      let left = k - 1;
      while (left >= 0 && isBlank(l, left)) left--;
      let right = k + 1;
      while (right < line.length && isBlank(l, right)) right++;
      const before = left < 0 ? '<' : line[left];
      const after = right >= line.length ? '<' : line[right];
      if (before === '<' && after === '<') set(l, k, '<');
    }
  });
  const resolved = lines.map((l) => l.join(''));
  // A setting the composite check denies is undone: nothing is guessed.
  if (corrections.length > 0 && !compositeHolds(resolved, format))
    return { lines: [...texts], corrections: [] };
  return { lines: resolved, corrections };
}
