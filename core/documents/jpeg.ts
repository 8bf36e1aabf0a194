import type { ErrorCode } from '../../shared/errors.ts';
import { exifOrientation, swapsSides, type Orientation } from './exif-orientation.ts';

/**
 * Decides whether a byte array is a JPEG the viewer's decoder (libjpeg-turbo, inside Chromium)
 * will decode — without decoding a pixel. Main walks every marker segment from SOI to EOI,
 * applying the checks libjpeg-turbo 2.1 applies before and between scans, so that a file passes
 * here exactly when `djpeg -strict` decodes it (the differential test,
 * test/integration/jpeg-differential.test.ts, holds the two to that, file by file):
 *
 * - SOI first; then only segments libjpeg-turbo knows (APPn, COM, DQT, DHT, DAC, DRI, DNL, SOF,
 *   SOS), each starting right where the previous one ended (no stray bytes), none running past the
 *   end of the file (`image_truncated`).
 * - Exactly one frame header, of a coding browsers decode: baseline (SOF0), extended (SOF1),
 *   progressive (SOF2), and the arithmetic-coded SOF9/SOF10 — Chromium decodes both (found with
 *   Chromium 150 on `cjpeg -arithmetic` files, baseline and progressive; kept true by
 *   test/e2e/chromium-jpeg.test.ts). Lossless (SOF3, SOF11)
 *   and hierarchical (SOF5–7, SOF13–15) frames are refused. 8-bit samples only; 1 (grayscale), 3
 *   (YCbCr/RGB) or 4 (CMYK/YCCK) components with sampling factors 1–4 that divide the largest.
 * - Tables as libjpeg-turbo reads them: whole DQT tables, DHT/DAC lengths and indices, Huffman
 *   code lengths that fit, DC symbols ≤ 15; every table a scan needs defined before it (in a
 *   sequential frame Huffman tables 0 and 1 fall back to the standard ones, as in libjpeg-turbo).
 * - Every scan header names frame components, at most 4, no more than 10 blocks per MCU, with
 *   progressive parameters in range; at least one scan; the entropy-coded data is skipped marker
 *   by marker (stuffed `FF 00`, RST0–7) until the next segment.
 * - EOI after the scans; a file that ends before it is `image_truncated` — the viewer would show a
 *   grey remainder. Bytes after EOI (phones append motion-photo video and other trailers) are
 *   accepted and counted in `trailingBytes`.
 * - A pixel budget: width and height at most 65 500 (the decoder's own limit), width × height at
 *   most 50 megapixels (≈ 200 MB of RGBA in the renderer), and at least one byte of file per 1 024
 *   declared pixels — a decompression bomb declares far more pixels than its bytes can carry.
 *   Otherwise `image_dimensions`.
 *
 * The EXIF orientation (first Exif APP1 before the first scan, as Chromium reads it) is reported;
 * `width`/`height` are the displayed dimensions, `storedWidth`/`storedHeight` the frame's.
 * Every other refusal is `image_not_jpeg`, with a message naming what is wrong.
 */

export interface JpegLimits {
  /** Largest accepted width or height, in pixels. */
  maxSide?: number;
  /** Largest accepted width × height. */
  maxPixels?: number;
  /** Most declared pixels per byte of file. */
  maxPixelsPerByte?: number;
}

export const DEFAULT_JPEG_LIMITS: Required<JpegLimits> = {
  maxSide: 65_500,
  maxPixels: 50_000_000,
  maxPixelsPerByte: 1024,
};

export interface JpegFacts {
  /** Displayed width: the stored height when the EXIF orientation turns the picture a quarter. */
  width: number;
  height: number;
  storedWidth: number;
  storedHeight: number;
  orientation: Orientation;
  /** Bytes after EOI (a trailer the viewer ignores, but which can carry data). */
  trailingBytes: number;
  progressive: boolean;
  arithmetic: boolean;
  components: 1 | 3 | 4;
}

export type JpegRefusalCode = Extract<
  ErrorCode,
  'image_not_jpeg' | 'image_truncated' | 'image_dimensions'
>;

export type JpegCheck =
  ({ ok: true } & JpegFacts) | { ok: false; code: JpegRefusalCode; message: string };

type Refusal = Extract<JpegCheck, { ok: false }>;

const refusal = (code: JpegRefusalCode, message: string): Refusal => ({ ok: false, code, message });
const NOT_JPEG = refusal('image_not_jpeg', 'The file is not a JPEG image.');
const TRUNCATED = refusal('image_truncated', 'The JPEG image is incomplete (truncated).');
const damaged = (what: string) => refusal('image_not_jpeg', `The JPEG image is damaged: ${what}.`);
const unsupported = (what: string) =>
  refusal('image_not_jpeg', `The JPEG image uses ${what}, which the viewer cannot decode.`);

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const DQT = 0xdb;
const DHT = 0xc4;
const DAC = 0xcc;
const DRI = 0xdd;
const DNL = 0xdc;
const APP1 = 0xe1;
const COM = 0xfe;
/** Frame types libjpeg-turbo 2.1 decodes, and whether each is progressive / arithmetic. */
const DECODED_FRAMES = new Map<number, { progressive: boolean; arithmetic: boolean }>([
  [0xc0, { progressive: false, arithmetic: false }], // baseline
  [0xc1, { progressive: false, arithmetic: false }], // extended sequential
  [0xc2, { progressive: true, arithmetic: false }], // progressive
  [0xc9, { progressive: false, arithmetic: true }], // extended sequential, arithmetic
  [0xca, { progressive: true, arithmetic: true }], // progressive, arithmetic
]);
/** Lossless, hierarchical and the reserved JPG marker: frames no browser decodes. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc8, 0xcb, 0xcd, 0xce, 0xcf]);

const MAX_BLOCKS_IN_MCU = 10;
const MAX_COMPS_IN_SCAN = 4;

interface Component {
  id: number;
  h: number;
  v: number;
  quantTable: number;
  /** Whether its quantisation table has been taken (at the first scan that includes it). */
  latched: boolean;
}

interface Frame {
  width: number;
  height: number;
  progressive: boolean;
  arithmetic: boolean;
  components: Component[];
}

interface HuffmanTable {
  counts: Uint8Array;
  symbols: Uint8Array;
}

/** What the walk has seen so far. */
interface State {
  frame: Frame | null;
  quantDefined: boolean[];
  dcTables: (HuffmanTable | null)[];
  acTables: (HuffmanTable | null)[];
  orientation: Orientation | null;
  scans: number;
}

const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
const isApp = (marker: number) => marker >= 0xe0 && marker <= 0xef;

export function checkJpeg(bytes: Uint8Array, limits: JpegLimits = {}): JpegCheck {
  const budget = { ...DEFAULT_JPEG_LIMITS, ...limits };
  const n = bytes.length;
  if (n === 0) return NOT_JPEG;
  if (n < 3) {
    // A prefix of `FF D8 FF` is a JPEG that stopped short; anything else is not one.
    const prefix = [0xff, SOI];
    for (let i = 0; i < n; i++) if (bytes[i] !== prefix[i]) return NOT_JPEG;
    return TRUNCATED;
  }
  if (bytes[0] !== 0xff || bytes[1] !== SOI || bytes[2] !== 0xff) return NOT_JPEG;

  const state: State = {
    frame: null,
    quantDefined: [false, false, false, false],
    dcTables: [null, null, null, null],
    acTables: [null, null, null, null],
    orientation: null,
    scans: 0,
  };
  let pos = 2;
  for (;;) {
    if (pos >= n) return TRUNCATED;
    if (bytes[pos] !== 0xff) return damaged('stray bytes between segments');
    while (pos < n && bytes[pos] === 0xff) pos++; // fill bytes may precede a marker
    if (pos >= n) return TRUNCATED;
    const marker = bytes[pos++] ?? 0;
    if (isStandalone(marker)) continue;
    if (marker === EOI) {
      if (state.scans === 0) return damaged('no image data');
      return facts(state, n - pos);
    }
    if (marker === SOI) return damaged('a second start-of-image marker');
    if (pos + 2 > n) return TRUNCATED;
    const length = ((bytes[pos] ?? 0) << 8) | (bytes[pos + 1] ?? 0);
    if (length < 2) return damaged('a segment with an impossible length');
    const end = pos + length;
    if (end > n) return TRUNCATED;
    const body = bytes.subarray(pos + 2, end);
    const problem = segment(marker, body, state, n, budget);
    if (problem !== null) return problem;
    pos = end;
    if (marker === SOS) {
      const next = skipEntropyData(bytes, pos);
      if (next === null) return TRUNCATED;
      pos = next;
    }
  }
}

/** Checks one segment and records what it defines; a refusal, or null to go on. */
function segment(
  marker: number,
  body: Uint8Array,
  state: State,
  fileSize: number,
  budget: Required<JpegLimits>,
): Refusal | null {
  const coding = DECODED_FRAMES.get(marker);
  if (coding !== undefined) {
    if (state.frame !== null) return damaged('two frame headers');
    const parsed = frameHeader(body, coding);
    if ('ok' in parsed) return parsed;
    const dims = withinBudget(parsed.width, parsed.height, fileSize, budget);
    if (dims !== null) return dims;
    state.frame = parsed;
    return null;
  }
  if (OTHER_FRAMES.has(marker)) return unsupported('a lossless or hierarchical coding');
  switch (marker) {
    case DQT:
      return quantTables(body, state);
    case DHT:
      return huffmanTables(body, state);
    case DAC:
      return arithmeticConditioning(body);
    case DRI:
      return body.length === 2 ? null : damaged('a restart interval of the wrong length');
    case DNL:
      return null; // ignored by the decoder
    case SOS:
      return scanHeader(body, state);
    case COM:
      return null;
    default:
      if (!isApp(marker)) return damaged('an unknown marker');
      if (marker === APP1 && state.orientation === null && state.scans === 0) {
        state.orientation = exifOrientation(body);
      }
      return null;
  }
}

function frameHeader(
  body: Uint8Array,
  coding: { progressive: boolean; arithmetic: boolean },
): Frame | Refusal {
  if (body.length < 6) return damaged('a short frame header');
  const precision = body[0] ?? 0;
  const height = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
  const width = ((body[3] ?? 0) << 8) | (body[4] ?? 0);
  const count = body[5] ?? 0;
  if (body.length !== 6 + 3 * count) return damaged('a frame header of the wrong length');
  if (precision !== 8) return unsupported(`${precision}-bit samples`);
  if (width === 0 || height === 0) {
    return refusal('image_dimensions', 'The JPEG image declares implausible dimensions.');
  }
  if (count !== 1 && count !== 3 && count !== 4) {
    return unsupported(`${count} colour components`);
  }
  const components: Component[] = [];
  for (let c = 0; c < count; c++) {
    const at = 6 + 3 * c;
    const sampling = body[at + 1] ?? 0;
    const h = sampling >> 4;
    const v = sampling & 0x0f;
    if (h < 1 || h > 4 || v < 1 || v > 4) return damaged('a sampling factor out of range');
    components.push({ id: body[at] ?? 0, h, v, quantTable: body[at + 2] ?? 0, latched: false });
  }
  const maxH = Math.max(...components.map((c) => c.h));
  const maxV = Math.max(...components.map((c) => c.v));
  if (components.some((c) => maxH % c.h !== 0 || maxV % c.v !== 0)) {
    return unsupported('fractional chroma sampling');
  }
  return { width, height, ...coding, components };
}

function withinBudget(
  width: number,
  height: number,
  fileSize: number,
  budget: Required<JpegLimits>,
): Refusal | null {
  const pixels = width * height;
  if (width > budget.maxSide || height > budget.maxSide || pixels > budget.maxPixels) {
    return refusal(
      'image_dimensions',
      'The JPEG image declares more pixels than the viewer shows.',
    );
  }
  if (pixels > fileSize * budget.maxPixelsPerByte) {
    return refusal(
      'image_dimensions',
      'The JPEG image declares far more pixels than its size can hold (a decompression bomb).',
    );
  }
  return null;
}

function quantTables(body: Uint8Array, state: State): Refusal | null {
  let at = 0;
  while (at < body.length) {
    const spec = body[at++] ?? 0;
    const index = spec & 0x0f;
    const wide = spec >> 4 !== 0;
    if (index > 3) return damaged('a quantisation table index out of range');
    const size = 64 * (wide ? 2 : 1); // libjpeg-turbo 2.1 takes whole tables only
    if (at + size > body.length) return damaged('a quantisation table of the wrong length');
    at += size;
    state.quantDefined[index] = true;
  }
  return null;
}

function huffmanTables(body: Uint8Array, state: State): Refusal | null {
  let at = 0;
  while (body.length - at > 16) {
    const spec = body[at] ?? 0;
    const counts = body.subarray(at + 1, at + 17);
    at += 17;
    let total = 0;
    for (const c of counts) total += c;
    if (total > 256 || total > body.length - at) return damaged('a bad Huffman table');
    const symbols = body.subarray(at, at + total);
    at += total;
    const index = spec & 0x0f;
    const isAc = (spec & 0x10) !== 0;
    if ((spec & 0xe0) !== 0 || index > 3) return damaged('a Huffman table index out of range');
    (isAc ? state.acTables : state.dcTables)[index] = { counts, symbols };
  }
  return at === body.length ? null : damaged('a Huffman table segment of the wrong length');
}

/** The code lengths must fit (no code longer than its length allows) and DC symbols be ≤ 15. */
function huffmanTableUsable(table: HuffmanTable, isDc: boolean): boolean {
  let code = 0;
  for (let length = 1; length <= 16; length++) {
    code += table.counts[length - 1] ?? 0;
    if (code >= 2 ** length) return false; // libjpeg-turbo reserves the all-ones code
    code *= 2;
  }
  return !isDc || table.symbols.every((s) => s <= 15);
}

function arithmeticConditioning(body: Uint8Array): Refusal | null {
  if (body.length % 2 !== 0) return damaged('an arithmetic-coding table of the wrong length');
  for (let at = 0; at < body.length; at += 2) {
    const index = body[at] ?? 0;
    const value = body[at + 1] ?? 0;
    if (index >= 32) return damaged('an arithmetic-coding table index out of range');
    if (index < 16 && (value & 0x0f) > value >> 4) {
      return damaged('an arithmetic-coding table value out of range');
    }
  }
  return null;
}

function scanHeader(body: Uint8Array, state: State): Refusal | null {
  const frame = state.frame;
  if (frame === null) return damaged('a scan before the frame header');
  const count = body[0] ?? 0;
  if (count < 1 || count > MAX_COMPS_IN_SCAN || body.length !== 4 + 2 * count) {
    return damaged('a scan header of the wrong length');
  }
  const inScan: { component: Component; dc: number; ac: number }[] = [];
  for (let c = 0; c < count; c++) {
    const id = body[1 + 2 * c] ?? 0;
    const tables = body[2 + 2 * c] ?? 0;
    const component = frame.components.find((k) => k.id === id);
    if (component === undefined || inScan.some((s) => s.component === component)) {
      return damaged('a scan naming a component the frame does not have');
    }
    inScan.push({ component, dc: tables >> 4, ac: tables & 0x0f });
  }
  const ss = body[1 + 2 * count] ?? 0;
  const se = body[2 + 2 * count] ?? 0;
  const ah = (body[3 + 2 * count] ?? 0) >> 4;
  const al = (body[3 + 2 * count] ?? 0) & 0x0f;

  if (count > 1) {
    const blocks = inScan.reduce((sum, s) => sum + s.component.h * s.component.v, 0);
    if (blocks > MAX_BLOCKS_IN_MCU) return damaged('too many blocks in a scan unit');
  }
  const dcBand = ss === 0;
  if (frame.progressive) {
    const bad =
      (dcBand ? se !== 0 : ss > se || se > 63 || count !== 1) ||
      (ah !== 0 && al !== ah - 1) ||
      al > 13;
    if (bad) return damaged('bad progressive scan parameters');
  }
  for (const { component } of inScan) {
    if (component.latched) continue;
    if (component.quantTable > 3 || state.quantDefined[component.quantTable] !== true) {
      return damaged('a scan before its quantisation table');
    }
    component.latched = true;
  }
  if (!frame.arithmetic) {
    const needDc = frame.progressive ? dcBand && ah === 0 : true;
    const needAc = frame.progressive ? !dcBand : true;
    for (const { dc, ac } of inScan) {
      const fallback = !frame.progressive;
      if (needDc && !tableAvailable(state.dcTables, dc, true, fallback)) {
        return damaged('a missing or bad Huffman table');
      }
      if (needAc && !tableAvailable(state.acTables, ac, false, fallback)) {
        return damaged('a missing or bad Huffman table');
      }
    }
  }
  state.scans++;
  return null;
}

/**
 * A defined, usable table — or, in a sequential frame, for indices 0 and 1, the standard table
 * libjpeg-turbo falls back to (for Motion-JPEG; its progressive decoder has no such fallback).
 */
function tableAvailable(
  tables: (HuffmanTable | null)[],
  index: number,
  isDc: boolean,
  fallback: boolean,
): boolean {
  if (index > 3) return false;
  const table = tables[index];
  if (table === null || table === undefined) return fallback && index <= 1;
  return huffmanTableUsable(table, isDc);
}

/**
 * From the first byte of entropy-coded data, the offset of the `FF` that starts the next segment
 * marker; null when the file ends first. `FF 00` (a stuffed byte), RST0–7 and fill bytes are part
 * of the data.
 */
function skipEntropyData(bytes: Uint8Array, from: number): number | null {
  let at = from;
  for (;;) {
    const ff = bytes.indexOf(0xff, at);
    if (ff < 0) return null;
    let next = ff + 1;
    while (next < bytes.length && bytes[next] === 0xff) next++;
    if (next >= bytes.length) return null;
    const marker = bytes[next] ?? 0;
    if (marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) {
      at = next + 1;
      continue;
    }
    return next - 1;
  }
}

function facts(state: State, trailingBytes: number): JpegCheck {
  const frame = state.frame;
  if (frame === null) return damaged('no frame header');
  const orientation = state.orientation ?? 1;
  const turned = swapsSides(orientation);
  return {
    ok: true,
    width: turned ? frame.height : frame.width,
    height: turned ? frame.width : frame.height,
    storedWidth: frame.width,
    storedHeight: frame.height,
    orientation,
    trailingBytes,
    progressive: frame.progressive,
    arithmetic: frame.arithmetic,
    components: frame.components.length as 1 | 3 | 4,
  };
}
