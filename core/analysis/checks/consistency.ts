import type {
  Consistency,
  ConsistencyField,
  ConsistencyFieldName,
  ConsistencyReason,
  MrzRead,
  SlotRegion,
} from '../../../shared/analysis.ts';
import type { Box } from '../image/grey-image.ts';
import type { PageWord } from '../mrz/ocr-engine.ts';
import { countryCode, countryName } from './countries.ts';
import {
  fold,
  matchDate,
  matchName,
  matchNationality,
  matchNumber,
  matchSex,
  type NameMatch,
} from './printed-values.ts';

/**
 * The document agrees with itself: each value the MRZ states — surname, given names,
 * document number, dates of birth and expiry, sex, nationality — looked for in the printed
 * words of the visual zone (the ID card's front, the passport's data page), by label rather
 * than by one card's layout:
 *
 * 1. Labels: every place a field's label appears, in any of the languages of {@link LABELS}
 *    (bilingual labels such as "SURNAME / APELLIDO" included), read as whole words, accents and
 *    case ignored, one OCR slip allowed in a long word.
 * 2. The value's place: the words after the label on its line (a "Surname: NÚÑEZ" layout), or
 *    else the nearest line below it, starting under the label and ending before the next
 *    column (a label-above-value layout).
 * 3. Compare (printed-values.ts). `agrees` when the value at some label of the field matches;
 *    `differs` only when every label's place holds a clearly read value ({@link CLEAR} or more
 *    confidence per word) that is clearly another; otherwise, and where no label is found,
 *    the value is searched for anywhere on the page (outside the MRZ) and `agrees` when found
 *    — and `cannot_tell`, with a reason, when not.
 *
 * Front against back (TD1): from the fields that identify a card — the number, the names, the
 * dates — `different_documents` when the number and another of them differ, or three of them
 * do; `same_document` when the number agrees, a name or the birth date agrees, and nothing
 * differs; otherwise `cannot_tell`. A passport's data page carries both: `not_applicable`.
 */

/** Labels, as {@link fold} leaves them (upper-case ASCII, words separated by one space). */
export const LABELS: Record<ConsistencyFieldName, readonly string[]> = {
  surname: [
    'SURNAME',
    'SURNAMES',
    'FAMILY NAME',
    'LAST NAME',
    'APELLIDO',
    'APELLIDOS',
    'NOM',
    'NOM DE FAMILLE',
    'NACHNAME',
    'FAMILIENNAME',
    'COGNOME',
    'SOBRENOME',
    'APELIDO',
    'ACHTERNAAM',
    'NAZWISKO',
    'PRIJMENI',
    'EFTERNAMN',
    'ETTERNAVN',
  ],
  givenNames: [
    'GIVEN NAMES',
    'GIVEN NAME',
    'FORENAMES',
    'FORENAME',
    'FIRST NAME',
    'FIRST NAMES',
    'NOMBRE',
    'NOMBRES',
    'PRENOM',
    'PRENOMS',
    'VORNAME',
    'VORNAMEN',
    'NOME',
    'NOMES',
    'VOORNAMEN',
    'IMIONA',
    'JMENO',
    'FORNAVN',
    'FORNAMN',
  ],
  documentNumber: [
    'DOCUMENT NO',
    'DOCUMENT NUMBER',
    'DOC NO',
    'CARD NO',
    'CARD NUMBER',
    'ID NO',
    'PASSPORT NO',
    'PASSPORT NUMBER',
    'NUMERO',
    'NUMERO DE DOCUMENTO',
    'NUM DOCUMENTO',
    'DOCUMENTO',
    'DOCUMENTO NO',
    'NUMERO DU DOCUMENT',
    'NUMERO DE PASSEPORT',
    'PASAPORTE NO',
    'NO DE PASAPORTE',
    'DOKUMENTNUMMER',
    'AUSWEISNUMMER',
    'PASSNUMMER',
    'NUMERO DOCUMENTO',
  ],
  birthDate: [
    'DATE OF BIRTH',
    'BIRTH DATE',
    'DOB',
    'BORN',
    'FECHA DE NACIMIENTO',
    'FECHA NACIMIENTO',
    'NACIMIENTO',
    'DATE DE NAISSANCE',
    'NE LE',
    'GEBURTSDATUM',
    'GEBOREN AM',
    'DATA DI NASCITA',
    'DATA DE NASCIMENTO',
    'GEBOORTEDATUM',
  ],
  expiryDate: [
    'DATE OF EXPIRY',
    'EXPIRY DATE',
    'EXPIRY',
    'EXPIRES',
    'DATE OF EXPIRATION',
    'EXPIRATION DATE',
    'VALID UNTIL',
    'VALID THRU',
    'FECHA DE CADUCIDAD',
    'CADUCIDAD',
    'VALIDO HASTA',
    'VENCIMIENTO',
    'FECHA DE VENCIMIENTO',
    'DATE D EXPIRATION',
    'EXPIRATION',
    'GULTIG BIS',
    'SCADENZA',
    'DATA DI SCADENZA',
    'VALIDADE',
    'GELDIG TOT',
  ],
  sex: ['SEX', 'SEXO', 'SEXE', 'GESCHLECHT', 'SESSO', 'GESLACHT', 'PLEC'],
  nationality: [
    'NATIONALITY',
    'NACIONALIDAD',
    'NATIONALITE',
    'STAATSANGEHORIGKEIT',
    'NAZIONALITA',
    'NACIONALIDADE',
    'NATIONALITEIT',
  ],
};

/** A value word read with less confidence (0–100) cannot make a `differs`. */
export const CLEAR = 80;

interface Token {
  word: PageWord;
  key: string;
  index: number;
}

interface Label {
  field: ConsistencyFieldName;
  box: Box;
  /** Indices of the words it is made of. */
  words: number[];
  height: number;
}

interface Place {
  text: string;
  /** The lowest word confidence in it. */
  confidence: number;
  box: Box;
}

function union(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.left + b.width));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  return { left, top, width: right - left, height: bottom - top };
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One word of a label against one read word: equal, or one slip in a word of five or more. */
function sameWord(read: string, label: string): boolean {
  if (read === label) return true;
  if (label.length < 5 || Math.abs(read.length - label.length) > 1) return false;
  let a = 0;
  let b = 0;
  let slips = 0;
  while (a < read.length || b < label.length) {
    if (read[a] === label[b]) {
      a++;
      b++;
      continue;
    }
    if (++slips > 1) return false;
    if (read.length > label.length) a++;
    else if (read.length < label.length) b++;
    else {
      a++;
      b++;
    }
  }
  return true;
}

/** The words as tokens: each read word folded, split where it holds several (NO.NATIONALITY). */
function tokens(words: readonly PageWord[]): Token[] {
  const out: Token[] = [];
  words.forEach((word, index) => {
    for (const key of fold(word.text).split(' ')) if (key !== '') out.push({ word, key, index });
  });
  return out;
}

function findLabels(words: readonly PageWord[]): Label[] {
  const toks = tokens(words);
  const found: Label[] = [];
  for (const [field, labels] of Object.entries(LABELS) as [ConsistencyFieldName, string[]][]) {
    for (const label of labels) {
      const parts = label.split(' ');
      for (let i = 0; i + parts.length <= toks.length; i++) {
        const run = toks.slice(i, i + parts.length);
        if (run.some((t) => t.word.line !== run[0]?.word.line)) continue;
        if (!run.every((t, k) => sameWord(t.key, parts[k] ?? ''))) continue;
        const indices = [...new Set(run.map((t) => t.index))];
        const box = union(indices.map((k) => (words[k] as PageWord).box));
        found.push({
          field,
          box,
          words: indices,
          height: median(indices.map((k) => (words[k] as PageWord).box.height)),
        });
      }
    }
  }
  // A longer label covering a shorter one of the same field (FECHA DE NACIMIENTO, NACIMIENTO).
  return found.filter(
    (l) =>
      !found.some(
        (o) =>
          o !== l &&
          o.field === l.field &&
          o.words.length > l.words.length &&
          l.words.every((w) => o.words.includes(w)),
      ),
  );
}

/** The value's place beside or under `label`, or null when nothing is there. */
/** A value's place, and whether it is sure to be the label's (only then may it differ). */
type PlaceAt = Place & { certain: boolean; beside: boolean };

/** `b`'s vertical centre lies within `a`'s height (and a third of it either side). */
function sameRow(a: Box, b: Box): boolean {
  const centre = b.top + b.height / 2;
  return centre > a.top - a.height / 3 && centre < a.top + a.height * (4 / 3);
}

/**
 * The value's place beside or under `label`, or null when nothing is there.
 *
 * Beside: the words after the label on its row — at once after it, or after a colon at any
 * distance — up to a gap wider than two and a half letters' height; punctuation (SURNAME /
 * APELLIDO) and the same field's label in another language are skipped, another label ends it.
 * Under: the nearest row below, beginning under the label's start and ending before the next
 * column; a row that holds a label of its own is another field's, never this one's.
 */
function placeOf(
  label: Label,
  words: readonly PageWord[],
  labelWords: Set<number>,
  sameField: (word: number) => boolean,
): PlaceAt[] {
  const h = Math.max(8, label.height);
  const right = label.box.left + label.box.width;
  const asPlace = (indices: number[]): Place | null => {
    if (indices.length === 0) return null;
    const ws = indices.map((k) => words[k] as PageWord);
    return {
      text: ws.map((w) => w.text).join(' '),
      confidence: Math.min(...ws.map((w) => w.confidence)),
      box: union(ws.map((w) => w.box)),
    };
  };
  const indexed = words.map((w, k) => ({ w, k }));
  const row = indexed
    .filter(({ w, k }) => !label.words.includes(k) && sameRow(label.box, w.box))
    .filter(({ w }) => w.box.left >= right - h * 0.2)
    .sort((a, b) => a.w.box.left - b.w.box.left);
  let labelText = label.words.map((k) => words[k]?.text ?? '').join(' ');
  let labelEnd = right;
  let at = 0;
  // The label's own glue and translations.
  for (; at < row.length; at++) {
    const { w, k } = row[at] as { w: PageWord; k: number };
    if (w.box.left - labelEnd > 2.5 * h) break;
    if (fold(w.text) !== '' && !(labelWords.has(k) && sameField(k))) break;
    labelEnd = w.box.left + w.box.width;
    labelText += ` ${w.text}`;
  }
  const colon = /:\s*$/.test(labelText) || /^:/.test(row[at]?.w.text ?? '');
  const places: PlaceAt[] = [];
  const besideRun: number[] = [];
  let edge = labelEnd;
  let near = colon;
  for (; at < row.length; at++) {
    const { w, k } = row[at] as { w: PageWord; k: number };
    const gap = w.box.left - edge;
    if (besideRun.length === 0 && gap < 1.6 * h) near = true;
    const limit = besideRun.length === 0 ? 20 * h : 2.5 * h;
    if (gap > limit || labelWords.has(k)) break;
    edge = w.box.left + w.box.width;
    if (fold(w.text) === '') continue;
    besideRun.push(k);
  }
  const beside = asPlace(besideRun);
  // Far beside without a colon may be another column's text: it can agree, never differ.
  if (beside) places.push({ ...beside, certain: near, beside: true });
  if (beside && near) return places;
  // Under.
  const nextColumn = Math.min(
    Infinity,
    ...row
      .filter(({ w }) => w.box.left > labelEnd + 1.5 * h && fold(w.text) !== '')
      .map(({ w }) => w.box.left),
  );
  const below = indexed.filter(
    ({ w }) =>
      w.box.top > label.box.top + label.box.height * 0.5 &&
      w.box.top < label.box.top + label.box.height + 2.2 * h,
  );
  if (below.length === 0) return places;
  const top = Math.min(...below.map(({ w }) => w.box.top));
  const firstRow = below.filter(({ w }) => w.box.top < top + 0.8 * Math.max(h, w.box.height));
  const rowBox = union(firstRow.map(({ w }) => w.box));
  // A row with a label left of the value is a "Label: value" row of another field.
  const labelled = indexed.some(
    ({ w, k }) =>
      labelWords.has(k) &&
      !sameField(k) &&
      sameRow(rowBox, w.box) &&
      w.box.left < label.box.left + 3 * h,
  );
  if (labelled) return places;
  const candidates = firstRow
    .filter(
      ({ w, k }) =>
        !labelWords.has(k) &&
        w.box.left + w.box.width > label.box.left - 0.5 * h &&
        w.box.left >= label.box.left - 1.5 * h &&
        w.box.left < Math.min(nextColumn, label.box.left + 40 * h),
    )
    .sort((a, b) => a.w.box.left - b.w.box.left);
  // The value begins under the label's start.
  if (candidates.length === 0 || (candidates[0]?.w.box.left ?? 0) > label.box.left + 3 * h)
    return places;
  const run: number[] = [];
  let end = -Infinity;
  for (const { w, k } of candidates) {
    if (end !== -Infinity && w.box.left - end > 2.5 * h) break;
    end = w.box.left + w.box.width;
    if (fold(w.text) === '') continue;
    run.push(k);
  }
  const under = asPlace(run);
  if (under) places.push({ ...under, certain: true, beside: false });
  return places;
}

/** What the MRZ states for each field, as shown beside the printed value. */
export interface MrzValues {
  surname: string | null;
  givenNames: string | null;
  documentNumber: string | null;
  /** YYMMDD */
  birthDate: string | null;
  /** YYMMDD */
  expiryDate: string | null;
  /** M, F or < */
  sex: string | null;
  nationality: string | null;
}

const clean = (raw: string | undefined) => (raw ? raw.replace(/</g, ' ').trim() : '');

export function mrzValues(mrz: MrzRead): MrzValues {
  const f = mrz.fields;
  const value = (name: string) => {
    const field = f[name];
    if (!field) return null;
    const v = clean(field.value ?? field.raw);
    return v === '' ? null : v;
  };
  const raw = (name: string) => f[name]?.raw ?? null;
  const birth = raw('birthDate');
  const expiry = raw('expirationDate');
  const sex = raw('sex');
  return {
    surname: value('lastName'),
    givenNames: value('firstName'),
    documentNumber: f.documentNumber ? clean(f.documentNumber.raw) || null : null,
    birthDate: birth && /^\d{6}$/.test(birth) ? birth : null,
    expiryDate: expiry && /^\d{6}$/.test(expiry) ? expiry : null,
    sex: sex && /^[MF<]$/.test(sex) ? sex : null,
    nationality: f.nationality ? clean(f.nationality.raw) || null : null,
  };
}

/** YYMMDD as shown to a reviewer: YYYY-MM-DD (birth after this year's YY is last century). */
export function isoOf(yymmdd: string, kind: 'birth' | 'expiry', today: Date): string {
  const yy = Number(yymmdd.slice(0, 2));
  const now = today.getUTCFullYear() % 100;
  const century = kind === 'birth' ? (yy > now ? 1900 : 2000) : yy >= 70 ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

function matcher(field: ConsistencyFieldName, want: string): (text: string) => NameMatch {
  switch (field) {
    case 'surname':
    case 'givenNames':
      return (t) => matchName(t, want);
    case 'documentNumber':
      return (t) => matchNumber(t, want);
    case 'birthDate':
    case 'expiryDate':
      return (t) => matchDate(t, want);
    case 'sex':
      return (t) => matchSex(t, want);
    case 'nationality':
      return (t) => matchNationality(t, want, countryName, countryCode);
  }
}

/** The value anywhere on the page: runs of up to five words of one line that match. */
function searchAnywhere(
  field: ConsistencyFieldName,
  want: string,
  words: readonly PageWord[],
  skip: Set<number>,
): Place | null {
  const match = matcher(field, want);
  const byLine = new Map<number, number[]>();
  words.forEach((w, k) => {
    if (skip.has(k)) return;
    byLine.set(w.line, [...(byLine.get(w.line) ?? []), k]);
  });
  for (const indices of byLine.values()) {
    indices.sort((a, b) => (words[a]?.box.left ?? 0) - (words[b]?.box.left ?? 0));
    for (let i = 0; i < indices.length; i++)
      for (let n = 1; n <= 5 && i + n <= indices.length; n++) {
        const ws = indices.slice(i, i + n).map((k) => words[k] as PageWord);
        const text = ws.map((w) => w.text).join(' ');
        if (field === 'sex' && n > 1) continue;
        if (match(text) === 'agrees') {
          // A name found inside a longer one (SPECIMEN in ALEX SPECIMEN) is not its place.
          if (
            (field === 'surname' || field === 'givenNames') &&
            fold(text).split(' ').length !== fold(want).split(' ').length
          )
            continue;
          return {
            text,
            confidence: Math.min(...ws.map((w) => w.confidence)),
            box: union(ws.map((w) => w.box)),
          };
        }
      }
  }
  return null;
}

export interface VisualZone {
  slot: 'documentFront';
  /** The page's words, boxes in the image's pixels. */
  words: PageWord[];
}

export interface ConsistencyContext {
  today: Date;
  /** The visual zone read, or null (with the reason it was not). */
  zone: VisualZone | null;
  whyNoZone?: ConsistencyReason;
  /** The MRZ is on the back of a two-sided card (TD1 with both sides). */
  twoSides: boolean;
}

const FIELD_ORDER: readonly ConsistencyFieldName[] = [
  'surname',
  'givenNames',
  'documentNumber',
  'birthDate',
  'expiryDate',
  'sex',
  'nationality',
];

function shown(field: ConsistencyFieldName, want: string, today: Date): string {
  if (field === 'birthDate') return isoOf(want, 'birth', today);
  if (field === 'expiryDate') return isoOf(want, 'expiry', today);
  if (field === 'sex') return want === '<' ? 'X' : want;
  return want;
}

function region(slot: SlotRegion['slot'], box: Box): SlotRegion {
  return {
    slot,
    left: Math.round(box.left),
    top: Math.round(box.top),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
}

/** One field: the printed value at its labels, else anywhere; the verdict with its evidence. */
function compareField(
  field: ConsistencyFieldName,
  want: string,
  zone: VisualZone,
  labels: readonly Label[],
  labelWords: Set<number>,
  mrzWords: Set<number>,
  today: Date,
  columns: readonly number[],
): ConsistencyField {
  const mrz = shown(field, want, today);
  const match = matcher(field, want);
  const words = zone.words;
  const mine = labels.filter((l) => l.field === field);
  const places = mine
    .flatMap((l) => placeOf(l, words, labelWords, (k) => mine.some((o) => o.words.includes(k))))
    .filter((place) => ![...mrzWords].some((k) => overlaps((words[k] as PageWord).box, place.box)))
    // A value far right of its label, in the column where two other labels' values begin
    // ("Label:  value" rows whose colon was not read), is the label's.
    .map((place) =>
      !place.certain &&
      place.beside &&
      columns.filter((x) => Math.abs(x - place.box.left) < place.box.height * 0.6).length >= 2
        ? { ...place, certain: true }
        : place,
    );
  let clearDiffer: Place | null = null;
  let unclear = false;
  for (const place of places) {
    const verdict = match(place.text);
    if (verdict === 'agrees')
      return {
        field,
        mrz,
        printed: place.text,
        verdict: 'agrees',
        region: region(zone.slot, place.box),
      };
    if (verdict === 'differs' && place.certain && place.confidence >= CLEAR) clearDiffer ??= place;
    else if (place.certain) unclear = true;
  }
  const skip = new Set([...labelWords, ...mrzWords]);
  const anywhere = searchAnywhere(field, want, words, skip);
  // Dates and numbers are distinctive; a name (or a letter) found elsewhere is its place only
  // where no label of the field was found.
  const loose = field === 'surname' || field === 'givenNames' || field === 'sex';
  if (anywhere && !clearDiffer && !(loose && mine.length > 0))
    return {
      field,
      mrz,
      printed: anywhere.text,
      verdict: 'agrees',
      region: region(zone.slot, anywhere.box),
    };
  if (clearDiffer && !unclear)
    return {
      field,
      mrz,
      printed: clearDiffer.text,
      verdict: 'differs',
      region: region(zone.slot, clearDiffer.box),
    };
  const firstPlace = places.find((p) => p.certain) ?? places[0] ?? null;
  return {
    field,
    mrz,
    printed: firstPlace?.text ?? null,
    verdict: 'cannot_tell',
    ...(firstPlace
      ? { region: region(zone.slot, firstPlace.box) }
      : mine[0]
        ? { region: region(zone.slot, mine[0].box) }
        : {}),
    reason: mine.length === 0 ? 'not_found' : firstPlace ? 'unclear' : 'no_value_at_label',
  };
}

function sidesOf(fields: readonly ConsistencyField[]): Consistency['sides'] {
  const v = (f: ConsistencyFieldName) =>
    fields.find((x) => x.field === f)?.verdict ?? 'cannot_tell';
  const identifying: ConsistencyFieldName[] = [
    'documentNumber',
    'surname',
    'givenNames',
    'birthDate',
    'expiryDate',
  ];
  const differ = identifying.filter((f) => v(f) === 'differs').length;
  const numberDiffers = v('documentNumber') === 'differs';
  if ((numberDiffers && differ >= 2) || differ >= 3) return 'different_documents';
  if (
    v('documentNumber') === 'agrees' &&
    (v('surname') === 'agrees' || v('givenNames') === 'agrees' || v('birthDate') === 'agrees') &&
    differ === 0
  )
    return 'same_document';
  return 'cannot_tell';
}

/** The printed data against the MRZ, and the front against the back. */
export function compareConsistency(mrz: MrzRead, ctx: ConsistencyContext): Consistency {
  const values = mrzValues(mrz);
  const passport = mrz.format !== 'TD1';
  const notTwo: Consistency['sides'] = passport ? 'not_applicable' : 'cannot_tell';
  const mrzRegion = region(mrz.slot === 'documentBack' ? 'documentBack' : 'documentFront', mrz.box);
  const stated = FIELD_ORDER.filter((f) => values[f] !== null);
  if (!ctx.zone) {
    return {
      status: 'cannot_tell',
      reason: ctx.whyNoZone ?? 'printed_side_unreadable',
      fields: stated.map((field) => ({
        field,
        mrz: shown(field, values[field] as string, ctx.today),
        printed: null,
        verdict: 'cannot_tell',
        reason: ctx.whyNoZone ?? 'printed_side_unreadable',
      })),
      sides: notTwo,
      mrzRegion,
    };
  }
  const zone = ctx.zone;
  const labels = findLabels(zone.words);
  const labelWords = new Set(labels.flatMap((l) => l.words));
  // The MRZ printed on the same page is not the visual zone.
  const mrzWords = new Set<number>();
  if (mrz.slot === zone.slot)
    zone.words.forEach((w, k) => {
      if (overlaps(w.box, mrz.box)) mrzWords.add(k);
    });
  const columns = labels.flatMap((l) =>
    placeOf(l, zone.words, labelWords, (k) =>
      labels.some((o) => o.field === l.field && o.words.includes(k)),
    )
      .filter((p) => p.certain && p.beside)
      .map((p) => p.box.left),
  );
  const fields = stated.map((field) =>
    compareField(
      field,
      values[field] as string,
      zone,
      labels,
      labelWords,
      mrzWords,
      ctx.today,
      columns,
    ),
  );
  const found = fields.filter((f) => f.verdict !== 'cannot_tell').length;
  return {
    status: found > 0 ? 'compared' : 'cannot_tell',
    ...(found > 0 ? {} : { reason: 'nothing_found' as const }),
    fields,
    sides: passport ? 'not_applicable' : ctx.twoSides ? sidesOf(fields) : 'cannot_tell',
    mrzRegion,
  };
}

/**
 * Every `differs` read a second time (its place, as one line at twice the scale) before it is
 * reported: it stays `differs` only if the second reading also differs clearly; one that agrees
 * makes it `agrees`; anything else `cannot_tell`. A false "differs" costs a reviewer more than
 * no finding.
 */
export async function confirmDiffers(
  found: Consistency,
  mrz: MrzRead,
  confirm: (box: Box) => Promise<{ text: string; confidence: number } | null>,
  twoSides: boolean,
): Promise<Consistency> {
  const values = mrzValues(mrz);
  const fields: ConsistencyField[] = [];
  for (const f of found.fields) {
    const want = values[f.field];
    if (f.verdict !== 'differs' || !f.region || want === null) {
      fields.push(f);
      continue;
    }
    const again = await confirm(f.region);
    const verdict = again ? matcher(f.field, want)(again.text) : 'unclear';
    if (verdict === 'differs' && again && again.confidence >= CLEAR) fields.push(f);
    else if (verdict === 'agrees' && again)
      fields.push({ ...f, printed: again.text, verdict: 'agrees' });
    else
      fields.push({
        ...f,
        verdict: 'cannot_tell',
        reason: 'readings_disagree',
      });
  }
  return {
    ...found,
    fields,
    sides: found.sides === 'not_applicable' || !twoSides ? found.sides : sidesOf(fields),
  };
}
