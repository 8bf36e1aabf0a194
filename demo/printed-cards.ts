/**
 * SPECIMEN documents whose printed side can say something else than their MRZ: ID card
 * fronts and passport data pages in several layouts (label above the value, "Label: value"
 * beside it, Spanish and French labels), dates in several formats, names with accents, numbers
 * printed with spaces — and the ways such a document is doctored: a printed field altered, the
 * front of one card with the back of another, a portrait pasted over after capture (the camera's
 * EXIF thumbnail still showing the original), a greyscale copy. Used by the demo's personas, the
 * integration test and the consistency benchmark. Generated in memory; nothing is written.
 */
import sharp from 'sharp';
import { withExifThumbnail } from './exif-thumbnail.ts';
import { td1, td3, type MrzPerson } from './mrz-lines.ts';
import {
  backSvg,
  CARD,
  esc,
  facePhoto,
  FONT,
  FOOTER,
  getFaces,
  guilloche,
  mrzZone,
  OTHER_FACE,
  PASSPORT_PAGE,
  photo,
  render,
  specimen,
  watermark,
  waves,
  JPEG_QUALITY,
  type Specimen,
} from './specimens.ts';

export type CardLayout = 'above' | 'beside' | 'spanish' | 'french' | 'passport';
export const CARD_LAYOUTS: readonly CardLayout[] = [
  'above',
  'beside',
  'spanish',
  'french',
  'passport',
];

export type DateStyle = 'dd MON yyyy' | 'dd.mm.yyyy' | 'dd/mm/yyyy' | 'yyyy-mm-dd' | 'dd mm yyyy';
export const DATE_STYLES: readonly DateStyle[] = [
  'dd MON yyyy',
  'dd.mm.yyyy',
  'dd/mm/yyyy',
  'yyyy-mm-dd',
  'dd mm yyyy',
];

/** What the printed side shows (names as printed: accents allowed). */
export interface PrintedData {
  surname: string;
  givenNames: string;
  documentNumber: string;
  birthDate: string;
  expiryDate: string;
  sex: string;
  nationality: string;
}

const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
const MESES = 'ENE FEB MAR ABR MAY JUN JUL AGO SEP OCT NOV DIC'.split(' ');

/** YYMMDD printed in `style` (birth years after '30 are 19YY). */
export function printDate(
  yymmdd: string,
  kind: 'birth' | 'expiry',
  style: DateStyle,
  spanish = false,
): string {
  const yy = Number(yymmdd.slice(0, 2));
  const year = String(kind === 'birth' && yy > 30 ? 1900 + yy : 2000 + yy);
  const mm = yymmdd.slice(2, 4);
  const dd = yymmdd.slice(4, 6);
  const mon = (spanish ? MESES : MONTHS)[Number(mm) - 1] ?? '???';
  switch (style) {
    case 'dd MON yyyy':
      return `${dd} ${mon} ${year}`;
    case 'dd.mm.yyyy':
      return `${dd}.${mm}.${year}`;
    case 'dd/mm/yyyy':
      return `${dd}/${mm}/${year}`;
    case 'yyyy-mm-dd':
      return `${year}-${mm}-${dd}`;
    case 'dd mm yyyy':
      return `${dd} ${mm} ${year}`;
  }
}

/** The printed data of a person as an honest document prints it. */
export function printedOf(
  person: MrzPerson,
  style: DateStyle,
  options: {
    printedSurname?: string;
    printedGivenNames?: string;
    spacedNumber?: boolean;
    spanish?: boolean;
  } = {},
): PrintedData {
  const n = person.documentNumber;
  return {
    surname: options.printedSurname ?? person.surname,
    givenNames: options.printedGivenNames ?? person.givenNames,
    documentNumber: options.spacedNumber ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n,
    birthDate: printDate(person.birthDate, 'birth', style, options.spanish),
    expiryDate: printDate(person.expiryDate, 'expiry', style, options.spanish),
    sex: person.sex === '<' ? 'X' : person.sex,
    nationality: person.nationality === 'UTO' ? 'UTOPIA' : person.nationality,
  };
}

const LABELS: Record<Exclude<CardLayout, 'passport'>, Record<keyof PrintedData, string>> = {
  above: {
    surname: 'SURNAME / APELLIDO',
    givenNames: 'GIVEN NAMES / NOMBRES',
    documentNumber: 'DOCUMENT NO.',
    birthDate: 'DATE OF BIRTH',
    expiryDate: 'DATE OF EXPIRY',
    sex: 'SEX',
    nationality: 'NATIONALITY',
  },
  beside: {
    surname: 'Surname:',
    givenNames: 'Given names:',
    documentNumber: 'Card No.:',
    birthDate: 'Date of birth:',
    expiryDate: 'Expiry date:',
    sex: 'Sex:',
    nationality: 'Nationality:',
  },
  spanish: {
    surname: 'Apellidos:',
    givenNames: 'Nombre:',
    documentNumber: 'Número:',
    birthDate: 'Fecha de nacimiento:',
    expiryDate: 'Válido hasta:',
    sex: 'Sexo:',
    nationality: 'Nacionalidad:',
  },
  french: {
    surname: 'NOM',
    givenNames: 'PRÉNOMS',
    documentNumber: 'NUMÉRO DU DOCUMENT',
    birthDate: 'DATE DE NAISSANCE',
    expiryDate: 'DATE D’EXPIRATION',
    sex: 'SEXE',
    nationality: 'NATIONALITÉ',
  },
};

export interface CardStyle {
  layout: CardLayout;
  /** Header and guilloche colours (hue of the card). */
  hue: number;
  /** 1 as printed; lower for a pale card. */
  saturation: number;
}

function labelAbove(x: number, y: number, label: string, value: string): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="24" fill="#35606b">${esc(label)}</text>
    <text x="${x}" y="${y + 46}" font-family="${FONT}" font-size="40" font-weight="bold" fill="#10232a">${esc(value)}</text>`;
}

function labelBeside(x: number, y: number, label: string, value: string, valueX: number): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="30" fill="#35606b">${esc(label)}</text>
    <text x="${valueX}" y="${y}" font-family="${FONT}" font-size="38" font-weight="bold" fill="#10232a">${esc(value)}</text>`;
}

function hsl(h: number, s: number, l: number): string {
  return `hsl(${h.toFixed(0)} ${(s * 100).toFixed(0)}% ${(l * 100).toFixed(0)}%)`;
}

/** An ID card front (or, with `passport`, a data page with its TD3 zone for `person`). */
export function printedSvg(
  portrait: Buffer,
  data: PrintedData,
  style: CardStyle,
  person?: MrzPerson,
): string {
  const passport = style.layout === 'passport';
  const { width: w, height: h } = passport ? PASSPORT_PAGE : CARD;
  const s = style.saturation;
  const header = hsl(style.hue, 0.5 * s, 0.25);
  const tint1 = hsl(style.hue, 0.35 * s, 0.92);
  const tint2 = hsl(style.hue + 40, 0.3 * s, 0.93);
  const ink = hsl(style.hue, 0.45 * s, 0.45);
  let fields: string;
  if (style.layout === 'above' || style.layout === 'french' || passport) {
    const L = LABELS[style.layout === 'passport' ? 'above' : style.layout];
    fields = [
      labelAbove(650, 290, L.surname, data.surname),
      labelAbove(650, 410, L.givenNames, data.givenNames),
      labelAbove(650, 530, L.birthDate, data.birthDate),
      labelAbove(1200, 530, L.sex, data.sex),
      labelAbove(650, 650, L.documentNumber, data.documentNumber),
      labelAbove(1200, 650, L.nationality, data.nationality),
      labelAbove(650, 770, L.expiryDate, data.expiryDate),
    ].join('');
  } else if (style.layout !== 'passport') {
    const L = LABELS[style.layout];
    const vx = style.layout === 'spanish' ? 1010 : 900;
    fields = [
      labelBeside(630, 300, L.surname, data.surname, vx),
      labelBeside(630, 390, L.givenNames, data.givenNames, vx),
      labelBeside(630, 480, L.documentNumber, data.documentNumber, vx),
      labelBeside(630, 570, L.birthDate, data.birthDate, vx),
      labelBeside(630, 660, L.sex, data.sex, vx),
      labelBeside(630, 750, L.nationality, data.nationality, vx),
      labelBeside(630, 840, L.expiryDate, data.expiryDate, vx),
    ].join('');
  } else fields = '';
  const title = passport ? 'UTOPIA · SPECIMEN PASSPORT' : 'UTOPIA · SPECIMEN IDENTITY CARD';
  const zone =
    passport && person
      ? `<rect x="30" y="930" width="${w - 60}" height="280" fill="#f3f1ea"/>
  ${mrzZone(td3(person), { x: 90, y: 1030, width: 1620, lineGap: 100, size: 60 })}`
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${tint1}"/><stop offset="1" stop-color="${tint2}"/>
    </linearGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="#6d6a66"/>
  <rect x="40" y="40" width="${w - 80}" height="${h - 80}" rx="48" fill="url(#bg)"/>
  ${waves(w, h, ink)}
  ${guilloche(1380, 560, 300, 30, ink)}
  <rect x="40" y="40" width="${w - 80}" height="150" rx="48" fill="${header}"/>
  <rect x="40" y="140" width="${w - 80}" height="50" fill="${header}"/>
  <text x="110" y="128" font-family="${FONT}" font-size="56" font-weight="bold" fill="#f4f1e6">${title}</text>
  <rect x="110" y="260" width="460" height="590" rx="18" fill="#c9d6d9"/>
  ${photo(130, 280, 420, 550, portrait, 10)}
  ${fields}
  <text x="${w / 2}" y="${passport ? 900 : h - 62}" font-family="${FONT}" font-size="30" fill="#5b4b2d" text-anchor="middle">${esc(FOOTER)}</text>
  ${watermark(w, h, 250)}
  ${zone}
</svg>`;
}

export type Tampering =
  'none' | 'surname' | 'documentNumber' | 'birthDate' | 'sides' | 'portrait' | 'grey';

export interface PrintedCase {
  person: MrzPerson;
  /** The MRZ side: the back (TD1), or the data page itself (passport). */
  back: Specimen | null;
  front: Specimen;
  tampering: Tampering;
  layout: CardLayout;
  dateStyle: DateStyle;
}

/** The camera's thumbnail of `jpeg`: 160 pixels wide (or letterboxed 160×120), re-encoded. */
async function cameraThumbnail(jpeg: Buffer, letterbox: boolean): Promise<Buffer> {
  const small = sharp(jpeg).resize(
    letterbox ? { width: 160, height: 120, fit: 'contain', background: '#000' } : { width: 160 },
  );
  return small.jpeg({ quality: 75 }).toBuffer();
}

/** A capture: the rendered card, with a camera's EXIF thumbnail of it (honest). */
async function captured(
  svg: string,
  size: { width: number; height: number },
  seed: number,
  letterbox: boolean,
): Promise<Specimen> {
  const rendered = await render(svg, size, seed);
  const thumb = await cameraThumbnail(rendered.bytes, letterbox);
  return specimen(withExifThumbnail(rendered.bytes, thumb), size);
}

/** Varies a person's MRZ data for corpus member `i`. */
const SURNAMES = [
  'NÚÑEZ',
  'MÜLLER',
  'GARCÍA LÓPEZ',
  'O’BRIEN',
  'DUBOIS',
  'KOWALSKA',
  'SØRENSEN',
  'PEÑA',
];
const MRZ_SURNAMES = [
  'NUNEZ',
  'MUELLER',
  'GARCIA LOPEZ',
  'OBRIEN',
  'DUBOIS',
  'KOWALSKA',
  'SORENSEN',
  'PENA',
];
const GIVEN = ['JOSÉ LUIS', 'ANNA', 'MARÍA', 'LIAM', 'CHLOÉ', 'ZOFIA', 'ERIK', 'INÉS'];
const MRZ_GIVEN = ['JOSE LUIS', 'ANNA', 'MARIA', 'LIAM', 'CHLOE', 'ZOFIA', 'ERIK', 'INES'];

export function corpusPerson(i: number): {
  person: MrzPerson;
  printedSurname: string;
  printedGivenNames: string;
} {
  const k = i % SURNAMES.length;
  const pad = (n: number) => String(n).padStart(2, '0');
  const person: MrzPerson = {
    documentCode: 'ID',
    issuingState: 'UTO',
    documentNumber: `SP${'CDFGHK'[i % 6]}${String(100000 + ((i * 7919) % 900000)).slice(0, 6)}`,
    surname: MRZ_SURNAMES[k] ?? 'SPECIMEN',
    givenNames: MRZ_GIVEN[(i * 3) % MRZ_GIVEN.length] ?? 'ALEX',
    nationality: 'UTO',
    birthDate: `${60 + (i % 35)}${pad(1 + (i % 12))}${pad(1 + ((i * 5) % 28))}`,
    sex: (['M', 'F', '<'] as const)[i % 3] ?? 'M',
    expiryDate: `${28 + (i % 10)}${pad(1 + ((i * 7) % 12))}${pad(1 + ((i * 11) % 28))}`,
  };
  return {
    person,
    printedSurname: SURNAMES[k] ?? 'SPECIMEN',
    printedGivenNames: GIVEN[(i * 3) % GIVEN.length] ?? 'ALEX',
  };
}

/** A different value for a printed field (a digit or letters changed, as a forger would). */
function altered(
  data: PrintedData,
  field: 'surname' | 'documentNumber' | 'birthDate',
  person: MrzPerson,
  style: DateStyle,
): PrintedData {
  if (field === 'surname')
    return { ...data, surname: data.surname === 'PEÑA' ? 'PEREIRA' : 'HARTMANN' };
  if (field === 'documentNumber') {
    const n = person.documentNumber;
    const tail = String((Number(n.slice(6)) + 137) % 1000).padStart(3, '0');
    return { ...data, documentNumber: `${n.slice(0, 6)}${tail}` };
  }
  const yy = (Number(person.birthDate.slice(0, 2)) + 7) % 100;
  return {
    ...data,
    birthDate: printDate(
      `${String(yy).padStart(2, '0')}${person.birthDate.slice(2)}`,
      'birth',
      style,
    ),
  };
}

/**
 * Corpus member `i` with `tampering`: layouts, date styles, colours and thumbnails vary with `i`.
 * `sides` pairs this front with the back of member `i + 1`.
 */
export async function printedCase(
  i: number,
  tampering: Tampering,
  layoutOverride?: CardLayout,
): Promise<PrintedCase> {
  const faces = await getFaces();
  const layout = layoutOverride ?? CARD_LAYOUTS[i % CARD_LAYOUTS.length] ?? 'above';
  const passport = layout === 'passport';
  const dateStyle = DATE_STYLES[(i * 3 + 1) % DATE_STYLES.length] ?? 'dd MON yyyy';
  const { person, printedSurname, printedGivenNames } = corpusPerson(i);
  if (passport) person.documentCode = 'P';
  let data = printedOf(person, dateStyle, {
    printedSurname,
    printedGivenNames,
    spacedNumber: i % 4 === 1,
    spanish: layout === 'spanish',
  });
  if (tampering === 'surname' || tampering === 'documentNumber' || tampering === 'birthDate')
    data = altered(data, tampering, person, dateStyle);
  const style: CardStyle = {
    layout,
    hue: (i * 47) % 360,
    saturation: [1, 0.6, 0.35][i % 3] ?? 1,
  };
  const size = passport ? PASSPORT_PAGE : CARD;
  const seed = 1000 + i * 10;
  const letterbox = i % 2 === 1;
  let front = await captured(printedSvg(faces.card, data, style, person), size, seed, letterbox);
  // Lighting: every third capture warm, every third cool.
  if (i % 3 !== 0) {
    const gains: [number, number, number] = i % 3 === 1 ? [1.06, 1, 0.9] : [0.92, 1, 1.06];
    const lit = await sharp(front.bytes)
      .linear(gains, [0, 0, 0])
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
    const thumb = await cameraThumbnail(lit, letterbox);
    front = specimen(withExifThumbnail(lit, thumb), size);
  }
  if (tampering === 'portrait') {
    // The portrait pasted over after capture; the thumbnail is the camera's, of the original.
    const { thumbnail } = await thumbnailOf(front.bytes);
    const other = await facePhoto(OTHER_FACE, { width: 420, height: 550 }, 1.9);
    const pasted = await sharp(front.bytes)
      .composite([{ input: other, left: 130, top: 280 }])
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
    front = specimen(withExifThumbnail(pasted, thumbnail), size);
  }
  if (tampering === 'grey') {
    const grey = await sharp(front.bytes)
      .greyscale()
      .toColourspace('srgb')
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
    front = specimen(grey, size);
  }
  let back: Specimen | null = null;
  if (!passport) {
    const owner = tampering === 'sides' ? corpusPerson(i + 1).person : person;
    back = await render(backSvg(td1(owner)), CARD, seed + 1);
  }
  return { person, back, front, tampering, layout, dateStyle };
}

/** The EXIF thumbnail bytes a capture carries (as exifr would find them). */
async function thumbnailOf(jpeg: Buffer): Promise<{ thumbnail: Buffer }> {
  const { default: exifr } = await import('exifr');
  const t = await exifr.thumbnail(jpeg);
  if (!t) throw new Error('no thumbnail');
  return { thumbnail: Buffer.from(t) };
}
