import type { Box } from '../image/grey-image.ts';
import type { LayoutLine } from './ocr-engine.ts';

/**
 * Where the machine-readable zone is likely to be, from the layout analysis' text lines: two or
 * three long lines of equal width and height, stacked, lowest on the page (ICAO 9303 puts the
 * zone at the bottom of a TD1 back and of a passport data page). When no such stack is found,
 * the bottom 40 % of the image is searched instead.
 */

export interface MrzBand {
  box: Box;
  /** Typical height of one zone line in the band, in pixels (for scaling before OCR). */
  lineHeight: number;
  found: 'layout' | 'bottom';
}

const MIN_SYMBOLS = 20;
const MIN_WIDTH_SHARE = 0.45;

function similar(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(a, b);
}

export function locateMrzBand(
  layout: readonly LayoutLine[],
  width: number,
  height: number,
): MrzBand {
  const candidates = layout
    .filter((l) => l.symbols >= MIN_SYMBOLS && l.box.width >= MIN_WIDTH_SHARE * width)
    .sort((a, b) => a.box.top - b.box.top);
  let best: LayoutLine[] = [];
  let run: LayoutLine[] = [];
  for (const line of candidates) {
    const prev = run.at(-1);
    const stacked =
      prev !== undefined &&
      line.box.top - (prev.box.top + prev.box.height) < 2 * prev.box.height &&
      similar(line.box.width, prev.box.width, 0.15) &&
      similar(line.box.height, prev.box.height, 0.5);
    run = stacked ? [...run, line] : [line];
    if (run.length >= 2) best = run.slice(-3);
  }
  if (best.length >= 2) {
    const left = Math.min(...best.map((l) => l.box.left));
    const top = Math.min(...best.map((l) => l.box.top));
    const right = Math.max(...best.map((l) => l.box.left + l.box.width));
    const bottom = Math.max(...best.map((l) => l.box.top + l.box.height));
    const lineHeight = best.reduce((s, l) => s + l.box.height, 0) / best.length;
    const padX = Math.round(0.04 * (right - left));
    const padY = Math.round(0.6 * lineHeight);
    const x0 = Math.max(0, left - padX);
    const y0 = Math.max(0, top - padY);
    return {
      box: {
        left: x0,
        top: y0,
        width: Math.min(width, right + padX) - x0,
        height: Math.min(height, bottom + padY) - y0,
      },
      lineHeight,
      found: 'layout',
    };
  }
  const top = Math.floor(height * 0.6);
  return {
    box: { left: 0, top, width, height: height - top },
    lineHeight: height / 30,
    found: 'bottom',
  };
}
