import type { Quality, QualityNote } from '../../../shared/analysis.ts';
import { downscale, type GreyImage } from '../image/grey-image.ts';

/**
 * Capture quality, measured on the image scaled to {@link MEASURE_SIDE} pixels on its long side
 * (so the numbers do not depend on the camera's resolution):
 *
 * - sharpness: variance of the 4-neighbour Laplacian. Below {@link SHARPNESS.blurred}: blurred
 *   (fine print is lost); below {@link SHARPNESS.soft}: soft; otherwise sharp.
 * - glare: the share of 8×8 cells that are blown out — mean luma ≥ 248 and almost flat
 *   (standard deviation < 3), as a specular reflection is; paper white has grain and ink.
 *   Above {@link GLARE.some}: some glare; above {@link GLARE.strong}: strong glare.
 * - exposure: mean luma and the shares of very dark (< 25) and very bright (> 245) pixels.
 *   Underexposed: mean < 60 or more than 40 % very dark; overexposed: mean > 215 or more than
 *   40 % very bright.
 */

export const MEASURE_SIDE = 1000;
export const SHARPNESS = { blurred: 40, soft: 120 } as const;
export const GLARE = { some: 0.01, strong: 0.05 } as const;
const CELL = 8;

function laplacianVariance(image: GreyImage): number {
  const { width: w, height: h, data } = image;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const at = (j: number) => data[j] ?? 0;
      const v = 4 * at(i) - at(i - 1) - at(i + 1) - at(i - w) - at(i + w);
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

function glareFraction(image: GreyImage): number {
  const { width: w, height: h, data } = image;
  let cells = 0;
  let blown = 0;
  for (let cy = 0; cy + CELL <= h; cy += CELL) {
    for (let cx = 0; cx + CELL <= w; cx += CELL) {
      let sum = 0;
      let sumSq = 0;
      for (let y = cy; y < cy + CELL; y++) {
        for (let x = cx; x < cx + CELL; x++) {
          const v = data[y * w + x] ?? 0;
          sum += v;
          sumSq += v * v;
        }
      }
      const n = CELL * CELL;
      const mean = sum / n;
      const sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
      cells++;
      if (mean >= 248 && sd < 3) blown++;
    }
  }
  return cells === 0 ? 0 : blown / cells;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function measureQuality(original: GreyImage): Quality {
  const image = downscale(original, MEASURE_SIDE);
  const lap = laplacianVariance(image);
  const glare = glareFraction(image);
  let total = 0;
  let dark = 0;
  let bright = 0;
  for (const v of image.data) {
    total += v;
    if (v < 25) dark++;
    else if (v > 245) bright++;
  }
  const n = Math.max(1, image.data.length);
  const mean = total / n;
  const sharpness = lap < SHARPNESS.blurred ? 'blurred' : lap < SHARPNESS.soft ? 'soft' : 'sharp';
  const glareVerdict = glare > GLARE.strong ? 'strong' : glare > GLARE.some ? 'some' : 'none';
  const exposure =
    mean < 60 || dark / n > 0.4
      ? 'underexposed'
      : mean > 215 || bright / n > 0.4
        ? 'overexposed'
        : 'good';
  const notes: QualityNote[] = [];
  if (sharpness === 'blurred' || sharpness === 'soft') notes.push({ code: sharpness });
  if (glareVerdict !== 'none') notes.push({ code: 'glare', fraction: glare });
  if (exposure !== 'good') notes.push({ code: exposure });
  return {
    status: 'measured',
    width: original.width,
    height: original.height,
    sharpness: { laplacianVariance: round(lap, 1), verdict: sharpness },
    glare: { glareFraction: round(glare, 4), verdict: glareVerdict },
    exposure: {
      meanLuma: round(mean, 1),
      darkFraction: round(dark / n, 4),
      brightFraction: round(bright / n, 4),
      verdict: exposure,
    },
    notes,
  };
}
