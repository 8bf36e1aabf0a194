import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../../core/analysis/image/grey-image.ts';
import { readGlyphRow, readGlyphZone } from '../../../../../core/analysis/mrz/glyph-read.ts';
import { MRZ_GLYPHS } from '../../../../../core/analysis/mrz/glyph-templates.ts';
import { textRows } from '../../../../../core/analysis/mrz/zone-image.ts';
import { OCR_B_OUTLINES } from '../../../../../demo/ocr-b-outlines.ts';
import { referenceGlyphs } from '../../../../../scripts/make-mrz-glyphs.ts';

/**
 * The glyph reader on rows drawn here in OCR-B, with what a capture does to them: a size the
 * references were not made at, a pitch and size growing along the row (a zone seen at an angle),
 * a page edge beside the zone, another face altogether.
 */

const TD3_NAMES = 'P<UTOSPECIMEN<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const TD3_NUMBERS = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

/** A row of OCR-B glyphs; glyph k at scale `size(k)` and left edge `x(k)`. */
function rowSvg(
  text: string,
  place: { x: (k: number) => number; size: (k: number) => number; baseline: number },
  width: number,
  height: number,
  extra = '',
): string {
  const glyphs = Array.from(text).map((c, k) => {
    const d = OCR_B_OUTLINES[c];
    if (d === undefined) throw new Error(`no outline for ${c}`);
    return `<path transform="translate(${place.x(k).toFixed(2)} ${place.baseline}) scale(${place.size(k) / 1000})" d="${d}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#f2efe6"/><g fill="#151515">${glyphs.join('')}</g>${extra}</svg>`;
}

/** A TD3 zone (names over numbers, 36 px pitch) on a page `height` tall, with `extra` drawn on it. */
function td3Zone(height: number, extra = ''): string {
  const place = (baseline: number) => ({
    x: (k: number) => 30 + k * 36,
    size: () => 50,
    baseline,
  });
  const numbers = rowSvg(TD3_NUMBERS, place(160), 1700, height)
    .replace(/^[\s\S]*?<g /, '<g ')
    .replace('</svg>', '');
  return rowSvg(TD3_NAMES, place(70), 1700, height).replace('</svg>', `${numbers}${extra}</svg>`);
}

async function grey(svg: string, blur = 0): Promise<GreyImage> {
  let image = sharp(Buffer.from(svg)).greyscale();
  if (blur > 0) image = image.blur(blur);
  const jpeg = await image.jpeg({ quality: 70 }).toBuffer();
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

function readOne(image: GreyImage, count: number) {
  const rows = textRows(image);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  if (!row) throw new Error('no row');
  return readGlyphRow(image, row, count);
}

describe('reading a zone glyph by glyph', () => {
  it('reads an OCR-B row at a size the references were not made at, blurred and JPEG-compressed, with full confidence', async () => {
    const size = 47;
    const pitch = 0.723 * size;
    const image = await grey(
      rowSvg(TD3_NUMBERS, { x: (k) => 30 + k * pitch, size: () => size, baseline: 60 }, 1700, 90),
      0.7,
    );
    const read = readOne(image, 44);
    expect(read?.text).toBe(TD3_NUMBERS);
    expect(read?.confidence).toBeGreaterThanOrEqual(60);
  });

  it('follows a row seen at an angle: pitch and size growing by a sixth from one end to the other', async () => {
    const growth = (k: number) => 1 + (k / 43) * (1 / 6);
    let x = 30;
    const lefts: number[] = [];
    for (let k = 0; k < 44; k++) {
      lefts.push(x);
      x += 34 * growth(k);
    }
    const image = await grey(
      rowSvg(
        TD3_NAMES,
        { x: (k) => lefts[k] ?? 0, size: (k) => 46 * growth(k), baseline: 70 },
        Math.ceil(x + 60),
        100,
      ),
    );
    const read = readOne(image, 44);
    expect(read?.text).toBe(TD3_NAMES);
  });

  it('is not stretched by a page edge beside the zone', async () => {
    const pitch = 36;
    const edge = `<rect x="${30 + 44 * pitch + 14}" y="0" width="4" height="100" fill="#222"/>`;
    const image = await grey(
      rowSvg(
        TD3_NUMBERS,
        { x: (k) => 30 + k * pitch, size: () => 50, baseline: 70 },
        1700,
        100,
        edge,
      ),
    );
    const read = readOne(image, 44);
    expect(read?.text).toBe(TD3_NUMBERS);
  });

  it('under each layout the rows allow, the right one reads with every glyph matched', async () => {
    const svg = td3Zone(200);
    const image = await grey(svg);
    const rows = textRows(image);
    expect(rows).toHaveLength(2);
    const readings = readGlyphZone(image, rows);
    // TD1 needs three rows; a TD2 grid of 36 cells leaves eight glyphs' ink outside: only TD3.
    expect(readings.map((r) => [r.first, ...r.rows.map((row) => row.text)])).toEqual([
      [0, TD3_NAMES, TD3_NUMBERS],
    ]);
  });

  it('finds the zone among more rows: a band of shadow below it is not a zone row', async () => {
    const svg = td3Zone(260, '<rect x="0" y="215" width="1700" height="45" fill="#555"/>');
    const image = await grey(svg);
    const rows = textRows(image);
    expect(rows.length).toBe(3);
    const readings = readGlyphZone(image, rows);
    expect(readings[0]?.first).toBe(0);
    expect(readings[0]?.rows.map((r) => r.text)).toEqual([TD3_NAMES, TD3_NUMBERS]);
  });

  it('does not claim another face: a zone set in DejaVu Sans Mono is read wrong only with low confidence', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="100">
      <rect width="100%" height="100%" fill="#f2efe6"/>
      <text x="30" y="70" font-family="DejaVu Sans Mono" font-size="52" fill="#151515" textLength="1580"
        lengthAdjust="spacing">${TD3_NAMES.replace(/</g, '&lt;')}</text></svg>`;
    const read = readOne(await grey(svg), 44);
    if (read && read.text !== TD3_NAMES) expect(read.confidence).toBeLessThan(40);
  });

  it('a row too short for its layout yields no reading, not made-up characters', async () => {
    const image = await grey(
      rowSvg('<<<', { x: (k) => 30 + k * 2, size: () => 4, baseline: 40 }, 200, 60),
    );
    const rows = textRows(image);
    for (const row of rows) expect(readGlyphRow(image, row, 44)).toBeNull();
  });

  it('the committed references are what scripts/make-mrz-glyphs.ts makes from the outlines', async () => {
    const made = await referenceGlyphs();
    expect(Object.keys(made)).toEqual(Object.keys(MRZ_GLYPHS));
    for (const [char, hex] of Object.entries(made)) {
      const committed = MRZ_GLYPHS[char] ?? '';
      expect(committed).toHaveLength(hex.length);
      let worst = 0;
      for (let i = 0; i < hex.length; i += 2)
        worst = Math.max(
          worst,
          Math.abs(parseInt(hex.slice(i, i + 2), 16) - parseInt(committed.slice(i, i + 2), 16)),
        );
      // Rasterisers differ by a level or two between builds; a changed cutter or outline moves more.
      expect(worst, char).toBeLessThanOrEqual(12);
    }
  });
});
