/**
 * Matching what a document prints against what its MRZ states, tolerant of how
 * documents print it: accents and case (NÚÑEZ ↔ NUNEZ, MÜLLER ↔ MUELLER), dates in any common
 * order and separator (15.01.2034, 15 JAN 2034, 15/01/2034, 2034-01-15, months in English,
 * Spanish, French, German, Italian, Portuguese), numbers with spaces, and the characters OCR
 * confuses in a number (O/0, I/1, S/5, B/8, Z/2). Pure functions: no image, no OCR.
 */

/** Upper-case ASCII letters and digits, accents removed; every other run of characters one space. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'SS')
    .replace(/[Øø]/g, 'O')
    .replace(/[Ææ]/g, 'AE')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The ICAO transliterations where they differ from dropping the accent (Ä → AE, Å → AA, Ñ → NXX is not used). */
function foldIcao(text: string): string {
  return fold(
    text
      .replace(
        /[ÄäÖöÜü]/g,
        (c) => ({ Ä: 'AE', ä: 'ae', Ö: 'OE', ö: 'oe', Ü: 'UE', ü: 'ue' })[c] ?? c,
      )
      .replace(/[Åå]/g, (c) => (c === 'Å' ? 'AA' : 'aa')),
  );
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

export type NameMatch = 'agrees' | 'differs' | 'unclear';

/**
 * A printed name against the MRZ's (fillers as spaces): letters compared without spaces,
 * hyphens, accents or case; an OCR slip (one letter in eight) still agrees. An MRZ name cut at
 * the zone's width agrees with a printed name it begins. `differs` only when far apart.
 */
export function matchName(printed: string, mrz: string): NameMatch {
  const want = fold(mrz.replace(/</g, ' ')).replace(/[^A-Z]/g, '');
  if (want === '') return 'unclear';
  // MÜLLER read without its accent against the MRZ's MUELLER.
  const wants = [want, want.replace(/([AOU])E/g, '$1')];
  let best = Infinity;
  for (const variant of [fold(printed), foldIcao(printed)]) {
    const got = variant.replace(/[^A-Z]/g, '');
    if (got === '') continue;
    const d = Math.min(...wants.map((w) => editDistance(got, w)));
    best = Math.min(best, d);
    if (got.length > want.length && got.startsWith(want) && want.length >= 10)
      best = Math.min(best, 0);
  }
  if (!Number.isFinite(best)) return 'unclear';
  if (best <= Math.max(0, Math.floor(want.length / 8))) return 'agrees';
  if (best >= Math.max(2, Math.ceil(want.length * 0.34))) return 'differs';
  return 'unclear';
}

/** A number's characters as OCR may confuse them, mapped to one of each pair. */
export function canonicalNumber(text: string): string {
  return fold(text)
    .replace(/ /g, '')
    .replace(/O|Q|D/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/S/g, '5')
    .replace(/B/g, '8')
    .replace(/Z/g, '2');
}

/** A printed document number against the MRZ's (fillers dropped). */
export function matchNumber(printed: string, mrz: string): NameMatch {
  const want = canonicalNumber(mrz.replace(/</g, ''));
  const got = canonicalNumber(printed);
  if (want === '' || got === '') return 'unclear';
  if (got === want) return 'agrees';
  // A national number printed with a prefix or the check digit after it.
  if (got.length > want.length && (got.endsWith(want) || got.startsWith(want))) return 'agrees';
  return got.length >= want.length - 1 ? 'differs' : 'unclear';
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  ['JAN', 'JANUARY', 'ENE', 'ENERO', 'JANV', 'JANVIER', 'JANUAR', 'GEN', 'GENNAIO', 'JANEIRO'],
  ['FEB', 'FEBRUARY', 'FEBRERO', 'FEV', 'FEVR', 'FEVRIER', 'FEBRUAR', 'FEBBRAIO', 'FEVEREIRO'],
  ['MAR', 'MARCH', 'MARZO', 'MARS', 'MARZ', 'MAERZ', 'MARCO'],
  ['APR', 'APRIL', 'ABR', 'ABRIL', 'AVR', 'AVRIL', 'APRILE'],
  ['MAY', 'MAYO', 'MAI', 'MAG', 'MAGGIO', 'MAIO'],
  ['JUN', 'JUNE', 'JUNIO', 'JUIN', 'JUNI', 'GIU', 'GIUGNO', 'JUNHO'],
  ['JUL', 'JULY', 'JULIO', 'JUIL', 'JUILLET', 'JULI', 'LUG', 'LUGLIO', 'JULHO'],
  ['AUG', 'AUGUST', 'AGO', 'AGOSTO', 'AOU', 'AOUT'],
  ['SEP', 'SEPT', 'SEPTEMBER', 'SEPTIEMBRE', 'SET', 'SETTEMBRE', 'SETEMBRO', 'SEPTEMBRE'],
  ['OCT', 'OCTOBER', 'OCTUBRE', 'OCTOBRE', 'OKT', 'OKTOBER', 'OTT', 'OTTOBRE', 'OUT', 'OUTUBRO'],
  ['NOV', 'NOVEMBER', 'NOVIEMBRE', 'NOVEMBRE', 'NOVEMBRO'],
  ['DEC', 'DECEMBER', 'DIC', 'DICIEMBRE', 'DECEMBRE', 'DEZ', 'DEZEMBER', 'DICEMBRE', 'DEZEMBRO'],
];
MONTH_NAMES.forEach((names, i) => {
  for (const name of names) MONTHS[name] = i + 1;
});

export interface PrintedDate {
  year: number;
  month: number;
  day: number;
}

const digitsLike = (s: string) => s.replace(/O/g, '0').replace(/[IL]/g, '1');

/**
 * The dates in a text: day-month-year with any of `.`, `/`, `-` or spaces, a month's name in
 * place of its number (15 JAN 2034, 15JAN2034, JAN 15 2034), and year-month-day (2034-01-15).
 * Two-digit years are kept as such (year < 100).
 */
export function findDates(text: string): PrintedDate[] {
  const t = fold(text.replace(/[./-]/g, ' '));
  const out: PrintedDate[] = [];
  const valid = (d: PrintedDate) =>
    d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 && d.year >= 0;
  const push = (d: PrintedDate) => {
    if (valid(d)) out.push(d);
  };
  const tokens = t.split(' ').flatMap((tok) => {
    // 15JAN2034 → 15 JAN 2034
    const m = /^(\d{1,2})([A-Z]{3,9})(\d{2,4})$/.exec(tok);
    return m ? [m[1] ?? '', m[2] ?? '', m[3] ?? ''] : [tok];
  });
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a = '', b = '', c = ''] = tokens.slice(i, i + 3);
    const na = digitsLike(a);
    const nb = digitsLike(b);
    const nc = digitsLike(c);
    const month = MONTHS[b] ?? null;
    if (/^\d{4}$/.test(na) && /^\d{1,2}$/.test(nb) && /^\d{1,2}$/.test(nc))
      push({ year: Number(na), month: Number(nb), day: Number(nc) });
    else if (/^\d{1,2}$/.test(na) && month && /^(\d{2}|\d{4})$/.test(nc))
      push({ year: Number(nc), month, day: Number(na) });
    else if (MONTHS[a] && /^\d{1,2}$/.test(nb) && /^(\d{2}|\d{4})$/.test(nc))
      push({ year: Number(nc), month: MONTHS[a] ?? 0, day: Number(nb) });
    else if (/^\d{1,2}$/.test(na) && /^\d{1,2}$/.test(nb) && /^(\d{2}|\d{4})$/.test(nc))
      push({ year: Number(nc), month: Number(nb), day: Number(na) });
  }
  // 15012034 or 20340115 printed without separators.
  for (const tok of tokens) {
    const n = digitsLike(tok);
    if (!/^\d{8}$/.test(n)) continue;
    const y = Number(n.slice(0, 4));
    if (y >= 1900 && y <= 2100)
      push({ year: y, month: Number(n.slice(4, 6)), day: Number(n.slice(6, 8)) });
    else
      push({ year: Number(n.slice(4)), month: Number(n.slice(2, 4)), day: Number(n.slice(0, 2)) });
  }
  return out;
}

/** A printed date against the MRZ's YYMMDD: the same day, month and year's last two digits. */
export function sameDate(printed: PrintedDate, yymmdd: string): boolean {
  return (
    printed.year % 100 === Number(yymmdd.slice(0, 2)) &&
    printed.month === Number(yymmdd.slice(2, 4)) &&
    printed.day === Number(yymmdd.slice(4, 6))
  );
}

/** Matches the dates found in a printed value against the MRZ's YYMMDD. */
export function matchDate(printed: string, yymmdd: string): NameMatch {
  if (!/^\d{6}$/.test(yymmdd)) return 'unclear';
  const dates = findDates(printed);
  if (dates.length === 0) return 'unclear';
  return dates.some((d) => sameDate(d, yymmdd)) ? 'agrees' : 'differs';
}

const SEXES: Record<string, 'M' | 'F' | 'X'> = {
  M: 'M',
  MALE: 'M',
  H: 'M',
  HOMBRE: 'M',
  V: 'M',
  VARON: 'M',
  MASCULINO: 'M',
  MASCULIN: 'M',
  MANNLICH: 'M',
  MAENNLICH: 'M',
  F: 'F',
  FEMALE: 'F',
  MUJER: 'F',
  FEMENINO: 'F',
  FEMININ: 'F',
  W: 'F',
  WEIBLICH: 'F',
  X: 'X',
};

/** A printed sex (M, F, X, in several languages; "M/H" counts once) against the MRZ's M, F or <. */
export function matchSex(printed: string, mrz: string): NameMatch {
  const want = mrz === 'M' || mrz === 'F' ? mrz : 'X';
  const seen = new Set(
    fold(printed)
      .split(' ')
      .map((t) => SEXES[t])
      .filter((s) => s !== undefined),
  );
  if (seen.size !== 1) return 'unclear';
  return seen.has(want) ? 'agrees' : 'differs';
}

/**
 * A printed nationality against the MRZ's code: the code itself, the country's name, or a
 * word that begins with the code (UTOPIA, ESPAÑOLA, MEXICANA). `differs` only for another code
 * or another country's name.
 */
export function matchNationality(
  printed: string,
  code: string,
  nameOf: (code: string) => string | null,
  codeOf: (text: string) => string | null,
): NameMatch {
  const want = code.replace(/</g, '');
  const words = fold(printed).split(' ').filter(Boolean);
  if (want === '' || words.length === 0) return 'unclear';
  const name = nameOf(want);
  const joined = words.join('');
  if (words.includes(want)) return 'agrees';
  if (name && fold(name).replace(/ /g, '') === joined) return 'agrees';
  if (words.some((w) => w.length > 3 && w.startsWith(want))) return 'agrees';
  const other = codeOf(words.join(' '));
  if (other && other !== want) return 'differs';
  return 'unclear';
}
