import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  homographyFrom,
  warpQuad,
  type Point,
} from '../../../../../core/analysis/image/homography.ts';
import { fromUpright, uprightTurn } from '../../../../../core/analysis/image/quarter-turn.ts';
import type { GreyImage } from '../../../../../core/analysis/image/grey-image.ts';

const SQUARE: Point[] = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 1, y: 1 },
  { x: 0, y: 1 },
];

describe('homography', () => {
  it('takes each of four points exactly where asked, and the centre to the diagonals’ crossing', () => {
    const to: Point[] = [
      { x: 100, y: 80 },
      { x: 520, y: 60 },
      { x: 560, y: 400 },
      { x: 90, y: 350 },
    ];
    const h = homographyFrom(SQUARE, to);
    expect(h).not.toBeNull();
    SQUARE.forEach((p, k) => {
      const q = applyHomography(h ?? [], p);
      expect(q.x).toBeCloseTo(to[k]?.x ?? NaN, 6);
      expect(q.y).toBeCloseTo(to[k]?.y ?? NaN, 6);
    });
    // A projective map keeps lines: the square's centre goes to where the quad's diagonals cross.
    const c = applyHomography(h ?? [], { x: 0.5, y: 0.5 });
    const [a, b, d, e] = to as [Point, Point, Point, Point];
    const cross = (p: Point, q: Point, r: Point) =>
      (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    expect(Math.abs(cross(a, d, c))).toBeLessThan(1e-6 * 1e5);
    expect(Math.abs(cross(b, e, c))).toBeLessThan(1e-6 * 1e5);
  });

  it('has none for collinear corners', () => {
    expect(
      homographyFrom(
        SQUARE,
        SQUARE.map((p) => ({ x: p.x, y: p.x })),
      ),
    ).toBeNull();
  });

  it('rectifies a keystoned rectangle back to its pixels', () => {
    // A 40×20 raster with a dark left half, drawn into a keystoned quad of a larger image.
    const big: GreyImage = { width: 200, height: 120, data: new Uint8Array(200 * 120).fill(255) };
    const quad: Point[] = [
      { x: 30, y: 20 },
      { x: 170, y: 30 },
      { x: 160, y: 100 },
      { x: 40, y: 90 },
    ];
    const toImage = homographyFrom(
      [
        { x: 0, y: 0 },
        { x: 40, y: 0 },
        { x: 40, y: 20 },
        { x: 0, y: 20 },
      ],
      quad,
    );
    const back = homographyFrom(quad, [
      { x: 0, y: 0 },
      { x: 40, y: 0 },
      { x: 40, y: 20 },
      { x: 0, y: 20 },
    ]);
    expect(toImage && back).toBeTruthy();
    for (let y = 0; y < big.height; y++)
      for (let x = 0; x < big.width; x++) {
        const p = applyHomography(back ?? [], { x, y });
        if (p.x >= 0 && p.x < 40 && p.y >= 0 && p.y < 20)
          big.data[y * big.width + x] = p.x < 20 ? 20 : 230;
      }
    const flat = warpQuad(big, quad, 40, 20);
    expect(flat.width).toBe(40);
    expect(flat.height).toBe(20);
    const at = (x: number, y: number) => flat.data[y * 40 + x] ?? 0;
    expect(at(5, 10)).toBeLessThan(60);
    expect(at(34, 10)).toBeGreaterThan(200);
    expect(at(15, 3)).toBeLessThan(60);
    expect(at(25, 17)).toBeGreaterThan(200);
  });
});

describe('quarter turns', () => {
  const image: GreyImage = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
  it.each([0, 90, 180, 270] as const)(
    'turn %i maps every pixel back where it came from',
    (turn) => {
      const up = uprightTurn(image, turn);
      expect(up.width * up.height).toBe(6);
      for (let y = 0; y < up.height; y++)
        for (let x = 0; x < up.width; x++) {
          const p = fromUpright({ x, y }, turn, image);
          expect(image.data[p.y * image.width + p.x]).toBe(up.data[y * up.width + x]);
        }
    },
  );

  it('turns content that lies turned 90° clockwise back upright', () => {
    // Content turned 90° clockwise: its first row runs down the right-hand column.
    const turned: GreyImage = { width: 2, height: 3, data: Uint8Array.from([4, 1, 5, 2, 6, 3]) };
    expect(Array.from(uprightTurn(turned, 90).data)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
