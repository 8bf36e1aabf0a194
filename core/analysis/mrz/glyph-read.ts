import type { GreyImage } from '../image/grey-image.ts';
import { CELL_BORDER, CELL_HEIGHT, CELL_WIDTH, rowCells } from './cells.ts';
import { MRZ_GLYPH_TOPS, MRZ_GLYPHS } from './glyph-templates.ts';
import type { OcrText } from './ocr-engine.ts';
import type { TextRow } from './zone-image.ts';

/**
 * Reads a machine-readable zone glyph by glyph: each row cut into its fixed-pitch cells
 * (cells.ts) and each cell matched against reference OCR-B glyphs by normalised correlation,
 * allowing a shift of one sample pixel each way. The zone's face is known (ICAO 9303 prescribes
 * OCR-B), which a general-purpose OCR model does not assume: the English model reads OCR-B's
 * filler `<` as K or L. A row's confidence is its least certain character, so a single doubtful
 * glyph sends the zone to the OCR engine for a second opinion.
 */

export interface GlyphChoice {
  char: string;
  /** Correlation with the best reference, −1 to 1. */
  score: number;
  /** The best other character and its correlation. */
  runnerUp: string;
  runnerUpScore: number;
  /** The cell holds no print at all (washed out by glare): its character is not known. */
  blank?: true;
  /** The cell's print is faint (partly washed out): a stroke may be missing from it. */
  faint?: true;
}

/** A cell whose strongest ink is below this (0–1) is faint. */
const FAINT_INK = 0.55;

function isFaint(cell: Float32Array): boolean {
  let most = 0;
  for (const v of cell) if (v > most) most = v;
  return most < FAINT_INK;
}

/** A cell whose strongest ink is below this (0–1) holds no print. */
const BLANK_INK = 0.2;

function isBlank(cell: Float32Array): boolean {
  let most = 0;
  for (const v of cell) if (v > most) most = v;
  return most < BLANK_INK;
}

export interface GlyphRow extends OcrText {
  choices: GlyphChoice[];
}

const SIZE = CELL_WIDTH * CELL_HEIGHT;
/** Glyph-like cells a row may leave outside its grid and still be read under that layout. */
const MAX_GLYPHS_OUTSIDE = 3;

function normalise(values: Float32Array): Float32Array | null {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let norm = 0;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] ?? 0) - mean;
    out[i] = d;
    norm += d * d;
  }
  if (norm < 1e-6) return null;
  const k = 1 / Math.sqrt(norm);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * k;
  return out;
}

/** The references, decoded once: hex bytes of mean ink, row-major, normalised here. */
const REFERENCES: { char: string; pattern: Float32Array }[] = Object.entries(MRZ_GLYPHS).map(
  ([char, hex]) => {
    const raw = new Float32Array(SIZE);
    for (let i = 0; i < SIZE; i++) raw[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16) / 255;
    const pattern = normalise(raw);
    if (!pattern) throw new Error(`reference glyph ${char} is blank`);
    return { char, pattern };
  },
);

/** The cell's window shifted by (dx, dy) sample pixels, normalised. */
function shifted(cell: Float32Array, dx: number, dy: number): Float32Array | null {
  const w = CELL_WIDTH + 2 * CELL_BORDER;
  const window = new Float32Array(SIZE);
  for (let j = 0; j < CELL_HEIGHT; j++)
    for (let i = 0; i < CELL_WIDTH; i++)
      window[j * CELL_WIDTH + i] = cell[(j + CELL_BORDER + dy) * w + i + CELL_BORDER + dx] ?? 0;
  return normalise(window);
}

/** The best reference for one cell (a blank cell matches nothing: score 0, char `?`). */
export function classifyCell(cell: Float32Array): GlyphChoice {
  const best = new Map<string, number>();
  for (let dy = -CELL_BORDER; dy <= CELL_BORDER; dy++) {
    for (let dx = -CELL_BORDER; dx <= CELL_BORDER; dx++) {
      const window = shifted(cell, dx, dy);
      if (!window) continue;
      for (const { char, pattern } of REFERENCES) {
        let dot = 0;
        for (let i = 0; i < SIZE; i++) dot += (window[i] ?? 0) * (pattern[i] ?? 0);
        if (dot > (best.get(char) ?? -Infinity)) best.set(char, dot);
      }
    }
  }
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  return {
    char: first?.[0] ?? '?',
    score: first?.[1] ?? 0,
    runnerUp: second?.[0] ?? '?',
    runnerUpScore: second?.[1] ?? 0,
  };
}

/**
 * How sure one choice is, 0–100: full when the glyph matches its reference well (≥ 0.85) and
 * clearly better than any other (by ≥ 0.12); nothing at a correlation of 0.5 or a tie.
 */
export function choiceConfidence(choice: GlyphChoice): number {
  const fit = Math.min(1, Math.max(0, (choice.score - 0.5) / 0.35));
  const margin = Math.min(1, Math.max(0, (choice.score - choice.runnerUpScore) / 0.12));
  return Math.round(100 * fit * margin);
}

/**
 * One row read as `count` characters, or null when it cannot be cut into that many cells or holds
 * more. Read twice: the first reading tells which cells are fillers (they stop short of the baseline) and
 * which digits (a tenth taller than the capitals), so the second cuts the row at the baseline and
 * the scale its glyphs show.
 */
export function readGlyphRow(zone: GreyImage, row: TextRow, count: number): GlyphRow | null {
  const first = rowCells(zone, row, count);
  if (!first) return null;
  // More characters than that (TD3's 44 cut as TD2's 36 leave eight outside; a speck or a page
  // edge, one or two): not this row's layout, and not worth matching.
  if (first.glyphsOutside > MAX_GLYPHS_OUTSIDE) return null;
  const rough = first.cells.map(classifyCell);
  const roughBlank = first.cells.map(isBlank);
  const roughFaint = first.cells.map(isFaint);
  const chars = rough.map((c) => (choiceConfidence(c) >= 30 ? c.char : '?'));
  const second = rowCells(zone, row, count, { chars, tops: MRZ_GLYPH_TOPS });
  const blank = second ? second.cells.map(isBlank) : roughBlank;
  const faint = second ? second.cells.map(isFaint) : roughFaint;
  const choices = (second ? second.cells.map(classifyCell) : rough).map((c, k) =>
    blank[k] ? { ...c, blank: true as const } : faint[k] ? { ...c, faint: true as const } : c,
  );
  return {
    text: choices.map((c) => c.char).join(''),
    confidence: Math.min(...choices.map(choiceConfidence)),
    choices,
  };
}

/** Characters per line of each zone format, with the number of lines it has. */
const LAYOUTS = [
  { lines: 3, count: 30 },
  { lines: 2, count: 44 },
  { lines: 2, count: 36 },
] as const;

/** A zone read glyph by glyph: its rows, from the `first` of the rows it was given. */
export interface GlyphZone {
  first: number;
  rows: GlyphRow[];
}

/**
 * The zone's rows read glyph by glyph under each layout (three adjacent rows of TD1's 30
 * characters; two of TD3's 44 or TD2's 36) whose cells hold all of each row's ink, the reading
 * whose glyphs match their references best first. Empty when none applies.
 */
export function readGlyphZone(zone: GreyImage, rows: readonly TextRow[]): GlyphZone[] {
  const readings: (GlyphZone & { fit: number })[] = [];
  const cache = new Map<string, GlyphRow | null>();
  const readRow = (index: number, count: number) => {
    const key = `${index}:${count}`;
    if (!cache.has(key)) {
      const row = rows[index];
      cache.set(key, row ? readGlyphRow(zone, row, count) : null);
    }
    return cache.get(key) ?? null;
  };
  for (const layout of LAYOUTS) {
    // Every run of adjacent rows: a band of print or shadow below or above the zone is a row too.
    for (let first = 0; first + layout.lines <= rows.length; first++) {
      const read: GlyphRow[] = [];
      for (let i = first; i < first + layout.lines; i++) {
        const row = readRow(i, layout.count);
        // Null: not that many cells, or more characters than that.
        if (row === null) break;
        read.push(row);
      }
      if (read.length < layout.lines) continue;
      const all = read.flatMap((r) => r.choices);
      const fit = all.reduce((s, c) => s + c.score, 0) / Math.max(1, all.length);
      readings.push({ first, rows: read, fit });
    }
  }
  return readings
    .sort((a, b) => b.fit - a.fit)
    .map(({ first, rows: read }) => ({ first, rows: read }));
}
