import { bilinear, type GreyImage } from '../image/grey-image.ts';
import { pixels } from '../image/raster-scope.ts';
import type { TextRow } from './zone-image.ts';

/**
 * Cuts one row of a machine-readable zone into its character cells. A zone is printed at one
 * fixed pitch (ICAO 9303: 2.54 mm, OCR-B), so the row is a grid of `count` cells: the pitch and
 * the grid's start are fitted to the row's column profile of ink (the boundaries between cells
 * fall in the gaps between glyphs), then each cell's glyph is sampled onto a small raster whose
 * scale is set by the row's cap height — not by the pitch, which varies between documents — and
 * centred on the glyph's ink. The same cutting made the reference glyphs (glyph-templates.ts),
 * so a cell and its reference are alike wherever the print is alike.
 */

/**
 * Size of a sampled cell: from 15 % of a capital's height above the capitals (a digit reaches
 * 10 % above them) to 10 % below the baseline, in 24 samples; as wide as 0.8 of that height.
 */
export const CELL_WIDTH = 16;
export const CELL_HEIGHT = 24;
const ABOVE = 0.15;
const BELOW = 0.1;
/** Sampled with this many pixels of border on each side, for the matcher's shifts. */
export const CELL_BORDER = 1;

export interface RowCells {
  /** One raster per cell, `(CELL_WIDTH + 2·border) × (CELL_HEIGHT + 2·border)`, ink 0–1. */
  cells: Float32Array[];
  /**
   * Glyph-like cells of the row left outside the grid: a row of 44 characters cut as 36 leaves
   * eight (such a grid is not the row's, whatever its check digits say).
   */
  glyphsOutside: number;
}

interface InkRaster {
  width: number;
  height: number;
  /** The raster's origin in the zone. */
  left: number;
  top: number;
  ink: Float32Array;
}

function percentile(values: Uint8Array, share: number): number {
  const hist = new Uint32Array(256);
  for (const v of values) hist[v] = (hist[v] ?? 0) + 1;
  const target = share * values.length;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0;
    if (seen >= target) return v;
  }
  return 255;
}

/** The row's area as ink from 0 (paper) to 1 (print), paper and print levels taken from the row. */
function inkRaster(zone: GreyImage, row: TextRow): InkRaster {
  const h = row.bottom - row.top;
  const left = Math.max(0, row.left - h);
  const right = Math.min(zone.width, row.right + h);
  const top = Math.max(0, row.top - Math.round(h * 0.3));
  const bottom = Math.min(zone.height, row.bottom + Math.round(h * 0.3));
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const grey = pixels(new Uint8Array(width * height));
  for (let y = 0; y < height; y++) {
    const from = (top + y) * zone.width + left;
    grey.set(zone.data.subarray(from, from + width), y * width);
  }
  const paper = percentile(grey, 0.9);
  const print = percentile(grey, 0.03);
  const span = Math.max(24, paper - print);
  const ink = pixels(new Float32Array(width * height));
  for (let i = 0; i < ink.length; i++) {
    const v = (paper - (grey[i] ?? 255)) / span;
    ink[i] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
  return { width, height, left, top, ink };
}

function sample(r: InkRaster, x: number, y: number): number {
  return bilinear(r.ink, r.width, r.height, x, y, 0);
}

/**
 * The grid of `count` cells along the row: the pitch from the period of the column profile (the
 * strongest autocorrelation between 0.4 and 2.2 row heights, halved when half of it is nearly as
 * strong), refined with the phase to the pitch and start whose boundaries cross the least ink;
 * then, of that lattice, the `count` consecutive cells holding the most glyph-like cells — so a
 * page edge or a shadow beside the zone does not stretch or shift the grid.
 */
function fitGrid(
  profile: Float32Array,
  margins: Float32Array,
  rowLeft: number,
  rowRight: number,
  count: number,
  height: number,
): { pitch: number; start: number; outside: number } {
  const at = (x: number) => {
    if (x <= 0 || x >= profile.length - 1) return 0;
    const i = Math.floor(x);
    const f = x - i;
    return (profile[i] ?? 0) * (1 - f) + (profile[i + 1] ?? 0) * f;
  };
  let mean = 0;
  for (let x = rowLeft; x < rowRight; x++) mean += profile[x] ?? 0;
  mean /= Math.max(1, rowRight - rowLeft);
  const correlation = (lag: number) => {
    let r = 0;
    for (let x = rowLeft; x + lag < rowRight; x++)
      r += ((profile[x] ?? 0) - mean) * ((profile[x + lag] ?? 0) - mean);
    return r / Math.max(1, rowRight - rowLeft - lag);
  };
  let period = (rowRight - rowLeft) / count;
  let strongest = -Infinity;
  const lags = new Map<number, number>();
  for (let lag = Math.ceil(0.4 * height); lag <= Math.floor(2.2 * height); lag++) {
    const r = correlation(lag);
    lags.set(lag, r);
    if (r > strongest) {
      strongest = r;
      period = lag;
    }
  }
  // Twice the pitch correlates as well as the pitch: take the half when it is nearly as strong.
  const half = Math.round(period / 2);
  const halfStrength = Math.max(
    lags.get(half - 1) ?? -Infinity,
    lags.get(half) ?? -Infinity,
    lags.get(half + 1) ?? -Infinity,
  );
  if (halfStrength >= 0.6 * strongest) {
    for (const lag of [half - 1, half, half + 1])
      if ((lags.get(lag) ?? -Infinity) === halfStrength) period = lag;
  }
  let best = { pitch: period, start: rowLeft, cost: Infinity };
  for (let pitch = period * 0.97; pitch <= period * 1.03; pitch += 0.05) {
    for (let start = rowLeft - pitch; start <= rowLeft; start += 0.25) {
      let cost = 0;
      let n = 0;
      for (let x = start + pitch; x < rowRight; x += pitch) {
        cost += at(x);
        n++;
      }
      cost /= Math.max(1, n);
      if (cost < best.cost) best = { pitch, start, cost };
    }
  }
  // The window of `count` cells of the lattice holding the most glyph-like cells: ink near the
  // typical cell's amount. A band of shadow or a page edge holds far more (it counts against),
  // paper far less.
  const masses: number[] = [];
  const spills: number[] = [];
  const first = best.start - 2 * best.pitch;
  for (let x = first; x < rowRight + 2 * best.pitch; x += best.pitch) {
    let m = 0;
    let spill = 0;
    const to = Math.min(profile.length, Math.round(x + best.pitch));
    for (let c = Math.max(0, Math.round(x)); c < to; c++) {
      m += profile[c] ?? 0;
      spill += margins[c] ?? 0;
    }
    masses.push(m);
    spills.push(spill);
  }
  const inked = masses.filter((m) => m > 0).sort((a, b) => a - b);
  const typical = inked[Math.floor(inked.length / 2)] ?? 0;
  // Not glyph-like: far more ink than a character, or ink running on above and below the row
  // (a page edge, a shadow). A zone has no blank cell: a window across a gap scores less.
  const glyphLike = masses.map((m, j) =>
    m > 2.5 * typical || (spills[j] ?? 0) > 0.5 * m ? -1 : m >= 0.15 * typical ? 1 : -2,
  );
  let window = 0;
  let most = -Infinity;
  let mostInk = -Infinity;
  for (let j = 0; j + count <= glyphLike.length; j++) {
    let score = 0;
    let ink = 0;
    let firstGlyph = -1;
    let lastGlyph = -1;
    for (let k = j; k < j + count; k++) {
      score += glyphLike[k] ?? 0;
      if ((glyphLike[k] ?? 0) > 0) {
        ink += masses[k] ?? 0;
        if (firstGlyph < 0) firstGlyph = k;
        lastGlyph = k;
      }
    }
    let gaps = 0;
    for (let k = firstGlyph + 1; k < lastGlyph; k++) if (glyphLike[k] === -2) gaps++;
    // Equal counts where a washed-out run lies inside the row (a shifted window scores alike):
    // the window holding more of the glyphs' ink. Otherwise the first, as ever.
    if (score > most || (score === most && gaps > 0 && ink > mostInk)) {
      most = score;
      mostInk = ink;
      window = j;
    }
  }
  const outside = glyphLike.filter((g, j) => g === 1 && (j < window || j >= window + count)).length;
  return { pitch: best.pitch, start: first + window * best.pitch, outside };
}

/**
 * The cell boundaries, refined: a print seen at an angle narrows its pitch along the row, so a
 * single pitch drifts off the gaps toward one end. From the middle outwards, each boundary is the
 * least-inked column within a third of a pitch of one local pitch past the last, and the
 * boundaries are then fitted
 * with a pitch that changes evenly along the row (a quadratic in the cell's index), twice, the
 * boundaries that moved against the rest left out of the second fit.
 */
function refineBoundaries(
  profile: Float32Array,
  grid: { pitch: number; start: number },
  count: number,
): number[] {
  const reach = grid.pitch / 3;
  const peak = profile.reduce((m, v) => Math.max(m, v), 0);
  /** The middle of the columns near the least ink around `guess`: a wide gap's centre. */
  const gapNear = (guess: number): number | null => {
    const from = Math.max(0, Math.ceil(guess - reach));
    const to = Math.min(profile.length - 1, Math.floor(guess + reach));
    let least = Infinity;
    for (let x = from; x <= to; x++) least = Math.min(least, profile[x] ?? 0);
    const tolerance = least + 0.03 * peak;
    let sum = 0;
    let n = 0;
    for (let x = from; x <= to; x++)
      if ((profile[x] ?? 0) <= tolerance) {
        sum += x;
        n++;
      }
    return n > 0 ? sum / n : null;
  };
  // From the middle (where the single pitch fits best) outwards, each gap looked for one local
  // pitch from the last one found, the local pitch following the gaps found.
  const found: { k: number; x: number }[] = [];
  const middle = Math.floor(count / 2);
  const anchor = gapNear(grid.start + middle * grid.pitch);
  if (anchor !== null) {
    found.push({ k: middle, x: anchor });
    for (const direction of [1, -1]) {
      let last = anchor;
      let pitch = grid.pitch;
      for (let k = middle + direction; k >= 1 && k <= count - 1; k += direction) {
        const x = gapNear(last + direction * pitch);
        if (x === null) break;
        const spacing = Math.abs(x - last);
        if (spacing > 0.7 * grid.pitch && spacing < 1.3 * grid.pitch)
          pitch = 0.5 * pitch + 0.5 * spacing;
        found.push({ k, x });
        last = x;
      }
    }
  }
  let kept = found;
  let coefficients = [grid.start, grid.pitch, 0];
  for (let round = 0; round < 2 && kept.length >= 3; round++) {
    coefficients = quadraticFit(kept);
    const [a = 0, b = 0, c = 0] = coefficients;
    kept = found.filter(({ k, x }) => Math.abs(a + b * k + c * k * k - x) <= 0.2 * grid.pitch);
  }
  const [a = 0, b = 0, c = 0] = coefficients;
  return Array.from({ length: count + 1 }, (_, k) => a + b * k + c * k * k);
}

/** Least squares of y = a + b·x. */
function lineFit(points: readonly { x: number; y: number }[]): { a: number; b: number } {
  const n = points.length;
  if (n === 0) return { a: 0, b: 0 };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const b = sxx > 1e-9 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

/** Least squares of x = a + b·k + c·k² (Cramer's rule on the normal equations). */
function quadraticFit(points: readonly { k: number; x: number }[]): number[] {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  for (const { k, x } of points) {
    s0 += 1;
    s1 += k;
    s2 += k * k;
    s3 += k ** 3;
    s4 += k ** 4;
    t0 += x;
    t1 += x * k;
    t2 += x * k * k;
  }
  const det = (m: number[]) =>
    (m[0] ?? 0) * ((m[4] ?? 0) * (m[8] ?? 0) - (m[5] ?? 0) * (m[7] ?? 0)) -
    (m[1] ?? 0) * ((m[3] ?? 0) * (m[8] ?? 0) - (m[5] ?? 0) * (m[6] ?? 0)) +
    (m[2] ?? 0) * ((m[3] ?? 0) * (m[7] ?? 0) - (m[4] ?? 0) * (m[6] ?? 0));
  const m = [s0, s1, s2, s1, s2, s3, s2, s3, s4];
  const d = det(m);
  if (Math.abs(d) < 1e-9) return [t0 / Math.max(1, s0), 0, 0];
  const solve = (column: number) => {
    const copy = [...m];
    const rhs = [t0, t1, t2];
    for (let r = 0; r < 3; r++) copy[r * 3 + column] = rhs[r] ?? 0;
    return det(copy) / d;
  };
  return [solve(0), solve(1), solve(2)];
}

/**
 * What a first reading of the row says: each cell's character (`?` where it could not tell) and,
 * where known (the references are drawn at a known size), the capitals' height.
 */
export interface KnownGlyphs {
  chars: readonly string[];
  /** How far each character reaches above the baseline, in capitals' heights. */
  tops: Readonly<Record<string, number>>;
  capHeight?: number;
}

interface Mark {
  k: number;
  x: number;
  top: number;
  bottom: number;
  scale: number;
}
interface Line {
  a: number;
  b: number;
}

/**
 * Baseline and capitals' height before any glyph is known: the cap line a straight line through
 * the cells' tops (a row seen at an angle is not level end to end), fitted twice, tops far off it
 * left out of the second fit; the capitals' height where the lowest fifth of the cells end below
 * it (fillers stop short of the baseline, and a name line is mostly fillers). OCR-B's digits
 * stand a tenth above its capitals, so on a row of digits this is a tenth off: good enough for a
 * first reading, which then measures it (geometryFromGlyphs).
 */
function roughGeometry(
  marks: readonly Mark[],
  rowTop: number,
  rowBottom: number,
): { baseline: Line; capHeight: number } {
  if (marks.length === 0)
    return { baseline: { a: rowBottom, b: 0 }, capHeight: rowBottom - rowTop };
  let capLine = lineFit(marks.map((m) => ({ x: m.x, y: m.top })));
  const near = marks.filter(
    (m) => Math.abs(m.top - (capLine.a + capLine.b * m.x)) <= 0.08 * (rowBottom - rowTop),
  );
  if (near.length >= 3) capLine = lineFit(near.map((m) => ({ x: m.x, y: m.top })));
  const depths = marks
    .map((m) => (m.bottom - (capLine.a + capLine.b * m.x)) / m.scale)
    .sort((a, b) => a - b);
  const capHeight = Math.max(
    4,
    depths[Math.min(depths.length - 1, Math.floor(depths.length * 0.8))] ?? rowBottom - rowTop,
  );
  return { baseline: { a: capLine.a + capHeight, b: capLine.b }, capHeight };
}

/**
 * Baseline and capitals' height from a first reading: the baseline a straight line through the
 * bottoms of the cells that stand on it (every character but the filler), fitted twice, bottoms
 * far off it left out of the second fit; the capitals' height the median of what each character
 * that reaches a known share of it above the baseline says (the filler aside: its thin tips
 * measure short), unless the caller knows it.
 */
function geometryFromGlyphs(
  marks: readonly Mark[],
  known: KnownGlyphs,
  rowTop: number,
  rowBottom: number,
): { baseline: Line; capHeight: number } {
  const standing = marks.filter((m) => {
    const c = known.chars[m.k];
    return c !== undefined && c !== '<' && c !== '?';
  });
  if (standing.length < 3) return roughGeometry(marks, rowTop, rowBottom);
  let baseline = lineFit(standing.map((m) => ({ x: m.x, y: m.bottom })));
  const close = standing.filter(
    (m) => Math.abs(m.bottom - (baseline.a + baseline.b * m.x)) <= 0.05 * (rowBottom - rowTop),
  );
  if (close.length >= 3) baseline = lineFit(close.map((m) => ({ x: m.x, y: m.bottom })));
  if (known.capHeight !== undefined) return { baseline, capHeight: known.capHeight };
  const says = standing
    .map((m) => {
      const share = known.tops[known.chars[m.k] ?? ''];
      return share ? (baseline.a + baseline.b * m.x - m.top) / m.scale / share : NaN;
    })
    .filter((v) => Number.isFinite(v) && v > 0)
    .sort((a, b) => a - b);
  const capHeight = says[Math.floor(says.length / 2)] ?? rowBottom - rowTop;
  return { baseline, capHeight: Math.max(4, capHeight) };
}

/**
 * The cells of `row`, read as `count` characters, or null when the row cannot hold them (under 4
 * pixels of pitch, or a tenth of the cells blank). The baseline and the capitals' height (the
 * scale the cells are sampled at) come from the cells alone, or, better, from a first reading
 * (`known`).
 */
/** Cells without print at most, as a share of the row, when they stand in one or two runs. */
const MAX_WASHED_OUT = 0.3;

/** The cells without print stand together (one or two runs): glare, not a wrong grid. */
function washedOut(marks: readonly Mark[], count: number): boolean {
  const inked = new Set(marks.map((m) => m.k));
  if (count - inked.size > MAX_WASHED_OUT * count) return false;
  let runs = 0;
  for (let k = 0; k < count; k++) if (!inked.has(k) && (k === 0 || inked.has(k - 1))) runs++;
  return runs <= 2;
}

export function rowCells(
  zone: GreyImage,
  row: TextRow,
  count: number,
  known?: KnownGlyphs,
): RowCells | null {
  const raster = inkRaster(zone, row);
  const rowTop = row.top - raster.top;
  const rowBottom = row.bottom - raster.top;
  const profile = new Float32Array(raster.width);
  for (let y = rowTop; y < rowBottom; y++)
    for (let x = 0; x < raster.width; x++)
      profile[x] = (profile[x] ?? 0) + (raster.ink[y * raster.width + x] ?? 0);
  // Ink above and below the row, where a character's never is.
  const margins = new Float32Array(raster.width);
  for (let y = 0; y < raster.height; y++) {
    if (y >= rowTop - 2 && y < rowBottom + 2) continue;
    for (let x = 0; x < raster.width; x++)
      margins[x] = (margins[x] ?? 0) + (raster.ink[y * raster.width + x] ?? 0);
  }
  // A three-pixel mean, so a boundary in a narrow gap is not missed between samples.
  const smooth = profile.map((v, x) => (v + (profile[x - 1] ?? v) + (profile[x + 1] ?? v)) / 3);
  const fit = fitGrid(
    smooth,
    margins,
    row.left - raster.left,
    row.right - raster.left,
    count,
    row.bottom - row.top,
  );
  if (!(fit.pitch >= 4)) return null;

  // Each cell's ink: its horizontal centre, its top and its bottom.
  const marks: Mark[] = [];
  const centres: number[] = [];
  const bounds = refineBoundaries(smooth, fit, count);
  // Seen at an angle, glyphs grow with their pitch: each cell's scale relative to the mean pitch.
  const meanPitch = ((bounds[count] ?? 0) - (bounds[0] ?? 0)) / count;
  const scales = Array.from({ length: count }, (_, k) => {
    const width = (bounds[k + 1] ?? 0) - (bounds[k] ?? 0);
    return meanPitch > 0 ? Math.min(1.25, Math.max(0.8, width / meanPitch)) : 1;
  });
  for (let k = 0; k < count; k++) {
    const x0 = Math.max(0, Math.round(bounds[k] ?? 0));
    const x1 = Math.min(raster.width, Math.round(bounds[k + 1] ?? 0));
    let top = -1;
    let bottom = -1;
    let mass = 0;
    let moment = 0;
    for (let y = 0; y < raster.height; y++) {
      // A glyph's extent: rows with two or more pixels at least half inked (a JPEG's ringing
      // beside a stroke stays fainter than that).
      let inked = 0;
      for (let x = x0; x < x1; x++) {
        const v = raster.ink[y * raster.width + x] ?? 0;
        if (v >= 0.5) inked++;
        mass += v;
        moment += v * x;
      }
      if (inked >= 2) {
        if (top < 0) top = y;
        bottom = y + 1;
      }
    }
    const centre = mass > 0 ? moment / mass : (x0 + x1) / 2;
    if (top >= 0) marks.push({ k, x: centre, top, bottom, scale: scales[k] ?? 1 });
    centres.push(centre);
  }
  // A zone prints a character in every cell (the filler included): a grid with blank cells is
  // not this row's — unless they stand together, where a reflection washed the print out.
  if (marks.length < count * 0.9 && !washedOut(marks, count)) return null;
  const { baseline, capHeight } = known
    ? geometryFromGlyphs(marks, known, rowTop, rowBottom)
    : roughGeometry(marks, rowTop, rowBottom);
  const w = CELL_WIDTH + 2 * CELL_BORDER;
  const h = CELL_HEIGHT + 2 * CELL_BORDER;
  const cells = centres.map((cx, k) => {
    const cell = pixels(new Float32Array(w * h));
    const cap = capHeight * (scales[k] ?? 1);
    const step = (cap * (ABOVE + 1 + BELOW)) / CELL_HEIGHT;
    const originX = cx - (w / 2) * step;
    const originY = baseline.a + baseline.b * cx - (1 + ABOVE) * cap - CELL_BORDER * step;
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        // Four samples per output pixel: an area mean, not a point.
        const x = originX + (i + 0.25) * step;
        const y = originY + (j + 0.25) * step;
        const half = step / 2;
        cell[j * w + i] =
          (sample(raster, x, y) +
            sample(raster, x + half, y) +
            sample(raster, x, y + half) +
            sample(raster, x + half, y + half)) /
          4;
      }
    }
    return cell;
  });
  return { cells, glyphsOutside: fit.outside };
}
