import type { AnalysisSlot, MrzRead } from '../../shared/analysis.ts';
import { downscale, type Box, type GreyImage } from './grey-image.ts';
import { locateMrzBand } from './mrz-locate.ts';
import { readMrzText, type ParsedMrz } from './mrz-text.ts';
import type { LayoutLine, OcrText } from './ocr-engine.ts';
import {
  estimateSkew,
  levelledCrop,
  resize,
  textRows,
  unlevelPoint,
  withMargin,
  type TextRow,
} from './zone-image.ts';

/**
 * Reads the machine-readable zone of one document image:
 *
 * 1. Level: the skew of the page's text lines (projection profile of pen strokes) on the image
 *    scaled to {@link LAYOUT_SIDE}; the page is levelled by it before anything else.
 * 2. Locate: the OCR engine's layout analysis finds the text lines; the zone is the stack of two
 *    or three long equal lines lowest on the page (mrz-locate.ts).
 * 3. Refine: the zone is cut upright from the full-resolution image, its residual skew (a
 *    perspective tilt turns the zone apart from the page) measured and removed, and its text rows
 *    found from the row profile of ink.
 * 4. Read: each row alone, resampled so its capitals are {@link LINE_HEIGHTS}[0] pixels high, as
 *    one line restricted to the MRZ alphabet. When the check digits do not all hold, or the
 *    lines have not their format's exact length, the rows are read again at the next height, and
 *    each line is taken from the reading most heights agree on. It stops at the first reading
 *    that qualifies. Nothing is made up: every line is what the OCR read at some height;
 *    characters change only where the parser's format rules or a check digit prove one reading
 *    (mrz-text.ts).
 */

export interface ZoneEngine {
  layoutLines(image: GreyImage): Promise<LayoutLine[]>;
  readLine(image: GreyImage): Promise<OcrText>;
}

export type MrzAttempt = { read: MrzRead } | { unreadable: boolean };

/** Layout analysis runs on the image scaled to this long side (it needs lines, not letters). */
const LAYOUT_SIDE = 1000;
/** The residual skew is measured on the zone scaled to this width. */
const ZONE_SKEW_SIDE = 700;
/** Capital heights (pixels) the rows are read at, in order: the English model reads best near 22. */
const LINE_HEIGHTS = [22, 20, 26] as const;
/** Below this line confidence (0–100) a reading is confirmed at another height. */
const MIN_CONFIDENCE = 40;
const LENGTH = { TD1: 30, TD2: 36, TD3: 44 } as const;

interface Reading {
  texts: OcrText[];
  parsed: ParsedMrz | null;
}

function wholeBox(image: { width: number; height: number }): Box {
  return { left: 0, top: 0, width: image.width, height: image.height };
}

/** The zone rows: the widest rows of the crop, at most three, lowest first kept. */
function zoneRows(rows: readonly TextRow[]): TextRow[] {
  const widest = Math.max(0, ...rows.map((r) => r.right - r.left));
  return rows.filter((r) => r.right - r.left >= 0.6 * widest).slice(-3);
}

function rowImage(zone: GreyImage, row: TextRow, capHeight: number): GreyImage {
  const h = row.bottom - row.top;
  const pad = Math.round(h * 0.25);
  const cut = levelledCrop(zone, 0, {
    left: Math.max(0, row.left - pad),
    top: Math.max(0, row.top - pad),
    width: row.right - row.left + 2 * pad,
    height: h + 2 * pad,
  });
  const f = capHeight / Math.max(1, h);
  const scaled = resize(cut, cut.width * f, cut.height * f);
  cut.data.fill(0);
  const framed = withMargin(scaled, 12);
  scaled.data.fill(0);
  return framed;
}

/**
 * A reading qualifies when every check digit holds, no line needed padding or trimming and no
 * filler of the name field had to be set back (a name has no check digit: such a line is read
 * again at another height).
 */
function qualifies(reading: Reading): boolean {
  const p = reading.parsed;
  if (!p?.checkDigitsValid || p.corrections.some((c) => c.to === '<')) return false;
  const length = LENGTH[p.format];
  return p.used.every((i) => {
    const text = reading.texts[i];
    return text?.text.length === length && text.confidence >= MIN_CONFIDENCE;
  });
}

/** Per line, the text most readings agree on (ties: the one read with the most confidence). */
function consensus(readings: readonly Reading[]): OcrText[] {
  const count = Math.max(...readings.map((r) => r.texts.length));
  const out: OcrText[] = [];
  for (let i = 0; i < count; i++) {
    const votes = new Map<string, { n: number; text: OcrText }>();
    for (const r of readings) {
      const t = r.texts[i];
      if (!t) continue;
      const key = t.text.replace(/<+$/, '');
      const v = votes.get(key);
      if (v) v.n++;
      else votes.set(key, { n: 1, text: t });
    }
    let best: { n: number; text: OcrText } | undefined;
    for (const v of votes.values())
      if (!best || v.n > best.n || (v.n === best.n && v.text.confidence > best.text.confidence))
        best = v;
    if (best) out.push(best.text);
  }
  return out;
}

export async function readZone(
  engine: ZoneEngine,
  slot: AnalysisSlot,
  image: GreyImage,
): Promise<MrzAttempt> {
  // 1. Level the page.
  const small = downscale(image, LAYOUT_SIDE);
  const k = image.width / small.width;
  const angle = estimateSkew(small, wholeBox(small));
  const levelled = levelledCrop(small, angle, wholeBox(small));
  if (small !== image) small.data.fill(0);
  // 2. Locate the zone.
  const layout = (await engine.layoutLines(levelled)).map((l) => ({
    symbols: l.symbols,
    box: {
      left: l.box.left * k,
      top: l.box.top * k,
      width: l.box.width * k,
      height: l.box.height * k,
    },
  }));
  levelled.data.fill(0);
  const band = locateMrzBand(layout, image.width, image.height);
  // 3. Refine: the zone upright, its own residual skew removed, its rows.
  const first = levelledCrop(image, angle, band.box);
  const firstSmall = downscale(first, ZONE_SKEW_SIDE);
  const residual = estimateSkew(firstSmall, wholeBox(firstSmall), 3);
  if (firstSmall !== first) firstSmall.data.fill(0);
  first.data.fill(0);
  const zoneAngle = angle + residual;
  const zone = levelledCrop(image, zoneAngle, band.box);
  try {
    const rows = zoneRows(textRows(zone));
    if (rows.length < 2) return { unreadable: false };
    // 4. Read, at each height until a reading qualifies.
    const readings: Reading[] = [];
    let chosen: Reading | undefined;
    let voted: Reading | undefined;
    for (const height of LINE_HEIGHTS) {
      const texts: OcrText[] = [];
      for (const row of rows) {
        const line = rowImage(zone, row, height);
        texts.push(await engine.readLine(line));
        line.data.fill(0);
      }
      const reading = { texts, parsed: readMrzText(texts.map((t) => t.text)) };
      readings.push(reading);
      if (qualifies(reading)) {
        chosen = reading;
        break;
      }
      if (readings.length >= 2) {
        const agreed = consensus(readings);
        voted = { texts: agreed, parsed: readMrzText(agreed.map((t) => t.text)) };
        if (qualifies(voted)) {
          chosen = voted;
          break;
        }
      }
    }
    chosen ??= [voted, ...readings].find((r) => r?.parsed?.checkDigitsValid);
    chosen ??= readings.find((r) => r.parsed);
    const parsed = chosen?.parsed;
    if (!chosen || !parsed) {
      // A run of fillers is what only a zone prints: seen but not parsed means unreadable.
      return { unreadable: readings.some((r) => r.texts.some((t) => /<{3,}/.test(t.text))) };
    }
    const used = parsed.used.flatMap((i) => rows[i] ?? []);
    const corners = used.flatMap((r) =>
      [
        [r.left, r.top],
        [r.right, r.top],
        [r.right, r.bottom],
        [r.left, r.bottom],
      ].map(([x = 0, y = 0]) =>
        unlevelPoint(image, zoneAngle, band.box.left + x, band.box.top + y),
      ),
    );
    const left = Math.max(0, Math.min(...corners.map((p) => p.x)));
    const top = Math.max(0, Math.min(...corners.map((p) => p.y)));
    const right = Math.min(image.width, Math.max(...corners.map((p) => p.x)));
    const bottom = Math.min(image.height, Math.max(...corners.map((p) => p.y)));
    const confidences = parsed.used.map((i) => chosen.texts[i]?.confidence ?? 0);
    return {
      read: {
        status: 'read',
        slot,
        format: parsed.format,
        lines: parsed.lines,
        box: {
          left: Math.round(left),
          top: Math.round(top),
          width: Math.round(right - left),
          height: Math.round(bottom - top),
        },
        confidence: Math.round(confidences.reduce((s, c) => s + c, 0) / confidences.length),
        fields: parsed.fields,
        checkDigits: parsed.checkDigits,
        checkDigitsValid: parsed.checkDigitsValid,
        corrections: parsed.corrections,
      },
    };
  } finally {
    zone.data.fill(0);
  }
}
