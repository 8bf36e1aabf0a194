/**
 * A generated corpus of documents with machine-readable zones and known truth, for the analysis
 * benchmark and the hard-specimen test. Deterministic: specimen `i` of a seed is always the same
 * bytes on the same sharp/libvips build.
 *
 * Each specimen: a TD3 passport page (even `i`) or a TD1 ID back (odd `i`) with random names,
 * numbers and dates; a glare spot (a blown-out ellipse) somewhere above the zone; a perspective
 * tilt (each corner moved by up to 3 % of the side); a rotation in ±5°; a Gaussian blur σ in
 * 0–1.2; JPEG quality 50–95. Every eighth specimen (i ≡ 3 mod 8) carries one wrong check digit
 * (the birth date's), so a verdict of "does not hold" is measured too. Each comes with the
 * registry record of the same person (accents and title case as a registry writes names), which
 * agrees with the document.
 *
 * The zone is set in OCR-B, as ICAO 9303 prescribes, from the outlines the demo draws its zones
 * with (demo/ocr-b-outlines.ts, through demo/specimens.ts `mrzZone`).
 */
import sharp from 'sharp';
import { td1, td3, withWrongBirthDateDigit, type MrzPerson } from '../../demo/mrz-lines.ts';
import type { Registry } from '../../shared/ipc.ts';
import { mrzZone, prng } from '../../demo/specimens.ts';

export interface CorpusSpecimen {
  bytes: Uint8Array;
  lines: string[];
  format: 'TD1' | 'TD3';
  /** The check digits as they are printed: all hold, except the birth date's (and so the composite) on a wrong-digit specimen. */
  checkDigits: Record<string, boolean>;
  /** The same person as the registry holds them. */
  registry: Registry;
  /** The distortions applied, for a readable table. */
  angle: number;
  sigma: number;
  quality: number;
  perspective: number;
}

const SURNAMES = ['SPECIMEN', 'MUELLER', 'GARCIA', 'NGUYEN', 'OKAFOR', 'LINDQVIST', 'ROSSI'];
const GIVEN = ['ALEX', 'PAT', 'MARIA JOSE', 'KIM', 'SAMUEL', 'ANNA MARIA', 'TOMAS'];
const STATES = ['UTO', 'HND', 'DEU', 'FRA', 'ESP'];
const ALNUM = 'ABCDEFGHJKLMNPRTUVWXY0123456789';
const two = (n: number) => String(n).padStart(2, '0');

/** How a registry writes the names and countries the zone holds in ICAO letters. */
const REGISTRY_NAME: Record<string, string> = {
  MUELLER: 'Müller',
  'MARIA JOSE': 'María José',
  TOMAS: 'Tomás',
  'ANNA MARIA': 'Anna María',
  LINDQVIST: 'Lindqvist',
};
const COUNTRY: Record<string, string> = {
  UTO: 'Utopia (SPECIMEN)',
  HND: 'Honduras',
  DEU: 'Germany',
  FRA: 'France',
  ESP: 'Spain',
};
const title = (s: string) =>
  REGISTRY_NAME[s] ?? s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());

export function registryOf(p: MrzPerson): Registry {
  const yy = Number(p.birthDate.slice(0, 2));
  return {
    givenName: title(p.givenNames),
    surname: title(p.surname),
    dateOfBirth: `${yy <= 10 ? 2000 + yy : 1900 + yy}-${p.birthDate.slice(2, 4)}-${p.birthDate.slice(4, 6)}`,
    sex: p.sex === 'M' ? 'Male' : p.sex === 'F' ? 'Female' : 'Other',
    citizenships: [COUNTRY[p.nationality] ?? p.nationality],
  };
}

type Rnd = () => number;

export function person(rnd: Rnd, passport: boolean): MrzPerson {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const date = (y0: number, y1: number) =>
    `${two((y0 + Math.floor(rnd() * (y1 - y0))) % 100)}${two(1 + Math.floor(rnd() * 12))}${two(1 + Math.floor(rnd() * 28))}`;
  const state = pick(STATES);
  return {
    documentCode: passport ? 'P' : 'ID',
    issuingState: state,
    documentNumber: Array.from({ length: 9 }, () => pick(Array.from(ALNUM))).join(''),
    surname: pick(SURNAMES),
    givenNames: pick(GIVEN),
    nationality: state,
    birthDate: date(1950, 2005),
    sex: pick(['M', 'F', '<'] as const),
    expiryDate: date(2027, 2036),
  };
}

/**
 * Maps the image so that its corners land on `to` (a projective warp, bilinear sampling), the
 * way a card photographed slightly off-axis looks. Pixels from outside the source take `fill`.
 */
function perspective(
  src: Buffer,
  width: number,
  height: number,
  channels: number,
  to: readonly [number, number][],
  fill: number,
): Buffer {
  // Homography from destination to source: solve the 8 unknowns of the 4 corner pairs.
  const from: [number, number][] = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  const a: number[][] = [];
  const b: number[] = [];
  for (let k = 0; k < 4; k++) {
    const [x, y] = to[k] as [number, number];
    const [u, v] = from[k] as [number, number];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  const out = Buffer.alloc(src.length, fill);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + 1;
      const u = ((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w;
      const v = ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w;
      if (u < 0 || v < 0 || u >= width - 1 || v >= height - 1) continue;
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      for (let c = 0; c < channels; c++) {
        const at = (xx: number, yy: number) => src[(yy * width + xx) * channels + c] ?? 0;
        const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
        const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
        out[(y * width + x) * channels + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}

/** Gaussian elimination with partial pivoting (8×8). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = m[col] as number[];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] ?? 0) / (p[col] ?? 1);
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (p[c] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** The `i`-th specimen of the corpus seeded with `seed`. */
export async function corpusSpecimen(seed: number, i: number): Promise<CorpusSpecimen> {
  const rnd = prng(seed * 1000 + i);
  const passport = i % 2 === 0;
  const format = passport ? 'TD3' : 'TD1';
  const who = person(rnd, passport);
  const wrong = i % 8 === 3;
  const printed = passport ? td3(who) : td1(who);
  const lines = wrong ? withWrongBirthDateDigit(printed) : printed;
  const checkDigits: Record<string, boolean> = {
    documentNumber: true,
    birthDate: !wrong,
    expirationDate: true,
    ...(passport && { personalNumber: true }),
    composite: !wrong,
  };
  const width = 1800;
  const height = passport ? 1270 : 1140;
  const zoneTop = height - (passport ? 340 : 440);
  const glareX = 200 + rnd() * (width - 400);
  const glareY = 150 + rnd() * (zoneTop - 300);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><radialGradient id="glare"><stop offset="0.55" stop-color="#fff" stop-opacity="1"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
    <rect width="${width}" height="${height}" fill="#6a6660"/>
    <rect x="30" y="30" width="${width - 60}" height="${height - 60}" rx="30" fill="#ece6da"/>
    <text x="90" y="120" font-family="DejaVu Sans" font-size="50" fill="#333">SPECIMEN DOCUMENT ${i}</text>
    <rect x="90" y="180" width="400" height="${zoneTop - 260}" fill="#c9c0b0"/>
    <text x="560" y="260" font-family="DejaVu Sans" font-size="40" fill="#333">SURNAME / GIVEN NAMES</text>
    <text x="560" y="330" font-family="DejaVu Sans" font-size="40" fill="#333">DATE OF BIRTH · EXPIRY</text>
    <rect x="30" y="${zoneTop}" width="${width - 60}" height="${height - zoneTop - 60}" fill="#f3f1ea"/>
    ${mrzZone(lines, passport ? { x: 90, y: zoneTop + 100, width: 1620, lineGap: 100, size: 60 } : { x: 140, y: zoneTop + 100, width: 1520, lineGap: 105, size: 72 })}
    <ellipse cx="${glareX.toFixed(0)}" cy="${glareY.toFixed(0)}" rx="${(120 + rnd() * 120).toFixed(0)}" ry="${(60 + rnd() * 60).toFixed(0)}" fill="url(#glare)"/>
  </svg>`;
  const tilt = rnd() * 0.03;
  const jitter = () => (rnd() * 2 - 1) * tilt;
  const corners: [number, number][] = [
    [jitter() * width, jitter() * height],
    [width + jitter() * width, jitter() * height],
    [width + jitter() * width, height + jitter() * height],
    [jitter() * width, height + jitter() * height],
  ];
  const angle = (rnd() * 2 - 1) * 5;
  const sigma = rnd() * 1.2;
  const quality = 50 + Math.floor(rnd() * 46);
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const warped = perspective(data, info.width, info.height, info.channels, corners, 0x66);
  let image = sharp(warped, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  }).rotate(angle, { background: '#6a6660' });
  if (sigma > 0.3) image = image.blur(sigma);
  const bytes = await image.jpeg({ quality }).toBuffer();
  return {
    bytes: new Uint8Array(bytes),
    lines,
    format,
    checkDigits,
    registry: registryOf(who),
    angle,
    sigma,
    quality,
    perspective: tilt,
  };
}
