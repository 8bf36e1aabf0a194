import type { GreyImage } from './grey-image.ts';
import type { Point } from './homography.ts';

/**
 * Quarter turns of a raster. `turn` is how far the content is turned clockwise in the image;
 * {@link uprightTurn} turns it back (counter-clockwise by `turn`), and {@link fromUpright} maps
 * a point of the result back into the image.
 */

export type Turn = 0 | 90 | 180 | 270;

export function uprightTurn(image: GreyImage, turn: Turn): GreyImage {
  const { width: w, height: h, data } = image;
  if (turn === 0) return { width: w, height: h, data: data.slice() };
  const out = new Uint8Array(w * h);
  if (turn === 180) {
    for (let i = 0; i < w * h; i++) out[w * h - 1 - i] = data[i] ?? 0;
    return { width: w, height: h, data: out };
  }
  // 90: (x, y) → (y, w − 1 − x) in a raster h wide; 270: (x, y) → (h − 1 − y, x).
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x] ?? 0;
      if (turn === 90) out[(w - 1 - x) * h + y] = v;
      else out[x * h + (h - 1 - y)] = v;
    }
  return { width: h, height: w, data: out };
}

/** Where a point of `uprightTurn(image, turn)` lies in `image` (`width × height`). */
export function fromUpright(p: Point, turn: Turn, image: { width: number; height: number }): Point {
  const { width: w, height: h } = image;
  switch (turn) {
    case 0:
      return p;
    case 180:
      return { x: w - 1 - p.x, y: h - 1 - p.y };
    case 90:
      return { x: w - 1 - p.y, y: p.x };
    case 270:
      return { x: p.y, y: h - 1 - p.x };
  }
}
