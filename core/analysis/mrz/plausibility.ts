import type { MrzFormat, ParsedMrz } from './text.ts';

/**
 * Whether a parsed zone is structurally a zone at all (ICAO 9303 parts 4–5): every position has
 * its character set (dates and check digits are digits, countries and names letters or fillers,
 * the document code a letter), fillers stand only where the format allows them, and most check
 * digits hold. A reading that fails is not a misread to be reported with flags but garbage — a
 * zone read upside down, a row of another text, glyphs cut on the wrong grid — and is refused:
 * a wrong reading reported as read costs a reviewer more than none.
 */

type Charset = 'A' | 'N' | 'AN' | 'A<' | 'N<' | 'AN<' | 'SEX' | 'NAME';

/** [line, first column, last column (exclusive), charset] for each field of a format. */
type Layout = readonly (readonly [number, number, number, Charset])[];

const LAYOUTS: Record<MrzFormat, Layout> = {
  TD1: [
    [0, 0, 1, 'A'],
    [0, 1, 2, 'A<'],
    [0, 2, 5, 'A<'],
    [0, 5, 14, 'AN<'],
    [0, 14, 15, 'N<'],
    [0, 15, 30, 'AN<'],
    [1, 0, 6, 'N'],
    [1, 6, 7, 'N'],
    [1, 7, 8, 'SEX'],
    [1, 8, 14, 'N'],
    [1, 14, 15, 'N'],
    [1, 15, 18, 'A<'],
    [1, 18, 29, 'AN<'],
    [1, 29, 30, 'N'],
    [2, 0, 30, 'NAME'],
  ],
  TD2: [
    [0, 0, 1, 'A'],
    [0, 1, 2, 'A<'],
    [0, 2, 5, 'A<'],
    [0, 5, 36, 'NAME'],
    [1, 0, 9, 'AN<'],
    [1, 9, 10, 'N'],
    [1, 10, 13, 'A<'],
    [1, 13, 19, 'N'],
    [1, 19, 20, 'N'],
    [1, 20, 21, 'SEX'],
    [1, 21, 27, 'N'],
    [1, 27, 28, 'N'],
    [1, 28, 35, 'AN<'],
    [1, 35, 36, 'N'],
  ],
  TD3: [
    [0, 0, 1, 'A'],
    [0, 1, 2, 'A<'],
    [0, 2, 5, 'A<'],
    [0, 5, 44, 'NAME'],
    [1, 0, 9, 'AN<'],
    [1, 9, 10, 'N'],
    [1, 10, 13, 'A<'],
    [1, 13, 19, 'N'],
    [1, 19, 20, 'N'],
    [1, 20, 21, 'SEX'],
    [1, 21, 27, 'N'],
    [1, 27, 28, 'N'],
    [1, 28, 42, 'AN<'],
    [1, 42, 43, 'N<'],
    [1, 43, 44, 'N'],
  ],
};

const DOCUMENT_CODES: Record<MrzFormat, string> = { TD1: 'ACI', TD2: 'ACIV', TD3: 'PV' };

function fits(c: string, set: Charset): boolean {
  const letter = c >= 'A' && c <= 'Z';
  const digit = c >= '0' && c <= '9';
  const filler = c === '<';
  switch (set) {
    case 'A':
      return letter;
    case 'N':
      return digit;
    case 'AN':
      return letter || digit;
    case 'A<':
    case 'NAME':
      return letter || filler;
    case 'N<':
      return digit || filler;
    case 'AN<':
      return letter || digit || filler;
    case 'SEX':
      return c === 'M' || c === 'F' || c === 'X' || filler;
  }
}

export interface Plausibility {
  plausible: boolean;
  /** Characters outside their position's character set, or fillers where none may stand. */
  violations: number;
  /** Check digits that do not hold, of all of them. */
  failing: number;
  checks: number;
  /** What failed, for the reviewer's sentence (empty when plausible). */
  why: string[];
}

/** Characters out of place a zone may show and still be a zone (one misread glyph). */
const MAX_VIOLATIONS = 1;
/** Corrections a real zone may need (format look-alikes, a dropped character); more is noise. */
const MAX_CORRECTIONS = 6;

/** How a parsed zone stands against its format (see the module's comment). */
export function plausibility(
  parsed: Pick<ParsedMrz, 'format' | 'lines' | 'checkDigits' | 'corrections'>,
): Plausibility {
  const why: string[] = [];
  let violations = 0;
  for (const [line, from, to, set] of LAYOUTS[parsed.format]) {
    const text = parsed.lines[line] ?? '';
    for (let k = from; k < to; k++) if (!fits(text.charAt(k) || '?', set)) violations++;
    // A run of one letter where fillers stand (the OCR engine reads OCR-B's `<` as K or L): not
    // what is printed, though each letter is allowed there.
    if (set === 'AN<' || set === 'NAME')
      for (const run of text.slice(from, to).match(/([A-Z])\1{3,}/g) ?? [])
        violations += run.length;
    // In optional data, a K or L among fillers is such a misread filler too.
    if (set === 'AN<' && to - from > 9)
      for (let k = from; k < to; k++) {
        const c = text.charAt(k);
        const near = (d: number) => /[<KL]/.test(text.charAt(k + d) || '<');
        const amongFillers = text.slice(Math.max(0, k - 2), k + 3).includes('<');
        if ((c === 'K' || c === 'L') && (near(-1) || near(1)) && amongFillers) violations++;
      }
    if (set === 'NAME') {
      // A name field starts with a letter; after the first `<<<` it holds fillers only.
      if (!fits(text.charAt(from), 'A') || text.charAt(from) === '<') violations++;
      const tail = text.indexOf('<<<', from);
      if (tail >= 0 && /[^<]/.test(text.slice(tail, to))) violations++;
    }
  }
  // The document code's first letter says the format (ICAO 9303: P or V on a passport's TD3;
  // A, C or I on a card's TD1 and TD2, V on a TD2 visa): a spurious character before the zone
  // shifts the line and shows here.
  const code = (parsed.lines[0] ?? '').charAt(0);
  if (!DOCUMENT_CODES[parsed.format].includes(code)) violations += 2;
  // A TD1's two optional-data fields holding the same text: the rows were read from something
  // other than print (a pattern, a fold) — two fields of one document do not repeat each other.
  if (parsed.format === 'TD1') {
    const a = (parsed.lines[0] ?? '').slice(15, 30).replace(/^<+|<+$/g, '');
    const b = (parsed.lines[1] ?? '').slice(18, 29).replace(/^<+|<+$/g, '');
    const shorter = a.length <= b.length ? a : b;
    const longer = a.length <= b.length ? b : a;
    if (shorter.length >= 4 && longer.includes(shorter.slice(0, 4))) violations += shorter.length;
  }
  // A date field that is all digits yet no date (month 13, day 00) is out of place too.
  const dates: readonly (readonly [number, number])[] =
    parsed.format === 'TD1'
      ? [
          [1, 0],
          [1, 8],
        ]
      : [
          [1, 13],
          [1, 21],
        ];
  for (const [line, at] of dates) {
    const d = (parsed.lines[line] ?? '').slice(at, at + 6);
    if (/^\d{6}$/.test(d)) {
      const mm = Number(d.slice(2, 4));
      const dd = Number(d.slice(4, 6));
      if (mm < 1 || mm > 12 || dd < 1 || dd > 31) violations++;
    }
  }
  const values = Object.values(parsed.checkDigits);
  const failing = values.filter((ok) => !ok).length;
  if (violations > MAX_VIOLATIONS)
    why.push(`${violations} characters stand where the format does not allow them`);
  if (values.length === 0 || failing * 2 > values.length)
    why.push(`${failing} of ${values.length} check digits do not hold`);
  const changes = parsed.corrections.filter((c) => c.to !== '<').length;
  if (changes > MAX_CORRECTIONS) why.push(`${changes} characters had to be corrected`);
  return { plausible: why.length === 0, violations, failing, checks: values.length, why };
}
