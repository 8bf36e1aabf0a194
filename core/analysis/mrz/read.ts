import type { AnalysisSlot, MrzRead } from '../../../shared/analysis.ts';
import { downscale, type Box, type GreyImage } from '../image/grey-image.ts';
import { choiceConfidence, readGlyphZone, type GlyphChoice } from './glyph-read.ts';
import { locateMrzBand } from './locate.ts';
import { resolveGlare, type GlareCorrection } from './glare.ts';
import { readMrzText, type ParsedMrz } from './text.ts';
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
 *    or three long equal lines lowest on the page (locate.ts).
 * 3. Refine: the zone is cut upright from the full-resolution image, its residual skew (a
 *    perspective tilt turns the zone apart from the page) measured and removed, and its text rows
 *    found from the row profile of ink.
 * 4. Read: each row alone, resampled so its capitals are {@link LINE_HEIGHTS}[0] pixels high, as
 *    one line restricted to the MRZ alphabet. When the check digits do not all hold, a line has
 *    not its format's exact length or was read with low confidence, the rows are read again at
 *    the next height, and the zone is combined line by line from all readings so far (check
 *    digits choose; the name line goes by votes). It stops at the first combination that
 *    qualifies. Nothing is made up: every line is what the OCR read at some height;
 *    characters change only where the parser's format rules or a check digit prove one reading
 *    (text.ts).
 */

export interface ZoneEngine {
  layoutLines(image: GreyImage): Promise<LayoutLine[]>;
  readLine(image: GreyImage): Promise<OcrText>;
}

export type MrzAttempt = { read: MrzRead } | { unreadable: boolean };

/** How far a reading goes. */
export interface ZoneOptions {
  /**
   * Only the glyph reader, never the OCR engine's line readings: a cheap first look that tells
   * which way up a document is (orientation.ts) before the full reading.
   */
  glyphsOnly?: boolean;
}

/** A line's text with its glyph reader's choices, when the glyph reader read it. */
type ChoiceText = OcrText & { choices?: readonly GlyphChoice[] };

/** Layout analysis runs on the image scaled to this long side (it needs lines, not letters). */
const LAYOUT_SIDE = 1000;
/** The residual skew is measured on the zone scaled to this width. */
const ZONE_SKEW_SIDE = 700;
/** Capital heights (pixels) the rows are read at, in order: the English model reads best near 22. */
const LINE_HEIGHTS = [22, 20, 26, 18, 30] as const;
/** Below this line confidence (0–100) a reading is confirmed at another height. */
const MIN_CONFIDENCE = 40;
const LENGTH = { TD1: 30, TD2: 36, TD3: 44 } as const;
/** A glyph layout's format by its line length. */
const GLYPH_FORMAT: Record<number, 'TD1' | 'TD2' | 'TD3'> = { 30: 'TD1', 36: 'TD2', 44: 'TD3' };

interface Reading {
  texts: ChoiceText[];
  /** Cells set under glare (glare.ts), by row index. */
  glare?: GlareCorrection[];
  /**
   * How much this reading's lines weigh when readings are combined: the glyph reader, which
   * knows the zone's face, counts as two of the OCR engine's readings (which misread OCR-B's
   * fillers alike at several heights).
   */
  weight?: number;
  parsed: ParsedMrz | null;
  /** Per line, how many heights read that text (a combination of readings only). */
  votes?: number[];
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
  // Shrinking averages areas (bilinear sampling would alias the JPEG's noise into the glyphs).
  const scaled =
    f < 1
      ? downscale(cut, Math.max(cut.width, cut.height) * f)
      : resize(cut, cut.width * f, cut.height * f);
  cut.data.fill(0);
  const framed = withMargin(scaled, 12);
  scaled.data.fill(0);
  return framed;
}

/**
 * A reading qualifies when every check digit holds, no line needed padding or trimming, no
 * filler of the name field had to be set back (a name has no check digit: such a line is read
 * again at another height), and each line was read with confidence or by two heights alike.
 */
function qualifies(reading: Reading): boolean {
  const p = reading.parsed;
  if (!p?.checkDigitsValid || p.corrections.some((c) => c.to === '<')) return false;
  const length = LENGTH[p.format];
  return p.used.every((i) => {
    const text = reading.texts[i];
    const confirmed = text !== undefined && (reading.votes?.[i] ?? 1) >= 2;
    return text?.text.length === length && (text.confidence >= MIN_CONFIDENCE || confirmed);
  });
}

/** A glyph reading this sure of every character stands even when a check digit fails. */
const CERTAIN_GLYPHS = 80;

/**
 * Every glyph matched its reference well and far better than any other, on lines of the exact
 * length, with no filler set back: what is printed was read, so a check digit that fails is the
 * document's (a wrong digit printed), not the reading's. Combining with the OCR engine's readings
 * could only trade a printed line for one whose check digits hold by chance.
 */
function certain(reading: Reading): boolean {
  const p = reading.parsed;
  if (!p || p.corrections.some((c) => c.to === '<')) return false;
  const length = LENGTH[p.format];
  return p.used.every((i) => {
    const text = reading.texts[i];
    return text?.text.length === length && text.confidence >= CERTAIN_GLYPHS;
  });
}

/** Candidate texts kept per line when readings are combined (the most voted first). */
const MAX_CANDIDATES_PER_LINE = 5;

/**
 * The best zone made of lines the readings produced, each line taken from any reading: first a
 * combination that qualifies, then one whose check digits all hold, then any that parses; among
 * equals, the one with more digits holding, more lines of exact length, fewer corrections, then
 * the lines more readings agree on (fillers at the end aside; the glyph reader weighs two), then
 * the more confident. Check
 * digits so choose among what the OCR read; a line without one (the names) goes by votes.
 */
function combine(readings: readonly Reading[]): Reading | undefined {
  const count = Math.max(...readings.map((r) => r.texts.length));
  const perLine: { text: OcrText; votes: number; weight: number }[][] = [];
  for (let i = 0; i < count; i++) {
    const votes = new Map<string, { text: OcrText; votes: number; weight: number }>();
    for (const r of readings) {
      const t = r.texts[i];
      if (!t?.text) continue;
      const key = t.text.replace(/<+$/, '');
      const v = votes.get(key);
      if (!v) votes.set(key, { text: t, votes: 1, weight: r.weight ?? 1 });
      else {
        v.votes++;
        v.weight += r.weight ?? 1;
        if (t.confidence > v.text.confidence) v.text = t;
      }
    }
    perLine.push(
      [...votes.values()]
        .sort((a, b) => b.weight - a.weight || b.text.confidence - a.text.confidence)
        .slice(0, MAX_CANDIDATES_PER_LINE),
    );
  }
  let best: { reading: Reading; score: number[] } | undefined;
  const better = (a: number[], b: number[]) => {
    for (let k = 0; k < a.length; k++)
      if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) > (b[k] ?? 0);
    return false;
  };
  const walk = (i: number, chosen: { text: OcrText; votes: number; weight: number }[]) => {
    if (i === perLine.length) {
      const texts = chosen.map((c) => c.text);
      const reading = {
        texts,
        parsed: readMrzText(texts.map((t) => t.text)),
        votes: chosen.map((c) => c.votes),
      };
      if (!reading.parsed) return;
      const p = reading.parsed;
      const length = LENGTH[p.format];
      const score = [
        qualifies(reading) ? 2 : p.checkDigitsValid ? 1 : 0,
        Object.values(p.checkDigits).filter(Boolean).length,
        p.used.filter((u) => texts[u]?.text.length === length).length,
        -p.corrections.length,
        chosen.reduce((n, c) => n + c.weight, 0),
        chosen.reduce((n, c) => n + c.text.confidence, 0),
      ];
      if (!best || better(score, best.score)) best = { reading, score };
      return;
    }
    for (const option of perLine[i] ?? []) walk(i + 1, [...chosen, option]);
  };
  walk(0, []);
  return best?.reading;
}

export async function readZone(
  engine: ZoneEngine,
  slot: AnalysisSlot,
  image: GreyImage,
  options: ZoneOptions = {},
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
    // 4. Read glyph by glyph against OCR-B; then, unless that qualifies, with the OCR engine at
    //    each height until a combination of all readings qualifies.
    const readings: Reading[] = [];
    let chosen: Reading | undefined;
    const glyphReadings = readGlyphZone(zone, rows).map(({ first, rows: read }) => {
      // Cells washed out by glare, set only where the check digits prove one reading (glare.ts).
      const { lines: resolved, corrections: glare } = resolveGlare(
        read.map((r) => r.text),
        read.map((r) => r.choices.flatMap((c, k) => (c.blank ? [k] : []))),
        GLYPH_FORMAT[read[0]?.text.length ?? 0] ?? 'TD1',
      );
      // Aligned with the rows, so the OCR engine's reading of a row can be set beside it.
      const aligned = rows.map((_, i) => {
        const r = read[i - first];
        return r
          ? { text: resolved[i - first] ?? r.text, confidence: r.confidence, choices: r.choices }
          : { text: '', confidence: 0 };
      });
      const rowGlare = glare.map((c) => ({ ...c, line: c.line + first }));
      return { texts: aligned, parsed: readMrzText(aligned.map((t) => t.text)), glare: rowGlare };
    });
    // Of the layouts tried, the one whose check digits hold best (the best-matching glyphs first).
    const glyphs = glyphReadings
      .filter((r) => r.parsed)
      .sort(
        (a, b) =>
          Number(b.parsed?.checkDigitsValid) - Number(a.parsed?.checkDigitsValid) ||
          Object.values(b.parsed?.checkDigits ?? {}).filter(Boolean).length -
            Object.values(a.parsed?.checkDigits ?? {}).filter(Boolean).length,
      )[0];
    if (glyphs && (qualifies(glyphs) || certain(glyphs) || options.glyphsOnly)) chosen = glyphs;
    else if (glyphs) readings.push({ ...glyphs, weight: 2 });
    for (const height of chosen || options.glyphsOnly ? [] : LINE_HEIGHTS) {
      const texts: OcrText[] = [];
      for (const row of rows) {
        const line = rowImage(zone, row, height);
        texts.push(await engine.readLine(line));
        line.data.fill(0);
      }
      const reading = { texts, parsed: readMrzText(texts.map((t) => t.text)) };
      readings.push(reading);
      const combined = readings.length === 1 ? reading : combine(readings);
      if (combined && qualifies(combined)) {
        chosen = combined;
        break;
      }
    }
    chosen ??= combine(readings);
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
    // The cells set under glare that the zone reported holds as set (the glyph reading's lines
    // may have been combined with the OCR engine's).
    const glareFixes = (glyphs?.glare ?? []).flatMap((c) => {
      const line = parsed.used.indexOf(c.line);
      return line >= 0 && parsed.lines[line]?.charAt(c.column) === c.to ? [{ ...c, line }] : [];
    });
    // Per character: the glyph reader's confidence and runner-up where it read the line as it
    // stands; a line the OCR engine read carries its line confidence and no runner-up.
    const characters = parsed.used.map((i, k) => {
      const text = chosen.texts[i];
      const line = parsed.lines[k] ?? '';
      const choices = text?.choices;
      if (choices && choices.length === line.length)
        return {
          confidence: choices.map(choiceConfidence),
          runnerUp: choices.map((c) => c.runnerUp).join(''),
          glare: choices.flatMap((c, k) => (c.blank || c.faint ? [k] : [])),
        };
      return {
        confidence: Array.from(line, () => Math.round(text?.confidence ?? 0)),
        runnerUp: '?'.repeat(line.length),
      };
    });
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
        corrections: [...glareFixes, ...parsed.corrections],
        characters,
      },
    };
  } finally {
    zone.data.fill(0);
  }
}
