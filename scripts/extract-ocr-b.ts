/**
 * `node scripts/extract-ocr-b.ts [font.otf]`: copies the outlines of the 37 characters a
 * machine-readable zone may hold (`0–9`, `A–Z`, `<`) from an OCR-B font into
 * `demo/ocr-b-outlines.ts`, so the demo's specimens draw their zones in the face ICAO 9303
 * prescribes on any machine, with no font installed.
 *
 * Default font: Debian's `fonts-ocr-b` (`/usr/share/fonts/opentype/ocr-b/OCRB.otf`), Matthew
 * Skala's OCR-B, released to the public domain, after Norbert Schwarz's METAFONT sources
 * ("You may freely use, modify and/or distribute this file, without limitation").
 * Run once when the outlines need to change; the output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import opentype from 'opentype.js';

const MRZ_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<';
const DEFAULT_FONT = '/usr/share/fonts/opentype/ocr-b/OCRB.otf';

function main(): void {
  const fontPath = process.argv[2] ?? DEFAULT_FONT;
  const bytes = readFileSync(fontPath);
  const font = opentype.parse(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const em = font.unitsPerEm;
  const entries = Array.from(MRZ_CHARACTERS).map((c) => {
    const glyph = font.charToGlyph(c);
    // SVG coordinates at 1000 units to the em: the baseline at y = 0, y growing downwards.
    const d = glyph.getPath(0, 0, 1000).toPathData(1);
    return `  ${JSON.stringify(c)}: ${JSON.stringify(d)},`;
  });
  // How far each glyph reaches above the baseline (its digits stand taller than its capitals).
  const tops = Array.from(MRZ_CHARACTERS).map((c) => {
    const box = font.charToGlyph(c).getPath(0, 0, 1000).getBoundingBox();
    return `  ${JSON.stringify(c)}: ${Math.round(-box.y1)},`;
  });
  const advance = Math.round((font.charToGlyph('A').advanceWidth ?? em) * (1000 / em));
  const capHeight = Math.round(
    ((font.tables.os2 as { sCapHeight?: number }).sCapHeight ?? 700) * (1000 / em),
  );
  const out = `/**
 * OCR-B outlines of the characters of a machine-readable zone, at 1000 units to the em (baseline
 * at y = 0, y downwards, as SVG draws them). Copied by scripts/extract-ocr-b.ts from Matthew
 * Skala's OCR-B (public domain; after Norbert Schwarz's METAFONT sources, free to use, modify and
 * distribute without limitation). Do not edit: run the script again.
 */
export const OCR_B_ADVANCE = ${advance};
export const OCR_B_CAP_HEIGHT = ${capHeight};
export const OCR_B_OUTLINES: Readonly<Record<string, string>> = {
${entries.join('\n')}
};
/** How far each glyph reaches above the baseline, in the same units. */
export const OCR_B_TOPS: Readonly<Record<string, number>> = {
${tops.join('\n')}
};
`;
  writeFileSync(resolve(import.meta.dirname, '../demo/ocr-b-outlines.ts'), out);
  console.log(`wrote demo/ocr-b-outlines.ts (${MRZ_CHARACTERS.length} outlines from ${fontPath})`);
}

main();
