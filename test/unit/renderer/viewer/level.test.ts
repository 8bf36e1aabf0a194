import { describe, expect, it } from 'vitest';
import { alignedCrop, type Point } from '../../../../core/analysis/face/align-face.ts';
import { orient } from '../../../../core/analysis/image/decode-jpeg.ts';
import type { Orientation } from '../../../../core/documents/exif-orientation.ts';
import { displayedPoint } from '../../../../renderer/src/viewer/finding-region.ts';
import {
  levelledPoint,
  levelTurn,
  turnedClip,
  turnedCorners,
} from '../../../../renderer/src/viewer/level.ts';
import { faceRegions, type PortraitBox } from '../../../../renderer/src/viewer/portrait.ts';
import type { FaceComparison } from '../../../../shared/face-match.ts';

/**
 * The portrait compare's eye-levelling, end to end in arithmetic: a face stored in a JPEG turned
 * by its EXIF orientation and tilted by θ in the picture as shown; the analysis finds it in the
 * upright picture (its `orient`), the viewer shows the same upright picture (its `displayedPoint`),
 * and the pane turns the crop by `levelTurn` — the eyes must come out level, left eye on the left,
 * mouth below, at the crop's scale, for every orientation and tilt.
 */

const ORIENTATIONS: Orientation[] = [1, 2, 3, 4, 5, 6, 7, 8];
/** The stored frame, 600 × 400; shown 400 × 600 for orientations 5–8. */
const STORED = { w: 600, h: 400 };
const shownSize = (o: number) => (o >= 5 ? { w: STORED.h, h: STORED.w } : STORED);
/** The inverse orientation: each is its own inverse but the two quarter turns. */
const inverse = (o: Orientation): Orientation => (o === 6 ? 8 : o === 8 ? 6 : o);

function turn(p: Point, about: Point, degrees: number): Point {
  const a = (degrees * Math.PI) / 180;
  const dx = p.x - about.x;
  const dy = p.y - about.y;
  return {
    x: about.x + dx * Math.cos(a) - dy * Math.sin(a),
    y: about.y + dx * Math.sin(a) + dy * Math.cos(a),
  };
}

/** A schematic 68-point face as seen upright, tilted by `tilt`: eyes 60 px apart, the rest below. */
function uprightFace(tilt: number): Point[] {
  const about = { x: 200, y: 220 };
  const points: Point[] = [];
  for (let i = 0; i < 68; i++) {
    let p: Point;
    if (i >= 36 && i <= 41) p = { x: 170 + (i - 38.5) * 4, y: 200 };
    else if (i >= 42 && i <= 47) p = { x: 230 + (i - 44.5) * 4, y: 200 };
    else p = { x: 140 + (i % 17) * 7.5, y: 210 + Math.floor(i / 17) * 30 };
    points.push(turn(p, about, tilt));
  }
  return points;
}

const mean = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

function comparison(selfie: ReturnType<typeof alignedCrop>): FaceComparison {
  const portrait = { centerX: 300, centerY: 200, size: 200, angleDegrees: 0, outputSize: 150 };
  return {
    score: 0.8,
    band: 'same',
    selfieFace: null,
    portraitFace: null,
    crops: { selfie, portrait },
    model: 'test',
  };
}

/** A box in fractions back in the displayed image's pixels. */
function pixels(box: PortraitBox, size: { w: number; h: number }) {
  return { x: box.x * size.w, y: box.y * size.h, w: box.w * size.w, h: box.h * size.h };
}

describe('the viewer shows the picture the analysis looked at', () => {
  it.each(ORIENTATIONS)('orientation %i: a stored pixel lands where orient() puts it', (o) => {
    const stored = { width: 6, height: 4, rgb: new Uint8Array(6 * 4 * 3) };
    const at = { x: 4, y: 1 };
    stored.rgb[(at.y * 6 + at.x) * 3] = 255;
    const upright = orient(stored, o);
    const found = upright.rgb.findIndex((v) => v === 255) / 3;
    const expected = {
      x: found % upright.width,
      y: Math.floor(found / upright.width),
    };
    const shown = displayedPoint(
      { x: at.x + 0.5, y: at.y + 0.5 },
      { w: upright.width, h: upright.height },
      o,
    );
    expect({ x: shown.x - 0.5, y: shown.y - 0.5 }).toEqual(expected);
  });
});

describe('levelling the faces', () => {
  it('the turn is minus the eye line’s angle, kept within half a turn', () => {
    expect(levelTurn(4)).toBe(-4);
    expect(levelTurn(-2.5)).toBe(2.5);
    expect(levelTurn(0)).toBe(0);
    expect(Object.is(levelTurn(0), -0)).toBe(false);
    expect(levelTurn(-190)).toBe(-170);
    expect(levelTurn(180)).toBe(180);
    expect(levelTurn(Number.NaN)).toBe(0);
  });

  describe.each(ORIENTATIONS)('a selfie stored with EXIF orientation %i', (o) => {
    it.each([-35, -12, -3, 0, 4, 20])('tilted %i°: its eyes come out level', (tilt) => {
      const shown = shownSize(o);
      const face = uprightFace(tilt);
      // Where the file holds those points, checked by mapping them back.
      const stored = face.map((p) => displayedPoint(p, STORED, inverse(o)));
      const back = stored.map((p) => displayedPoint(p, shown, o));
      back.forEach((p, i) => {
        expect(p.x).toBeCloseTo(face[i]?.x ?? NaN, 9);
        expect(p.y).toBeCloseTo(face[i]?.y ?? NaN, 9);
      });

      // The analysis finds the face in the upright picture; the viewer shows that picture.
      const crop = alignedCrop(back, 150);
      expect(crop.angleDegrees).toBeCloseTo(tilt, 9);
      const regions = faceRegions(comparison(crop), { documentFront: STORED, face: shown });
      if (!regions) throw new Error('both crops given');
      const box = pixels(regions.face, shown);
      expect(regions.face.angleDegrees).toBeCloseTo(tilt, 9);
      // No turn for the orientation on top of the eye line: the orientation is already applied.
      expect(levelTurn(regions.face.angleDegrees)).toBeCloseTo(-tilt, 9);

      const leftEye = levelledPoint(mean(back.slice(36, 42)), box, regions.face.angleDegrees);
      const rightEye = levelledPoint(mean(back.slice(42, 48)), box, regions.face.angleDegrees);
      const mouth = levelledPoint(mean(back.slice(51, 68)), box, regions.face.angleDegrees);
      expect(rightEye.y - leftEye.y).toBeCloseTo(0, 9);
      expect(rightEye.x - leftEye.x).toBeCloseTo(60, 9);
      expect(mouth.y).toBeGreaterThan(leftEye.y);
    });
  });

  it('turning the crop again for the orientation (the marks’ old mistake) would not level it', () => {
    const o = 6;
    const shown = shownSize(o);
    const crop = alignedCrop(uprightFace(4), 150);
    const regions = faceRegions(comparison(crop), { documentFront: STORED, face: shown });
    if (!regions) throw new Error('both crops given');
    const box = pixels(regions.face, shown);
    const eyes = [uprightFace(4).slice(36, 42), uprightFace(4).slice(42, 48)].map(mean);
    const twice = crop.angleDegrees + 90;
    const [l, r] = eyes.map((p) => levelledPoint(p, box, twice)) as [Point, Point];
    expect(Math.abs(r.y - l.y)).toBeGreaterThan(50);
  });

  it('the crop shown is the turned square the analysis sampled; level on screen', () => {
    const box = { x: 100, y: 80, w: 200, h: 200 };
    const corners = turnedCorners(box, 10);
    const onScreen = corners.map((p) => levelledPoint(p, box, 10, 0.5));
    // Top-left, top-right, bottom-right, bottom-left of an upright 100 × 100 square.
    const expected = [
      { x: -50, y: -50 },
      { x: 50, y: -50 },
      { x: 50, y: 50 },
      { x: -50, y: 50 },
    ];
    onScreen.forEach((p, i) => {
      expect(p.x).toBeCloseTo(expected[i]?.x ?? NaN, 9);
      expect(p.y).toBeCloseTo(expected[i]?.y ?? NaN, 9);
    });
    expect(turnedClip({ x: 0, y: 0, w: 10, h: 10 }, 90)).toBe(
      'polygon(10px 0px, 10px 10px, 0px 10px, 0px 0px)',
    );
  });
});
