/**
 * `node scripts/make-mrz-glyphs.ts`: makes the reference glyphs the zone reader matches cells
 * against (core/analysis/mrz/glyph-templates.ts). Each of the 37 zone characters is drawn in OCR-B
 * (demo/ocr-b-outlines.ts) in rows of all 37, in several orders, at three sizes, two spacings and
 * two blurs, cut into cells by the reader's own cutter (core/analysis/mrz/cells.ts), and averaged.
 * Deterministic; the output is committed. Run again when the cutter or the outlines change.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { CELL_BORDER, CELL_HEIGHT, CELL_WIDTH, rowCells } from '../core/analysis/mrz/cells.ts';
import { textRows } from '../core/analysis/mrz/zone-image.ts';
import { OCR_B_ADVANCE, OCR_B_CAP_HEIGHT, OCR_B_TOPS } from '../demo/ocr-b-outlines.ts';
import { mrzZone } from '../demo/specimens.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<';
const SIZES = [36, 56, 80];
const SPACINGS = [1, 0.85];
const BLURS = [0, 0.8];
/** Row orders: the alphabet turned by these many places, so each glyph meets other neighbours. */
const TURNS = [0, 5, 11, 19, 29];

async function cellsOf(
  size: number,
  spacing: number,
  blur: number,
): Promise<Map<string, Float32Array[]>> {
  const lines = TURNS.map((t) => ALPHABET.slice(t) + ALPHABET.slice(0, t));
  const pitch = (OCR_B_ADVANCE * size * spacing) / 1000;
  const width = Math.ceil(pitch * ALPHABET.length + 2 * size);
  const gap = Math.round(size * 1.6);
  const height = gap * (lines.length + 1);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#f4f1ea"/>
  ${mrzZone(lines, { x: size, y: gap, width: pitch * ALPHABET.length, lineGap: gap, size })}
</svg>`;
  let image = sharp(Buffer.from(svg)).greyscale();
  if (blur > 0) image = image.blur(blur);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  const zone = { width: info.width, height: info.height, data: new Uint8Array(data) };
  const rows = textRows(zone);
  if (rows.length !== lines.length)
    throw new Error(`size ${size}: ${rows.length} rows, not ${lines.length}`);
  const byChar = new Map<string, Float32Array[]>();
  rows.forEach((row, r) => {
    // Sampled at the font's own cap height: the reader's scale is measured in the same unit.
    const cut = rowCells(zone, row, ALPHABET.length, {
      chars: Array.from(lines[r] ?? ''),
      tops: {},
      capHeight: (OCR_B_CAP_HEIGHT * size) / 1000,
    });
    if (!cut) throw new Error(`size ${size}: row ${r} not cut`);
    Array.from(lines[r] ?? '').forEach((char, k) => {
      const cell = cut.cells[k];
      if (!cell) throw new Error('missing cell');
      const w = CELL_WIDTH + 2 * CELL_BORDER;
      const window = new Float32Array(CELL_WIDTH * CELL_HEIGHT);
      for (let j = 0; j < CELL_HEIGHT; j++)
        for (let i = 0; i < CELL_WIDTH; i++)
          window[j * CELL_WIDTH + i] = cell[(j + CELL_BORDER) * w + i + CELL_BORDER] ?? 0;
      byChar.set(char, [...(byChar.get(char) ?? []), window]);
    });
  });
  return byChar;
}

/** The reference glyphs: per character, its mean ink as hex bytes (what the module holds). */
export async function referenceGlyphs(): Promise<Record<string, string>> {
  const sums = new Map<string, { sum: Float64Array; n: number }>();
  for (const size of SIZES)
    for (const spacing of SPACINGS)
      for (const blur of BLURS) {
        for (const [char, cells] of await cellsOf(size, spacing, blur)) {
          const entry = sums.get(char) ?? { sum: new Float64Array(CELL_WIDTH * CELL_HEIGHT), n: 0 };
          for (const cell of cells) {
            cell.forEach((v, i) => (entry.sum[i] = (entry.sum[i] ?? 0) + v));
            entry.n++;
          }
          sums.set(char, entry);
        }
      }
  const entries = Array.from(ALPHABET).map((char) => {
    const entry = sums.get(char);
    if (!entry) throw new Error(`no cells for ${char}`);
    const hex = [...entry.sum]
      .map((v) =>
        Math.round((255 * v) / entry.n)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('');
    return [char, hex] as const;
  });
  return Object.fromEntries(entries);
}

async function main(): Promise<void> {
  const glyphs = await referenceGlyphs();
  const entries = Object.entries(glyphs).map(
    ([char, hex]) => `  ${JSON.stringify(char)}:\n    '${hex}',`,
  );
  const out = `/**
 * Reference glyphs of the zone reader (mrz/glyph-read.ts): for each zone character, the mean ink
 * (0–255, two hex digits per sample, ${CELL_WIDTH} × ${CELL_HEIGHT} row-major) of its OCR-B cells as
 * mrz/cells.ts cuts them, drawn at ${SIZES.length} sizes, ${SPACINGS.length} spacings and ${BLURS.length} blurs. Made by
 * scripts/make-mrz-glyphs.ts from demo/ocr-b-outlines.ts. Do not edit: run the script again.
 */
export const MRZ_GLYPHS: Readonly<Record<string, string>> = {
${entries.join('\n')}
};
/** How far each glyph reaches above the baseline, in capitals' heights (OCR-B's digits: 1.1). */
export const MRZ_GLYPH_TOPS: Readonly<Record<string, number>> = {
${Array.from(ALPHABET)
  .map(
    (c) =>
      `  ${JSON.stringify(c)}: ${((OCR_B_TOPS[c] ?? OCR_B_CAP_HEIGHT) / OCR_B_CAP_HEIGHT).toFixed(3)},`,
  )
  .join('\n')}
};
`;
  writeFileSync(resolve(import.meta.dirname, '../core/analysis/mrz/glyph-templates.ts'), out);
  console.log(`wrote core/analysis/mrz/glyph-templates.ts (${entries.length} glyphs)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
