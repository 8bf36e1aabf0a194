import type { DetectedFace, FaceCrop, FaceTurn } from '../../../shared/face-match.ts';
import { orient, type RgbImage } from '../image/decode-jpeg.ts';
import { pixels } from '../image/raster-scope.ts';

/**
 * Faces at any quarter turn. A selfie stored sideways without an EXIF orientation, or a passport
 * page photographed turned in a portrait frame, shows its face lying on its side, and the detector
 * finds faces upright only. When none is found upright, the image is turned by each quarter turn
 * (clockwise 90°, 180°, 270°) and searched again; what is found there is mapped back into the
 * picture as displayed, so the boxes and crops mean what they mean for an upright face.
 */

export const QUARTER_TURNS: readonly FaceTurn[] = [90, 180, 270];

/** The EXIF orientation whose display turns a picture clockwise by `turn`. */
const ORIENTATION_OF: Record<FaceTurn, 3 | 6 | 8> = { 90: 6, 180: 3, 270: 8 };

/** `image` turned clockwise by `turn` (its pixels the run's raster scope's). */
export function turnedImage(image: RgbImage, turn: FaceTurn): RgbImage {
  const turned = orient(image, ORIENTATION_OF[turn]);
  pixels(turned.rgb);
  return turned;
}

/**
 * Where a point of the image turned clockwise by `turn` lies in the image itself (`width ×
 * height`, continuous pixel coordinates: a pixel's centre at +0.5).
 */
export function pointBack(
  turn: FaceTurn,
  width: number,
  height: number,
  x: number,
  y: number,
): { x: number; y: number } {
  if (turn === 90) return { x: y, y: height - x };
  if (turn === 180) return { x: width - x, y: height - y };
  return { x: width - y, y: x };
}

/** A face found on the turned image, in the image's own pixels, with the turn that found it. */
export function faceBack(
  face: DetectedFace,
  turn: FaceTurn,
  width: number,
  height: number,
): DetectedFace {
  const { left, top, width: w, height: h } = face.box;
  const a = pointBack(turn, width, height, left, top);
  const b = pointBack(turn, width, height, left + w, top + h);
  return {
    ...face,
    box: {
      left: Math.min(a.x, b.x),
      top: Math.min(a.y, b.y),
      width: Math.abs(a.x - b.x),
      height: Math.abs(a.y - b.y),
    },
    turn,
  };
}

/**
 * A crop cut from the turned image, as the same crop of the image itself: its centre mapped
 * back, its angle less the turn (a direction at θ in the image lies at θ + turn once the image is
 * turned clockwise by `turn`).
 */
export function cropBack(crop: FaceCrop, turn: FaceTurn, width: number, height: number): FaceCrop {
  const centre = pointBack(turn, width, height, crop.centerX, crop.centerY);
  let angle = crop.angleDegrees - turn;
  while (angle <= -180) angle += 360;
  while (angle > 180) angle -= 360;
  return { ...crop, centerX: centre.x, centerY: centre.y, angleDegrees: angle };
}
