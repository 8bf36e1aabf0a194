import { describe, expect, it } from 'vitest';
import {
  alignedCrop,
  eyeCentres,
  extractCrop,
} from '../../../../../core/analysis/face/align-face.ts';
import type { Point } from '../../../../../core/analysis/face/align-face.ts';

/** A schematic 68-point face: eyes 60 px apart at (170,200)/(230,200), the rest below them. */
function face(turnDegrees: number, about: Point = { x: 200, y: 200 }): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < 68; i++) {
    let p: Point;
    if (i >= 36 && i <= 41) p = { x: 170 + (i - 38.5) * 4, y: 200 };
    else if (i >= 42 && i <= 47) p = { x: 230 + (i - 44.5) * 4, y: 200 };
    else p = { x: 140 + (i % 17) * 7.5, y: 190 + Math.floor(i / 17) * 30 };
    points.push(turn(p, about, turnDegrees));
  }
  return points;
}

function turn(p: Point, about: Point, degrees: number): Point {
  const a = (degrees * Math.PI) / 180;
  const dx = p.x - about.x;
  const dy = p.y - about.y;
  return {
    x: about.x + dx * Math.cos(a) - dy * Math.sin(a),
    y: about.y + dx * Math.sin(a) + dy * Math.cos(a),
  };
}

describe('aligning a face by its eyes', () => {
  it('finds the eye centres from the 68-point scheme', () => {
    const [left, right] = eyeCentres(face(0));
    expect(left.x).toBeCloseTo(170);
    expect(right.x).toBeCloseTo(230);
    expect(left.y).toBeCloseTo(200);
  });

  it('turns the crop by the eye line so the eyes come out level, whatever the head tilt', () => {
    for (const tilt of [-10, 0, 7.5, 10]) {
      expect(alignedCrop(face(tilt), 150).angleDegrees).toBeCloseTo(tilt, 6);
    }
  });

  it('keeps size and centre (relative to the face) when the face is tilted', () => {
    const level = alignedCrop(face(0), 150);
    const tilted = alignedCrop(face(10), 150);
    expect(tilted.size).toBeCloseTo(level.size, 6);
    const expected = turn({ x: level.centerX, y: level.centerY }, { x: 200, y: 200 }, 10);
    expect(tilted.centerX).toBeCloseTo(expected.x, 6);
    expect(tilted.centerY).toBeCloseTo(expected.y, 6);
  });

  it('scales with the face, so two crops of one face at different sizes match', () => {
    const small = face(0).map((p) => ({ x: p.x / 2, y: p.y / 2 }));
    expect(alignedCrop(small, 150).size * 2).toBeCloseTo(alignedCrop(face(0), 150).size, 6);
  });

  it('refuses a landmark set that is not the 68-point scheme', () => {
    expect(() => alignedCrop(face(0).slice(0, 40), 150)).toThrow(RangeError);
  });
});

describe('resampling the crop', () => {
  const width = 64;
  const height = 48;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set([200, 100, 50], i * 3);
  const image = { width, height, rgb };

  it('reproduces the colours inside the image at the output size', () => {
    const out = extractCrop(image, {
      centerX: 32,
      centerY: 24,
      size: 20,
      angleDegrees: 30,
      outputSize: 10,
    });
    expect(out).toHaveLength(10 * 10 * 3);
    expect([...out.subarray(0, 3)]).toEqual([200, 100, 50]);
    expect([...out.subarray(-3)]).toEqual([200, 100, 50]);
  });

  it('reads black outside the image', () => {
    const out = extractCrop(image, {
      centerX: -100,
      centerY: -100,
      size: 20,
      angleDegrees: 0,
      outputSize: 4,
    });
    expect(out.every((v) => v === 0)).toBe(true);
  });
});
