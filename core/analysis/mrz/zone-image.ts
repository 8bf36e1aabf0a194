import { bilinear, type Box, type GreyImage } from '../image/grey-image.ts';

/**
 * Image operations that prepare a machine-readable zone for OCR: the skew of its text lines
 * (projection profiles), an upright crop of a rotated region (bilinear), the zone's text rows,
 * resampling to a line height the OCR model reads best, and Otsu binarisation. Pure functions on
 * {@link GreyImage}; every result is a new raster the caller zeroes.
 */

/** Otsu's threshold over the luma histogram: the split that best separates ink from paper. */
export function otsuThreshold(image: GreyImage): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of image.data) hist[v] = (hist[v] ?? 0) + 1;
  const total = image.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * (hist[t] ?? 0);
  let weightB = 0;
  let sumB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t] ?? 0;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const meanB = sumB / weightB;
    const meanF = (sumAll - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Ink (≤ threshold) black, the rest white. */
export function binarise(image: GreyImage, threshold = otsuThreshold(image)): GreyImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (image.data[i] ?? 255) <= threshold ? 0 : 255;
  return { width: image.width, height: image.height, data };
}

/**
 * Pixels darker than their neighbourhood's mean by a margin (adaptive thresholding with an
 * integral image): pen strokes and printed characters, not large dark areas such as a
 * photograph or the table the document lies on. 1 for a stroke pixel, 0 otherwise.
 */
export function strokes(image: GreyImage, radius = 7, margin = 18): Uint8Array {
  const { width: w, height: h, data } = image;
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x] ?? 0;
      integral[(y + 1) * (w + 1) + x + 1] = (integral[y * (w + 1) + x + 1] ?? 0) + row;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - radius);
    const yb = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - radius);
      const xb = Math.min(w, x + radius + 1);
      const sum =
        (integral[yb * (w + 1) + xb] ?? 0) -
        (integral[ya * (w + 1) + xb] ?? 0) -
        (integral[yb * (w + 1) + xa] ?? 0) +
        (integral[ya * (w + 1) + xa] ?? 0);
      const mean = sum / ((yb - ya) * (xb - xa));
      if ((data[y * w + x] ?? 0) < mean - margin) out[y * w + x] = 1;
    }
  }
  return out;
}

/** Sum of squared row counts of ink pixels after turning them by `angle` (radians). */
function profileEnergy(xs: Int32Array, ys: Int32Array, n: number, angle: number, height: number) {
  const sin = Math.sin(angle);
  const cos = Math.cos(angle);
  const pad = Math.ceil(height * 0.5);
  const rows = new Int32Array(height * 2 + pad * 2);
  for (let i = 0; i < n; i++) {
    const y = Math.round((ys[i] ?? 0) * cos - (xs[i] ?? 0) * sin) + pad;
    if (y >= 0 && y < rows.length) rows[y] = (rows[y] ?? 0) + 1;
  }
  let energy = 0;
  for (const r of rows) energy += r * r;
  return energy;
}

/**
 * The angle (radians) by which the text lines of `image` are turned clockwise (image y down),
 * within ±`maxDegrees`: the rotation whose horizontal projection profile of ink pixels is the
 * most peaked — text lines and the gaps between them line up with rows only when level.
 */
export function estimateSkew(image: GreyImage, region: Box, maxDegrees = 8): number {
  const ink = strokes(image);
  const x0 = Math.max(0, Math.floor(region.left));
  const y0 = Math.max(0, Math.floor(region.top));
  const x1 = Math.min(image.width, Math.ceil(region.left + region.width));
  const y1 = Math.min(image.height, Math.ceil(region.top + region.height));
  const cap = (x1 - x0) * (y1 - y0);
  const xs = new Int32Array(cap);
  const ys = new Int32Array(cap);
  let n = 0;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (ink[y * image.width + x] === 1) {
        xs[n] = x - cx;
        ys[n] = y - cy;
        n++;
      }
    }
  }
  if (n === 0) return 0;
  const height = y1 - y0 + (x1 - x0);
  const search = (from: number, to: number, step: number) => {
    let best = 0;
    let bestEnergy = -1;
    for (let d = from; d <= to + 1e-9; d += step) {
      const e = profileEnergy(xs, ys, n, (d * Math.PI) / 180, height);
      if (e > bestEnergy) {
        bestEnergy = e;
        best = d;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.5);
  const fine = search(coarse - 0.5, coarse + 0.5, 0.1);
  return (fine * Math.PI) / 180;
}

/**
 * The pixels of `box`, given in the frame of the image turned by `-angle` about its centre
 * (that is, levelled), sampled from the unturned image: an upright crop without turning the
 * whole image. Outside the image is white.
 */
export function levelledCrop(image: GreyImage, angle: number, box: Box): GreyImage {
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const data = new Uint8Array(width * height);
  const cx = image.width / 2;
  const cy = image.height / 2;
  const sin = Math.sin(angle);
  const cos = Math.cos(angle);
  for (let y = 0; y < height; y++) {
    const ly = box.top + y - cy;
    for (let x = 0; x < width; x++) {
      const lx = box.left + x - cx;
      // Levelled → original: turn back by +angle.
      const u = lx * cos - ly * sin + cx;
      const v = lx * sin + ly * cos + cy;
      data[y * width + x] = sample(image, u, v);
    }
  }
  return { width, height, data };
}

function sample(image: GreyImage, u: number, v: number): number {
  return Math.round(bilinear(image.data, image.width, image.height, u, v, 255));
}

/** Where a point of the levelled frame lies in the original image. */
export function unlevelPoint(
  image: { width: number; height: number },
  angle: number,
  x: number,
  y: number,
): { x: number; y: number } {
  const cx = image.width / 2;
  const cy = image.height / 2;
  const lx = x - cx;
  const ly = y - cy;
  return {
    x: lx * Math.cos(angle) - ly * Math.sin(angle) + cx,
    y: lx * Math.sin(angle) + ly * Math.cos(angle) + cy,
  };
}

/** Where a point of the original image lies in the levelled frame. */
export function levelPoint(
  image: { width: number; height: number },
  angle: number,
  x: number,
  y: number,
): { x: number; y: number } {
  return unlevelPoint(image, -angle, x, y);
}

/** A band of rows holding one line of text, and the columns its ink spans. */
export interface TextRow {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The text rows of a (levelled) zone crop: runs of rows where ink covers more than a small share
 * of the width, merged across thin gaps, tallest-first trimmed of specks. Sorted top to bottom.
 */
export function textRows(image: GreyImage, threshold = otsuThreshold(image)): TextRow[] {
  const { width, height, data } = image;
  const counts = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    let c = 0;
    for (let x = 0; x < width; x++) if ((data[y * width + x] ?? 255) <= threshold) c++;
    counts[y] = c;
  }
  const minInk = Math.max(2, width * 0.02);
  const runs: { top: number; bottom: number }[] = [];
  let start = -1;
  for (let y = 0; y <= height; y++) {
    const inked = y < height && (counts[y] ?? 0) >= minInk;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      runs.push({ top: start, bottom: y });
      start = -1;
    }
  }
  // Merge runs split by a thin gap (a stroke's thin part), then drop specks.
  const merged: { top: number; bottom: number }[] = [];
  for (const run of runs) {
    const prev = merged.at(-1);
    if (prev && run.top - prev.bottom <= 2) prev.bottom = run.bottom;
    else merged.push({ ...run });
  }
  const tallest = Math.max(0, ...merged.map((r) => r.bottom - r.top));
  return merged
    .filter((r) => r.bottom - r.top >= tallest * 0.4)
    .map((r) => {
      let left = width;
      let right = 0;
      for (let y = r.top; y < r.bottom; y++) {
        for (let x = 0; x < width; x++) {
          if ((data[y * width + x] ?? 255) <= threshold) {
            if (x < left) left = x;
            if (x > right) right = x;
          }
        }
      }
      return { ...r, left, right: right + 1 };
    });
}

/** Bilinear resampling to `width × height` (up or down; downscaling by area first). */
export function resize(image: GreyImage, width: number, height: number): GreyImage {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const data = new Uint8Array(w * h);
  const fx = image.width / w;
  const fy = image.height / h;
  for (let y = 0; y < h; y++) {
    const v = Math.min(image.height - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    for (let x = 0; x < w; x++) {
      const u = Math.min(image.width - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      data[y * w + x] = sample(image, u, v);
    }
  }
  return { width: w, height: h, data };
}

/** The image on a white margin of `margin` pixels (Tesseract reads a line best with air round it). */
export function withMargin(image: GreyImage, margin: number): GreyImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < image.height; y++) {
    data.set(
      image.data.subarray(y * image.width, (y + 1) * image.width),
      (y + margin) * width + margin,
    );
  }
  return { width, height, data };
}
