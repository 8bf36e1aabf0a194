import { downscale, type Box, type GreyImage } from '../image/grey-image.ts';

/**
 * The EXIF thumbnail against the image, region by region, at the thumbnail's own resolution.
 *
 * A camera writes the thumbnail when it captures: the picture re-encoded small (often with a
 * slightly different crop, or letterboxed to 4:3). An edit made afterwards — a portrait pasted
 * over — changes the image but not the thumbnail. So:
 *
 * 1. Align: the image is averaged down to twice the thumbnail's size, and the mapping from
 *    thumbnail pixels to image pixels (a scale and an offset per axis) estimated: starting from
 *    "stretched", "fitted inside" (letterbox) and "filling" (cropped), a coarse search over offsets
 *    then a shrinking local search over all four numbers, each scored by the mean absolute
 *    difference after the best gain and offset of grey levels (cameras process the small copy
 *    apart: contrast and brightness may differ a little).
 * 2. Compare: both lightly blurred (JPEG blocking and resampling leave pixel noise, not region
 *    differences), the residual averaged over blocks of {@link BLOCK} thumbnail pixels. A block
 *    differs when its mean residual is above {@link BLOCK_DIFFERS} grey levels and above
 *    {@link NOISE_FACTOR} times the median block's (the honest noise of this pair).
 * 3. Report: the largest connected group of differing blocks, at least {@link MIN_BLOCKS} of
 *    them, as a box in image pixels; or, when no mapping explains the thumbnail at all (mean
 *    residual above {@link UNRELATED}), the whole image: it shows another picture.
 */

export type ThumbnailComparison = { verdict: 'matches' } | { verdict: 'differs'; region: Box };

/** Thumbnail pixels per block side. */
export const BLOCK = 6;
/** A block whose mean residual (grey levels, after blur) is above this may differ… */
export const BLOCK_DIFFERS = 18;
/** …when it is also this many times the median block's. */
export const NOISE_FACTOR = 3;
/** Fewest connected differing blocks reported as a region. */
export const MIN_BLOCKS = 2;
/** Mean residual (grey levels) above which the thumbnail shows another picture altogether. */
export const UNRELATED = 28;
/** Largest relative change of scale and offset the alignment searches. */
const SEARCH = 0.06;

interface Mapping {
  /** Image (half-thumbnail-scale raster) x of thumbnail pixel centre u: ax·(u+0.5) + bx. */
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

interface Raster {
  width: number;
  height: number;
  data: Float32Array;
}

function toRaster(image: GreyImage): Raster {
  return { width: image.width, height: image.height, data: Float32Array.from(image.data) };
}

/** A 3×3 box blur (edges replicated). */
function blur(r: Raster): Raster {
  const { width: w, height: h, data } = r;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const row = y * w;
      tmp[row + x] =
        ((data[row + Math.max(0, x - 1)] ?? 0) +
          (data[row + x] ?? 0) +
          (data[row + Math.min(w - 1, x + 1)] ?? 0)) /
        3;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      out[y * w + x] =
        ((tmp[Math.max(0, y - 1) * w + x] ?? 0) +
          (tmp[y * w + x] ?? 0) +
          (tmp[Math.min(h - 1, y + 1) * w + x] ?? 0)) /
        3;
  return { width: w, height: h, data: out };
}

/** Bilinear sample; NaN outside. */
function sample(r: Raster, x: number, y: number): number {
  if (x < 0 || y < 0 || x > r.width - 1 || y > r.height - 1) return NaN;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(r.width - 1, x0 + 1);
  const y1 = Math.min(r.height - 1, y0 + 1);
  const fx = x - x0;
  const fy = y - y0;
  const d = r.data;
  const w = r.width;
  const top = (d[y0 * w + x0] ?? 0) * (1 - fx) + (d[y0 * w + x1] ?? 0) * fx;
  const bottom = (d[y1 * w + x0] ?? 0) * (1 - fx) + (d[y1 * w + x1] ?? 0) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** The image resampled onto the thumbnail's grid by `m` (NaN where off the image). */
function warp(image: Raster, m: Mapping, width: number, height: number, step = 1): Raster {
  const w = Math.ceil(width / step);
  const h = Math.ceil(height / step);
  const data = new Float32Array(w * h);
  for (let j = 0; j < h; j++) {
    const y = m.ay * (j * step + 0.5) + m.by - 0.5;
    for (let i = 0; i < w; i++)
      data[j * w + i] = sample(image, m.ax * (i * step + 0.5) + m.bx - 0.5, y);
  }
  return { width: w, height: h, data };
}

/** Least-squares gain and offset taking `src` to `dst` over the pixels both have. */
function fitLevels(dst: Raster, src: Raster, skip?: Uint8Array): { gain: number; offset: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < dst.data.length; i++) {
    const x = src.data[i] ?? NaN;
    if (Number.isNaN(x) || skip?.[i]) continue;
    const y = dst.data[i] ?? 0;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  if (n < 2) return { gain: 1, offset: 0 };
  const varX = sxx - (sx * sx) / n;
  if (varX < 1e-6) return { gain: 1, offset: (sy - sx) / n };
  const gain = Math.min(2, Math.max(0.5, (sxy - (sx * sy) / n) / varX));
  return { gain, offset: (sy - gain * sx) / n };
}

/** Mean absolute residual of `thumb` against `image` mapped by `m`, at every `step`-th pixel. */
function score(thumb: Raster, image: Raster, m: Mapping, step: number): number {
  const warped = warp(image, m, thumb.width, thumb.height, step);
  const sub: Raster = {
    width: warped.width,
    height: warped.height,
    data: new Float32Array(warped.data.length),
  };
  for (let j = 0; j < warped.height; j++)
    for (let i = 0; i < warped.width; i++)
      sub.data[j * warped.width + i] = thumb.data[j * step * thumb.width + i * step] ?? 0;
  const { gain, offset } = fitLevels(sub, warped);
  let total = 0;
  let n = 0;
  for (let i = 0; i < sub.data.length; i++) {
    const x = warped.data[i] ?? NaN;
    if (Number.isNaN(x)) continue;
    total += Math.abs((sub.data[i] ?? 0) - (gain * x + offset));
    n++;
  }
  // Too little of the thumbnail on the image: not a mapping.
  return n < sub.data.length * 0.6 ? Infinity : total / n;
}

function starts(thumb: Raster, image: Raster): Mapping[] {
  const sx = image.width / thumb.width;
  const sy = image.height / thumb.height;
  const fit = Math.max(sx, sy);
  const fill = Math.min(sx, sy);
  const centred = (s: number): Mapping => ({
    ax: s,
    bx: (image.width - s * thumb.width) / 2,
    ay: s,
    by: (image.height - s * thumb.height) / 2,
  });
  const out: Mapping[] = [{ ax: sx, bx: 0, ay: sy, by: 0 }];
  if (Math.abs(sx / sy - 1) > 0.02) out.push(centred(fit), centred(fill));
  return out;
}

function align(thumb: Raster, image: Raster): { mapping: Mapping; residual: number } {
  let best: Mapping = starts(thumb, image)[0] as Mapping;
  let bestScore = Infinity;
  for (const start of starts(thumb, image)) {
    // Coarse: offsets over ±SEARCH of the size, on every second pixel.
    const spanX = SEARCH * image.width;
    const spanY = SEARCH * image.height;
    for (let dy = -spanY; dy <= spanY + 1e-9; dy += spanY / 4)
      for (let dx = -spanX; dx <= spanX + 1e-9; dx += spanX / 4) {
        const m = { ...start, bx: start.bx + dx, by: start.by + dy };
        const s = score(thumb, image, m, 2);
        if (s < bestScore) {
          bestScore = s;
          best = m;
        }
      }
  }
  // Fine: coordinate search over the four numbers, the steps halving.
  let stepA = (SEARCH / 2) * best.ax;
  let stepB = (SEARCH / 8) * image.width;
  let current = score(thumb, image, best, 1);
  for (let round = 0; round < 5; round++) {
    let improved = true;
    while (improved) {
      improved = false;
      for (const key of ['ax', 'bx', 'ay', 'by'] as const) {
        const step = key === 'ax' || key === 'ay' ? stepA : stepB;
        for (const sign of [-1, 1]) {
          // A scale change moves the far edge; keep the centre where it was.
          const m = { ...best, [key]: best[key] + sign * step };
          if (key === 'ax') m.bx = best.bx - (sign * step * thumb.width) / 2;
          if (key === 'ay') m.by = best.by - (sign * step * thumb.height) / 2;
          const s = score(thumb, image, m, 1);
          if (s < current - 1e-6) {
            current = s;
            best = m;
            improved = true;
          }
        }
      }
    }
    stepA /= 2;
    stepB /= 2;
  }
  return { mapping: best, residual: current };
}

/** Connected groups (4-neighbour) of set cells; the largest, as cell indices. */
function largestGroup(set: Uint8Array, cols: number, rows: number): number[] {
  const seen = new Uint8Array(set.length);
  let largest: number[] = [];
  for (let start = 0; start < set.length; start++) {
    if (!set[start] || seen[start]) continue;
    const group: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const c = stack.pop() as number;
      group.push(c);
      const x = c % cols;
      const y = Math.floor(c / cols);
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ] as const) {
        if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
        const n = ny * cols + nx;
        if (set[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    if (group.length > largest.length) largest = group;
  }
  return largest;
}

/** Rounds and clamps a box to the image. */
function clampBox(box: Box, width: number, height: number): Box {
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const right = Math.min(width, Math.ceil(box.left + box.width));
  const bottom = Math.min(height, Math.ceil(box.top + box.height));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** A quarter turn of a grey raster (clockwise when `clockwise`). */
function turn(image: GreyImage, clockwise: boolean): GreyImage {
  const { width: w, height: h } = image;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = image.data[y * w + x] ?? 0;
      if (clockwise) data[x * h + (h - 1 - y)] = v;
      else data[(w - 1 - x) * h + y] = v;
    }
  return { width: h, height: w, data };
}

/** Compares the EXIF `thumbnail` with `image` (both grey; neither is kept or changed). */
export function compareThumbnailRegions(
  image: GreyImage,
  thumbnail: GreyImage,
): ThumbnailComparison {
  const imageLandscape = image.width >= image.height;
  const thumbLandscape = thumbnail.width >= thumbnail.height;
  // A thumbnail stored in the sensor's orientation beside an image turned upright.
  const candidates =
    imageLandscape === thumbLandscape || Math.abs(thumbnail.width - thumbnail.height) < 2
      ? [thumbnail]
      : [turn(thumbnail, true), turn(thumbnail, false)];
  let best: { thumb: Raster; mapping: Mapping; residual: number } | null = null;
  const small = downscale(image, 2 * Math.max(thumbnail.width, thumbnail.height));
  // Averaging 2×2 of the half-scale raster approximates the thumbnail's own area average.
  const imageRaster = blur(toRaster(small));
  if (small !== image) small.data.fill(0);
  for (const candidate of candidates) {
    const thumb = blur(toRaster(candidate));
    const { mapping, residual } = align(thumb, imageRaster);
    if (!best || residual < best.residual) best = { thumb, mapping, residual };
  }
  const { thumb, mapping, residual } = best as NonNullable<typeof best>;
  const toImage = image.width / imageRaster.width;
  const whole = { left: 0, top: 0, width: image.width, height: image.height };
  if (!Number.isFinite(residual) || residual > UNRELATED)
    return { verdict: 'differs', region: whole };

  const warped = blur(warp(imageRaster, mapping, thumb.width, thumb.height));
  // Levels fitted on the pixels that agree best (a pasted region does not pull the fit).
  const first = fitLevels(thumb, warped);
  const res0 = thumb.data.map((t, i) =>
    Math.abs(t - (first.gain * (warped.data[i] ?? NaN) + first.offset)),
  );
  const sorted = Array.from(res0)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  const cut = sorted[Math.floor(sorted.length * 0.8)] ?? Infinity;
  const skip = res0.map((v) => (Number.isNaN(v) || v > cut ? 1 : 0));
  const { gain, offset } = fitLevels(thumb, warped, Uint8Array.from(skip));

  const cols = Math.floor(thumb.width / BLOCK);
  const rows = Math.floor(thumb.height / BLOCK);
  const blockScore = new Float32Array(cols * rows).fill(NaN);
  for (let by = 0; by < rows; by++)
    for (let bx = 0; bx < cols; bx++) {
      let total = 0;
      let n = 0;
      for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++)
        for (let x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
          const i = y * thumb.width + x;
          const s = warped.data[i] ?? NaN;
          if (Number.isNaN(s)) continue;
          total += Math.abs((thumb.data[i] ?? 0) - (gain * s + offset));
          n++;
        }
      if (n >= (BLOCK * BLOCK) / 2) blockScore[by * cols + bx] = total / n;
    }
  const valid = Array.from(blockScore)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  const median = valid[Math.floor(valid.length / 2)] ?? 0;
  const limit = Math.max(BLOCK_DIFFERS, NOISE_FACTOR * median);
  const set = blockScore.map((v) => (v > limit ? 1 : 0));
  const group = largestGroup(Uint8Array.from(set), cols, rows);
  if (group.length < MIN_BLOCKS) return { verdict: 'matches' };

  const xs = group.map((c) => c % cols);
  const ys = group.map((c) => Math.floor(c / cols));
  const u0 = Math.min(...xs) * BLOCK;
  const u1 = (Math.max(...xs) + 1) * BLOCK;
  const v0 = Math.min(...ys) * BLOCK;
  const v1 = (Math.max(...ys) + 1) * BLOCK;
  const left = (mapping.ax * u0 + mapping.bx) * toImage;
  const top = (mapping.ay * v0 + mapping.by) * toImage;
  const right = (mapping.ax * u1 + mapping.bx) * toImage;
  const bottom = (mapping.ay * v1 + mapping.by) * toImage;
  return {
    verdict: 'differs',
    region: clampBox(
      { left, top, width: right - left, height: bottom - top },
      image.width,
      image.height,
    ),
  };
}
