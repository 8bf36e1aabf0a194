import { bilinear, type GreyImage } from './grey-image.ts';

/**
 * Plane-to-plane projective maps (homographies): the one from four corners of a rectangle to the
 * four corners of a document photographed at an angle, and the warp that samples the document
 * back onto the rectangle (bilinear, the zone's own sampler). Pure functions.
 */

export interface Point {
  x: number;
  y: number;
}

/** Row-major 3×3 matrix with h[8] = 1: (x, y) ↦ ((h0 x + h1 y + h2) / w, (h3 x + h4 y + h5) / w). */
export type Homography = readonly number[];

/** Gaussian elimination with partial pivoting; null for a singular system. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    const p = m[pivot] as number[];
    if (Math.abs(p[col] ?? 0) < 1e-12) return null;
    [m[col], m[pivot]] = [p, m[col] as number[]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] ?? 0) / (p[col] ?? 1);
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (p[c] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** The homography taking each `from[k]` to `to[k]` (four pairs, no three collinear); null if none. */
export function homographyFrom(from: readonly Point[], to: readonly Point[]): Homography | null {
  if (from.length !== 4 || to.length !== 4) return null;
  const a: number[][] = [];
  const b: number[] = [];
  for (let k = 0; k < 4; k++) {
    const { x, y } = from[k] as Point;
    const { x: u, y: v } = to[k] as Point;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return h ? [...h, 1] : null;
}

export function applyHomography(h: Homography, p: Point): Point {
  const w = (h[6] ?? 0) * p.x + (h[7] ?? 0) * p.y + (h[8] ?? 1);
  return {
    x: ((h[0] ?? 0) * p.x + (h[1] ?? 0) * p.y + (h[2] ?? 0)) / w,
    y: ((h[3] ?? 0) * p.x + (h[4] ?? 0) * p.y + (h[5] ?? 0)) / w,
  };
}

/**
 * The quadrilateral `corners` of `image` (top-left, top-right, bottom-right, bottom-left of the
 * document as it should read) sampled onto an upright `width × height` raster. Outside the image
 * is white.
 */
export function warpQuad(
  image: GreyImage,
  corners: readonly Point[],
  width: number,
  height: number,
): GreyImage {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const data = new Uint8Array(w * h);
  const rect: Point[] = [
    { x: 0, y: 0 },
    { x: w - 1, y: 0 },
    { x: w - 1, y: h - 1 },
    { x: 0, y: h - 1 },
  ];
  const map = homographyFrom(rect, corners);
  if (!map) return { width: w, height: h, data: data.fill(255) };
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 1] = map;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = h6 * x + h7 * y + h8;
      const u = (h0 * x + h1 * y + h2) / d;
      const v = (h3 * x + h4 * y + h5) / d;
      data[y * w + x] = Math.round(bilinear(image.data, image.width, image.height, u, v, 255));
    }
  }
  return { width: w, height: h, data };
}
