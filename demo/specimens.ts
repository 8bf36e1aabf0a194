/**
 * Synthetic SPECIMEN documents for the demo backend: an ID card front and back, a passport data
 * page and a "selfie", drawn as SVG and encoded to JPEG with sharp. They look like scans (layout,
 * size, grain) and are unmistakably fake: invented SPECIMEN data, a diagonal SPECIMEN watermark,
 * and "idlens demo — not a real document" on every image. The portraits and the selfies are real
 * faces, so the face comparison has something to compare: cut, at generation time, from the
 * sample photographs `@vladmandic/face-api` ships in node_modules (demo/sample1.jpg and
 * sample3.jpg; the package is MIT-licensed, see demo/README.md). None is committed, none ships.
 * Generated in memory once per process; nothing is written to disk.
 */
import { createHash } from 'node:crypto';
import { OCR_B_OUTLINES } from './ocr-b-outlines.ts';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { td1, td3, withWrongBirthDateDigit, type MrzPerson } from './mrz-lines.ts';
import { withExifThumbnail } from './exif-thumbnail.ts';
import { REVIEW_PERSONAS, type ReviewPersona } from './personas.ts';

export type SpecimenKind = 'documentFront' | 'documentBack' | 'face';
export const SPECIMEN_KINDS: readonly SpecimenKind[] = ['documentFront', 'documentBack', 'face'];

/**
 * Every image the demo serves: the ID card's sides, the selfie, the passport data page, and the
 * `impostor` persona's selfie (someone other than the card's holder).
 */
export type SpecimenImage = SpecimenKind | 'passportPage' | 'impostorSelfie';

/**
 * What the machine-readable zones say. The ID card (TD1, on its back) is Alex's, the passport
 * (TD3, on its data page) Pat's — the same people as the demo personas' registry records. ICAO's
 * specimen state "Utopia" (UTO) issues both.
 */
export const ID_CARD_MRZ: MrzPerson = {
  documentCode: 'ID',
  issuingState: 'UTO',
  documentNumber: 'SPC000001',
  surname: 'SPECIMEN',
  givenNames: 'ALEX SPECIMEN',
  nationality: 'UTO',
  birthDate: '900101',
  sex: '<',
  expiryDate: '340115',
};
export const PASSPORT_MRZ: MrzPerson = {
  documentCode: 'P',
  issuingState: 'UTO',
  documentNumber: 'SPP000002',
  surname: 'SPECIMEN',
  givenNames: 'PAT SPECIMEN',
  nationality: 'UTO',
  birthDate: '900101',
  sex: '<',
  expiryDate: '340301',
};

export interface SpecimenFacts {
  sha256: string;
  byteLength: number;
  /** As displayed (the EXIF orientation applied). */
  width: number;
  height: number;
}

export interface Specimen extends SpecimenFacts {
  bytes: Buffer;
}

export const CARD = { width: 1800, height: 1140 } as const;
export const PASSPORT_PAGE = { width: 1800, height: 1270 } as const;
const SELFIE = { width: 1200, height: 1600 } as const;
export const JPEG_QUALITY = 85;
export const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const MONO = 'DejaVu Sans Mono, Liberation Mono, monospace';
export const FOOTER = 'idlens demo — not a real document';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Deterministic PRNG (mulberry32), so the same build serves the same bytes on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');

/** YYMMDD as a card prints it ("15 JAN 2034"); birth years after '30 are 19YY. */
function printedDate(yymmdd: string, kind: 'birth' | 'expiry'): string {
  const yy = Number(yymmdd.slice(0, 2));
  const year = kind === 'birth' && yy > 30 ? 1900 + yy : 2000 + yy;
  return `${yymmdd.slice(4, 6)} ${MONTHS[Number(yymmdd.slice(2, 4)) - 1] ?? '???'} ${year}`;
}

/** Fine sine-wave rosettes like the security print of real cards. */
export function guilloche(
  cx: number,
  cy: number,
  r: number,
  lines: number,
  colour: string,
): string {
  const paths: string[] = [];
  for (let i = 0; i < lines; i++) {
    const phase = (i / lines) * Math.PI * 2;
    const pts: string[] = [];
    for (let s = 0; s <= 360; s += 3) {
      const t = (s / 180) * Math.PI;
      const rr = r * (0.72 + 0.28 * Math.sin(7 * t + phase));
      pts.push(`${(cx + rr * Math.cos(t)).toFixed(1)},${(cy + rr * Math.sin(t)).toFixed(1)}`);
    }
    paths.push(`<polyline points="${pts.join(' ')}"/>`);
  }
  return `<g fill="none" stroke="${colour}" stroke-width="1.2" opacity="0.55">${paths.join('')}</g>`;
}

export function waves(width: number, height: number, colour: string): string {
  const paths: string[] = [];
  for (let y = 20; y < height; y += 26) {
    const pts: string[] = [];
    for (let x = 0; x <= width; x += 12) {
      pts.push(`${x},${(y + 7 * Math.sin(x / 37 + y / 53)).toFixed(1)}`);
    }
    paths.push(`<polyline points="${pts.join(' ')}"/>`);
  }
  return `<g fill="none" stroke="${colour}" stroke-width="1" opacity="0.35">${paths.join('')}</g>`;
}

export function watermark(width: number, height: number, size: number): string {
  const angle = (-Math.atan2(height, width) * 180) / Math.PI;
  return `<text x="${width / 2}" y="${height / 2}" font-family="${FONT}" font-size="${size}"
    font-weight="bold" fill="#c0182b" fill-opacity="0.28" stroke="#c0182b" stroke-opacity="0.45"
    stroke-width="4" text-anchor="middle" dominant-baseline="middle" letter-spacing="24"
    transform="rotate(${angle.toFixed(2)} ${width / 2} ${height / 2})">SPECIMEN</text>`;
}

/**
 * A face in one of the photographs `@vladmandic/face-api` ships (`demo/sample<n>.jpg`): the
 * photograph's number and the face's box in its pixels, as face-api's detector finds it.
 */
export interface SampleFace {
  sample: number;
  box: { x: number; y: number; width: number; height: number };
}

/** The documents' holder: on the ID card, the passport page and the honest personas' selfie. */
export const HOLDER_FACE: SampleFace = {
  sample: 1,
  box: { x: 414, y: 355, width: 178, height: 238 },
};
/** Someone else: the `impostor` persona's selfie. */
export const OTHER_FACE: SampleFace = {
  sample: 3,
  box: { x: 585, y: 329, width: 199, height: 271 },
};

const require = createRequire(import.meta.url);

function samplePhoto(n: number): string {
  return join(
    dirname(require.resolve('@vladmandic/face-api/package.json')),
    'demo',
    `sample${n}.jpg`,
  );
}

/**
 * The face with `margin` times its width around it, at the frame's aspect, resized to `frame`
 * and returned as JPEG bytes (for an SVG `<image>`).
 */
export async function facePhoto(
  face: SampleFace,
  frame: { width: number; height: number },
  margin: number,
): Promise<Buffer> {
  const bytes = await readFile(samplePhoto(face.sample));
  const meta = await sharp(bytes).metadata();
  const width = Math.round(face.box.width * margin);
  const height = Math.round((width * frame.height) / frame.width);
  const cx = face.box.x + face.box.width / 2;
  // Eyes a little above the middle, as on a passport photo.
  const cy = face.box.y + face.box.height * 0.45;
  const left = Math.max(0, Math.min(meta.width - width, Math.round(cx - width / 2)));
  const top = Math.max(0, Math.min(meta.height - height, Math.round(cy - height * 0.45)));
  return sharp(bytes)
    .extract({
      left,
      top,
      width: Math.min(width, meta.width),
      height: Math.min(height, meta.height),
    })
    .resize(frame.width, frame.height, { fit: 'cover' })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export function photo(x: number, y: number, w: number, h: number, jpeg: Buffer, rx = 0): string {
  const clip = `clip-${x}-${y}`;
  return `<clipPath id="${clip}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}"/></clipPath>
  <image x="${x}" y="${y}" width="${w}" height="${h}" preserveAspectRatio="xMidYMid slice" clip-path="url(#${clip})"
    href="data:image/jpeg;base64,${jpeg.toString('base64')}"/>`;
}

function field(x: number, y: number, label: string, value: string): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="24" fill="#35606b">${esc(label)}</text>
    <text x="${x}" y="${y + 46}" font-family="${FONT}" font-size="40" font-weight="bold" fill="#10232a">${esc(value)}</text>`;
}

function frontSvg(portrait: Buffer, card: MrzPerson = ID_CARD_MRZ): string {
  const { width: w, height: h } = CARD;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#e4f1ee"/><stop offset="0.55" stop-color="#f3efe2"/><stop offset="1" stop-color="#dfe9f4"/>
    </linearGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="#6d6a66"/>
  <rect x="40" y="40" width="${w - 80}" height="${h - 80}" rx="48" fill="url(#bg)" stroke="#9fb7b3" stroke-width="3"/>
  ${waves(w, h, '#7fa7a0')}
  ${guilloche(1320, 560, 330, 36, '#4f8f86')}
  ${guilloche(1500, 300, 160, 24, '#a07c3b')}
  <rect x="40" y="40" width="${w - 80}" height="150" rx="48" fill="#1f5661"/>
  <rect x="40" y="140" width="${w - 80}" height="50" fill="#1f5661"/>
  <text x="110" y="128" font-family="${FONT}" font-size="56" font-weight="bold" fill="#f4f1e6">UTOPIA · SPECIMEN IDENTITY CARD</text>
  <text x="${w - 110}" y="128" font-family="${FONT}" font-size="34" fill="#cfe6e2" text-anchor="end">DEMO</text>
  <rect x="110" y="260" width="460" height="590" rx="18" fill="#c9d6d9" stroke="#557f88" stroke-width="4"/>
  ${photo(130, 280, 420, 550, portrait, 10)}
  <text x="340" y="900" font-family="${FONT}" font-size="26" fill="#35606b" text-anchor="middle">SAMPLE PHOTO · NOT A REAL ID</text>
  ${field(650, 290, 'SURNAME / APELLIDO', card.surname)}
  ${field(650, 410, 'GIVEN NAMES / NOMBRES', card.givenNames)}
  ${field(650, 530, 'DATE OF BIRTH', printedDate(card.birthDate, 'birth'))}
  ${field(1150, 530, 'SEX', 'X')}
  ${field(650, 650, 'DOCUMENT NO.', card.documentNumber)}
  ${field(1150, 650, 'NATIONALITY', 'UTOPIA')}
  ${field(650, 770, 'DATE OF EXPIRY', printedDate(card.expiryDate, 'expiry'))}
  ${field(1150, 770, 'ISSUED BY', 'DEMO AUTHORITY')}
  <path d="M 660 960 c 40 -50 70 30 110 -10 s 60 -40 90 10 s 50 20 80 -20" fill="none" stroke="#203c8a" stroke-width="5"/>
  <text x="650" y="1010" font-family="${FONT}" font-size="22" fill="#35606b">SIGNATURE (SPECIMEN)</text>
  <text x="${w / 2}" y="${h - 62}" font-family="${FONT}" font-size="30" fill="#5b4b2d" text-anchor="middle">${esc(FOOTER)}</text>
  ${watermark(w, h, 250)}
</svg>`;
}

/**
 * A machine-readable zone on a plain band at the bottom of the page, as ICAO 9303 lays it out:
 * OCR-B capitals at one fixed pitch across the zone's width, drawn from the outlines in
 * ocr-b-outlines.ts (so the zone looks the same on every machine, with no font installed).
 */
export function mrzZone(
  lines: readonly string[],
  box: { x: number; y: number; width: number; lineGap: number; size: number },
): string {
  const scale = box.size / 1000;
  return lines
    .map((line, i) => {
      const pitch = box.width / line.length;
      const glyphs = Array.from(line).map((c, k) => {
        const d = OCR_B_OUTLINES[c];
        if (d === undefined) throw new Error(`not a zone character: ${JSON.stringify(c)}`);
        const x = (box.x + k * pitch).toFixed(2);
        return `<path transform="translate(${x} ${box.y + i * box.lineGap}) scale(${scale})" d="${d}"/>`;
      });
      return `<g fill="#111">${glyphs.join('')}</g>`;
    })
    .join('');
}

export function backSvg(zone: readonly string[] = td1(ID_CARD_MRZ)): string {
  const { width: w, height: h } = CARD;
  const bars: string[] = [];
  const rnd = prng(7);
  for (let x = 1090; x < 1680;) {
    const bw = 3 + Math.floor(rnd() * 10);
    if (rnd() > 0.45)
      bars.push(`<rect x="${x}" y="300" width="${bw}" height="170" fill="#1b1b1b"/>`);
    x += bw;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="bg" x1="0" y1="1" x2="1" y2="0">
      <stop offset="0" stop-color="#e9eef6"/><stop offset="0.5" stop-color="#f4f0e4"/><stop offset="1" stop-color="#e2f0ea"/>
    </linearGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="#67645f"/>
  <rect x="40" y="40" width="${w - 80}" height="${h - 80}" rx="48" fill="url(#bg)" stroke="#9fb7b3" stroke-width="3"/>
  ${waves(w, h, '#8aa2bf')}
  ${guilloche(520, 420, 300, 32, '#6a7fb0')}
  ${field(110, 130, 'ADDRESS', '1 SPECIMEN STREET')}
  ${field(110, 250, 'CITY', 'SPECIMEN CITY, UTOPIA')}
  ${field(110, 370, 'PLACE OF BIRTH', 'UTOPIA (SPECIMEN)')}
  ${field(110, 490, 'DATE OF ISSUE', '01 JAN 2024')}
  ${field(560, 490, 'AUTHORITY', 'DEMO')}
  <rect x="1070" y="110" width="630" height="150" rx="14" fill="#cfd8e3" stroke="#7d8fa8" stroke-width="3"/>
  <text x="1385" y="200" font-family="${FONT}" font-size="34" fill="#3b4b66" text-anchor="middle">CHIP AREA (SPECIMEN)</text>
  ${bars.join('')}
  <text x="1385" y="510" font-family="${MONO}" font-size="26" fill="#333" text-anchor="middle">0000 0000 0000 0000</text>
  <text x="${w / 2}" y="650" font-family="${FONT}" font-size="30" fill="#5b4b2d" text-anchor="middle">${esc(FOOTER)}</text>
  ${watermark(w, h, 250)}
  <rect x="40" y="700" width="${w - 80}" height="360" fill="#f3f1ea"/>
  ${mrzZone(zone, { x: 140, y: 800, width: 1520, lineGap: 105, size: 72 })}
</svg>`;
}

function passportSvg(portrait: Buffer, card: MrzPerson = PASSPORT_MRZ): string {
  const { width: w, height: h } = PASSPORT_PAGE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#efe6f2"/><stop offset="0.55" stop-color="#f5f0e3"/><stop offset="1" stop-color="#e3ecf4"/>
    </linearGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="#6a6660"/>
  <rect x="30" y="30" width="${w - 60}" height="${h - 60}" rx="20" fill="url(#bg)" stroke="#a79bb5" stroke-width="3"/>
  ${waves(w, h, '#9a88b0')}
  ${guilloche(1300, 480, 320, 36, '#7d5f9a')}
  <text x="90" y="110" font-family="${FONT}" font-size="50" font-weight="bold" fill="#3b2452">UTOPIA · SPECIMEN PASSPORT</text>
  <text x="${w - 90}" y="110" font-family="${FONT}" font-size="30" fill="#5a4670" text-anchor="end">DEMO</text>
  <rect x="90" y="170" width="420" height="540" rx="12" fill="#d6cfdd" stroke="#6f5a88" stroke-width="4"/>
  ${photo(110, 190, 380, 500, portrait, 8)}
  ${field(580, 170, 'TYPE / CODE', 'P / UTO')}
  ${field(1050, 170, 'PASSPORT NO.', card.documentNumber)}
  ${field(580, 280, 'SURNAME', card.surname)}
  ${field(580, 390, 'GIVEN NAMES', card.givenNames)}
  ${field(580, 500, 'DATE OF BIRTH', '01 JAN 1990')}
  ${field(1050, 500, 'SEX', 'X')}
  ${field(580, 610, 'DATE OF EXPIRY', '01 MAR 2034')}
  ${field(1050, 610, 'NATIONALITY', 'UTOPIA')}
  <text x="${w / 2}" y="800" font-family="${FONT}" font-size="30" fill="#5b4b2d" text-anchor="middle">${esc(FOOTER)}</text>
  ${watermark(w, h, 250)}
  <rect x="30" y="930" width="${w - 60}" height="280" fill="#f3f1ea"/>
  ${mrzZone(td3(card), { x: 90, y: 1030, width: 1620, lineGap: 100, size: 60 })}
</svg>`;
}

function selfieSvg(face: Buffer): string {
  const { width: w, height: h } = SELFIE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  ${photo(0, 0, w, h, face)}
  <rect x="0" y="0" width="${w}" height="230" fill="#f2e6d0" opacity="0.75"/>
  <text x="${w / 2}" y="120" font-family="${FONT}" font-size="46" font-weight="bold" fill="#2c2a26" text-anchor="middle">LIVENESS CHECK · SPECIMEN</text>
  <text x="${w / 2}" y="185" font-family="${FONT}" font-size="32" fill="#2c2a26" text-anchor="middle">SAMPLE PHOTO · NOT A CUSTOMER</text>
  <rect x="0" y="${h - 130}" width="${w}" height="130" fill="#2c2a26" opacity="0.7"/>
  <text x="${w / 2}" y="${h - 55}" font-family="${FONT}" font-size="34" fill="#f4efe4" text-anchor="middle">${esc('idlens demo — not a real verification')}</text>
  <text x="60" y="${h - 170}" font-family="${FONT}" font-size="90" font-weight="bold" fill="#c0182b" fill-opacity="0.5"
    letter-spacing="12">SPECIMEN</text>
</svg>`;
}

/** Scanner/camera grain, so sizes and JPEG behaviour resemble a real capture. */
function addGrain(raw: Buffer, channels: number, seed: number, amplitude: number): void {
  const rnd = prng(seed);
  for (let i = 0; i < raw.length; i += channels) {
    const n = Math.round((rnd() + rnd() - 1) * amplitude);
    for (let c = 0; c < channels; c++) {
      const idx = i + c;
      const v = (raw[idx] ?? 0) + n;
      raw[idx] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}

export async function render(
  svg: string,
  size: { width: number; height: number },
  seed: number,
): Promise<Specimen> {
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== size.width || info.height !== size.height) {
    throw new Error(`specimen rendered at ${info.width}x${info.height}`);
  }
  addGrain(data, info.channels, seed, 14);
  const bytes = await sharp(data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  return specimen(bytes, info);
}

/** A specimen's bytes with their facts; `size` is the size as displayed. */
export function specimen(bytes: Buffer, size: { width: number; height: number }): Specimen {
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteLength: bytes.byteLength,
    width: size.width,
    height: size.height,
  };
}

/**
 * The selfie as a phone held upright stores it: the sensor's landscape pixels (turned a quarter
 * to the left) and EXIF orientation 6, which tells viewers to turn it back. Displayed upright it
 * is the selfie; stored, it is 1600×1200.
 */
async function turnedLikeAPhone(upright: Specimen): Promise<Specimen> {
  const bytes = await sharp(upright.bytes)
    .rotate(270)
    .jpeg({ quality: JPEG_QUALITY })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  return specimen(bytes, upright);
}

let cache: Promise<Record<SpecimenImage, Specimen>> | undefined;
let turnedCache: Promise<Specimen> | undefined;

/** The selfie stored turned with EXIF orientation 6 (the `portrait` persona's), made on first use. */
export function getTurnedSelfie(): Promise<Specimen> {
  turnedCache ??= getSpecimens().then((specimens) => turnedLikeAPhone(specimens.face));
  turnedCache.catch(() => {
    turnedCache = undefined;
  });
  return turnedCache;
}

/** The specimen JPEGs, generated on first use and kept in memory for the process. */
let facesCache:
  Promise<Record<'card' | 'page' | 'holderSelfie' | 'otherSelfie', Buffer>> | undefined;

/** The faces the specimens show, cut once from the package's sample photographs. */
export function getFaces(): Promise<
  Record<'card' | 'page' | 'holderSelfie' | 'otherSelfie', Buffer>
> {
  facesCache ??= Promise.all([
    facePhoto(HOLDER_FACE, { width: 420, height: 550 }, 1.9),
    facePhoto(HOLDER_FACE, { width: 380, height: 500 }, 1.9),
    facePhoto(HOLDER_FACE, SELFIE, 2.6),
    facePhoto(OTHER_FACE, SELFIE, 2.6),
  ]).then(([card, page, holderSelfie, otherSelfie]) => ({ card, page, holderSelfie, otherSelfie }));
  facesCache.catch(() => {
    facesCache = undefined;
  });
  return facesCache;
}

export function getSpecimens(): Promise<Record<SpecimenImage, Specimen>> {
  cache ??= (async () => {
    const { card: cardPortrait, page: pagePortrait, holderSelfie, otherSelfie } = await getFaces();
    const [documentFront, documentBack, face, passportPage, impostorSelfie] = await Promise.all([
      render(frontSvg(cardPortrait), CARD, 1),
      render(backSvg(), CARD, 2),
      render(selfieSvg(holderSelfie), SELFIE, 3),
      render(passportSvg(pagePortrait), PASSPORT_PAGE, 4),
      render(selfieSvg(otherSelfie), SELFIE, 5),
    ]);
    return { documentFront, documentBack, face, passportPage, impostorSelfie };
  })();
  cache.catch(() => {
    cache = undefined;
  });
  return cache;
}

/**
 * The review-assist personas' documents: each an ID card (front, back with its TD1 zone) of its
 * own person, with one thing a reviewer must notice. Rendered on first use per persona (not at
 * start: the demo backend asks for them when that persona's documents are first requested).
 */
/** Their cards' data; names as the registry record of the persona holds them, unless stated. */
export const REVIEW_CARDS: Record<ReviewPersona, MrzPerson> = {
  /** Expired on 10 Jan 2024 (the session was 51 days before). */
  expired: {
    ...ID_CARD_MRZ,
    documentNumber: 'SPC48K273',
    givenNames: 'ELI SPECIMEN',
    expiryDate: '240110',
  },
  /** The card says EXAMPLE; the registry says SPECIMEN. */
  renamed: {
    ...ID_CARD_MRZ,
    documentNumber: 'SPC59R614',
    surname: 'EXAMPLE',
    givenNames: 'KAI SPECIMEN',
  },
  /** The birth date's check digit is printed wrong (and so the composite fails). */
  checkdigit: { ...ID_CARD_MRZ, documentNumber: 'SPC72H358', givenNames: 'CY SPECIMEN' },
  /** The front was saved by an image editor, with GPS coordinates in its EXIF. */
  edited: { ...ID_CARD_MRZ, documentNumber: 'SPC36T947', givenNames: 'EDA SPECIMEN' },
  /** The front is blurred and has a blown-out glare spot. */
  blurred: { ...ID_CARD_MRZ, documentNumber: 'SPC81W425', givenNames: 'BEA SPECIMEN' },
  /** The front prints EXAMPLE (MISPRINTED_SURNAME) where the MRZ says SPECIMEN. */
  misprinted: { ...ID_CARD_MRZ, documentNumber: 'SPC27M830', givenNames: 'MIA SPECIMEN' },
  /** The back; the front is MIXED_FRONT_CARD's, another card. */
  mixed: { ...ID_CARD_MRZ, documentNumber: 'SPC64X512', givenNames: 'MAX SPECIMEN' },
  /** The portrait was replaced after capture; the EXIF thumbnail shows the original. */
  swapped: { ...ID_CARD_MRZ, documentNumber: 'SPC18S207', givenNames: 'SOL SPECIMEN' },
  /** Captured as a greyscale copy. */
  greycopy: { ...ID_CARD_MRZ, documentNumber: 'SPC93G661', givenNames: 'GUS SPECIMEN' },
  /** The back photographed upside down (turned 182°) on a wooden table. */
  upsidedown: { ...ID_CARD_MRZ, documentNumber: 'SPC27U518', givenNames: 'UMA SPECIMEN' },
  /** The back photographed on a wooden table, turned 25°. */
  tilted: { ...ID_CARD_MRZ, documentNumber: 'SPC64T093', givenNames: 'TIA SPECIMEN' },
};

/** The surname the `misprinted` persona's front prints. */
export const MISPRINTED_SURNAME = 'EXAMPLE';

/** The card whose front the `mixed` persona's back was paired with: another person's. */
export const MIXED_FRONT_CARD: MrzPerson = {
  ...ID_CARD_MRZ,
  documentNumber: 'SPC70Q349',
  surname: 'SAMPLE',
  givenNames: 'RIO SAMPLE',
  birthDate: '850715',
  expiryDate: '320630',
};

/** How far the back of a persona photographed on a table is turned (clockwise, degrees). */
const ON_TABLE: Partial<Record<ReviewPersona, number>> = { upsidedown: 182, tilted: 25 };

/** The back as a phone photographs it lying on a table: turned, with the table round it. */
async function onTable(back: Specimen, angle: number): Promise<Specimen> {
  const table = '#6b5038';
  // The card alone (the specimen's grey surround is not part of it), with the table's colour in
  // its rounded corners.
  const card = await sharp(back.bytes)
    .extract({ left: 40, top: 40, width: CARD.width - 80, height: CARD.height - 80 })
    .toBuffer();
  const rounded = await sharp({
    create: { width: CARD.width - 80, height: CARD.height - 80, channels: 3, background: table },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width - 80}" height="${CARD.height - 80}"><rect width="100%" height="100%" rx="48" fill="#fff"/></svg>`,
        ),
        blend: 'dest-in',
      },
    ])
    .png()
    .toBuffer();
  const shaped = await sharp(card)
    .composite([{ input: rounded, blend: 'dest-in' }])
    .flatten({ background: table })
    .toBuffer();
  const turned = await sharp(shaped)
    .rotate(angle, { background: table })
    .extend({ top: 140, bottom: 140, left: 180, right: 180, background: table })
    .toBuffer();
  const bytes = await sharp(turned)
    .resize({ width: 1920, height: 1440, fit: 'contain', background: table })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  return specimen(bytes, { width: 1920, height: 1440 });
}

/**
 * The `portrait` persona's passport: Rae's own (the shared data page is Pat's, and a registry
 * that says Rae would not agree with it).
 */
export const PORTRAIT_PASSPORT_MRZ: MrzPerson = {
  ...PASSPORT_MRZ,
  documentNumber: 'SPP63N184',
  givenNames: 'RAE SPECIMEN',
};

let portraitPassport: Promise<Specimen> | undefined;

/** The `portrait` persona's passport data page, rendered on first use. */
export function getPortraitPassport(): Promise<Specimen> {
  portraitPassport ??= getFaces().then((faces) =>
    render(passportSvg(faces.page, PORTRAIT_PASSPORT_MRZ), PASSPORT_PAGE, 5),
  );
  portraitPassport.catch(() => {
    portraitPassport = undefined;
  });
  return portraitPassport;
}

/** The zone printed on a review persona's card. */
export function reviewZone(persona: ReviewPersona): string[] {
  const zone = td1(REVIEW_CARDS[persona]);
  return persona === 'checkdigit' ? withWrongBirthDateDigit(zone) : zone;
}

/** EXIF an image editor leaves, plus GPS coordinates (Roatán, where Próspera is). */
const EDITED_EXIF = {
  IFD0: { Software: 'Adobe Photoshop 25.0 (Windows)', DateTime: '2024:07:01 09:12:44' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '16/1 19/1 4500/100',
    GPSLongitudeRef: 'W',
    GPSLongitude: '86/1 32/1 3000/100',
  },
};

/** A blown-out reflection: pure white in the middle, fading at the rim. */
function glareSvg(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><radialGradient id="g"><stop offset="0.7" stop-color="#fff" stop-opacity="1"/>
    <stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
  <ellipse cx="${width * 0.62}" cy="${height * 0.42}" rx="${width * 0.2}" ry="${height * 0.22}" fill="url(#g)"/>
</svg>`;
}

/** The data a review persona's front prints: its card's, but for the personas about that. */
function printedCard(persona: ReviewPersona): MrzPerson {
  if (persona === 'misprinted') return { ...REVIEW_CARDS.misprinted, surname: MISPRINTED_SURNAME };
  if (persona === 'mixed') return MIXED_FRONT_CARD;
  return REVIEW_CARDS[persona];
}

async function reviewFront(persona: ReviewPersona, seed: number): Promise<Specimen> {
  const { card: portrait } = await getFaces();
  const front = await render(frontSvg(portrait, printedCard(persona)), CARD, seed);
  if (persona === 'swapped') {
    // The camera's thumbnail of the capture, then another portrait pasted over the photo.
    const thumbnail = await sharp(front.bytes).resize(160).jpeg({ quality: 75 }).toBuffer();
    const other = await facePhoto(OTHER_FACE, { width: 420, height: 550 }, 1.9);
    const pasted = await sharp(front.bytes)
      .composite([{ input: other, left: 130, top: 280 }])
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
    return specimen(withExifThumbnail(pasted, thumbnail), CARD);
  }
  if (persona === 'greycopy') {
    const bytes = await sharp(front.bytes)
      .greyscale()
      .toColourspace('srgb')
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
    return specimen(bytes, CARD);
  }
  if (persona === 'edited') {
    const bytes = await sharp(front.bytes)
      .jpeg({ quality: JPEG_QUALITY })
      .withExif(EDITED_EXIF)
      .toBuffer();
    return specimen(bytes, CARD);
  }
  if (persona === 'blurred') {
    const blurred = await sharp(front.bytes).blur(6).toBuffer();
    const bytes = await sharp(blurred)
      .composite([{ input: Buffer.from(glareSvg(CARD.width, CARD.height)) }])
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer();
    return specimen(bytes, CARD);
  }
  return front;
}

const reviewCache = new Map<
  ReviewPersona,
  Promise<Record<'documentFront' | 'documentBack', Specimen>>
>();

/** A review persona's card (front and back), rendered on first use and kept for the process. */
export function getReviewSpecimens(
  persona: ReviewPersona,
): Promise<Record<'documentFront' | 'documentBack', Specimen>> {
  let cached = reviewCache.get(persona);
  if (!cached) {
    const seed = 20 + REVIEW_PERSONAS.indexOf(persona) * 2;
    cached = Promise.all([
      reviewFront(persona, seed),
      render(backSvg(reviewZone(persona)), CARD, seed + 1).then((back) => {
        const angle = ON_TABLE[persona];
        return angle === undefined ? back : onTable(back, angle);
      }),
    ]).then(([documentFront, documentBack]) => ({ documentFront, documentBack }));
    cached.catch(() => reviewCache.delete(persona));
    reviewCache.set(persona, cached);
  }
  return cached;
}
