import type { FaceCrop } from '../../../shared/face-match.ts';
import type { RgbImage } from '../image/decode-jpeg.ts';

export interface Point {
  x: number;
  y: number;
}

/** In the 68-point scheme (iBUG 300-W): the eye on the image's left, then the one on its right. */
const LEFT_EYE = [36, 37, 38, 39, 40, 41];
const RIGHT_EYE = [42, 43, 44, 45, 46, 47];
/** face-api's own crop: the landmarks' bounding box widened by half its size. */
const BOX_PADDING = 0.5;

function mean(points: readonly Point[], indices: readonly number[]): Point {
  let x = 0;
  let y = 0;
  for (const i of indices) {
    const p = points[i];
    if (!p) throw new RangeError('a 68-point landmark set is needed');
    x += p.x;
    y += p.y;
  }
  return { x: x / indices.length, y: y / indices.length };
}

/** The eye centres, left then right as seen in the image. */
export function eyeCentres(landmarks: readonly Point[]): [Point, Point] {
  return [mean(landmarks, LEFT_EYE), mean(landmarks, RIGHT_EYE)];
}

/**
 * The crop that levels the eyes: rotate the landmarks about the point between the eyes by minus
 * the eye line's angle, take their bounding box, widen it by half, square it.
 */
export function alignedCrop(landmarks: readonly Point[], outputSize: number): FaceCrop {
  const [left, right] = eyeCentres(landmarks);
  const angle = Math.atan2(right.y - left.y, right.x - left.x);
  const pivot = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of landmarks) {
    const dx = p.x - pivot.x;
    const dy = p.y - pivot.y;
    const x = dx * cos - dy * sin;
    const y = dx * sin + dy * cos;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const size = Math.max(maxX - minX, maxY - minY) * (1 + BOX_PADDING);
  // The box centre, turned back into the image's frame.
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const back = { cos: Math.cos(angle), sin: Math.sin(angle) };
  return {
    centerX: pivot.x + cx * back.cos - cy * back.sin,
    centerY: pivot.y + cx * back.sin + cy * back.cos,
    size,
    angleDegrees: (angle * 180) / Math.PI,
    outputSize,
  };
}

/**
 * Resamples the crop to `outputSize`² RGB pixels: each output pixel averages a small grid of
 * bilinear samples (enough of them that a large selfie face does not alias when shrunk). Outside
 * the image reads as black.
 */
export function extractCrop(image: RgbImage, crop: FaceCrop): Uint8Array {
  const n = crop.outputSize;
  const out = new Uint8Array(n * n * 3);
  const step = crop.size / n;
  const grid = Math.min(4, Math.max(1, Math.ceil(step)));
  const angle = (crop.angleDegrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const sample = [0, 0, 0];
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < grid; j++) {
        for (let i = 0; i < grid; i++) {
          const lx = (u + (i + 0.5) / grid) * step - crop.size / 2;
          const ly = (v + (j + 0.5) / grid) * step - crop.size / 2;
          bilinear(
            image,
            crop.centerX + lx * cos - ly * sin,
            crop.centerY + lx * sin + ly * cos,
            sample,
          );
          r += sample[0] ?? 0;
          g += sample[1] ?? 0;
          b += sample[2] ?? 0;
        }
      }
      const k = grid * grid;
      const o = (v * n + u) * 3;
      out[o] = r / k;
      out[o + 1] = g / k;
      out[o + 2] = b / k;
    }
  }
  return out;
}

function bilinear(image: RgbImage, x: number, y: number, into: number[]): void {
  const px = x - 0.5;
  const py = y - 0.5;
  const x0 = Math.floor(px);
  const y0 = Math.floor(py);
  const fx = px - x0;
  const fy = py - y0;
  for (let c = 0; c < 3; c++) {
    into[c] =
      pixel(image, x0, y0, c) * (1 - fx) * (1 - fy) +
      pixel(image, x0 + 1, y0, c) * fx * (1 - fy) +
      pixel(image, x0, y0 + 1, c) * (1 - fx) * fy +
      pixel(image, x0 + 1, y0 + 1, c) * fx * fy;
  }
}

function pixel(image: RgbImage, x: number, y: number, channel: number): number {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return 0;
  return image.rgb[(y * image.width + x) * 3 + channel] ?? 0;
}
