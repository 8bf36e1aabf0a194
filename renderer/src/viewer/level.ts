import type { Box, Point } from './view-math.ts';

/**
 * Eye-levelling for the portrait compare. The face comparison reports each aligned crop in the
 * upright picture's pixels — the picture as the viewer shows it, its EXIF orientation already
 * applied — with `angleDegrees`, the eye line's angle there (y down, so positive means the eye on
 * the image's right sits lower). The viewer shows the same upright picture, so the crop needs no
 * turn for the orientation: turning it again would tilt it by a quarter turn (the mistake once
 * made with the face marks). Levelling is one turn by minus the eye line's angle about the crop's
 * centre. Pure functions, in CSS's sense of a turn: positive is clockwise on screen.
 */

/** The turn (degrees, CSS sense) that brings an eye line at `angleDegrees` to horizontal, in (−180, 180]. */
export function levelTurn(angleDegrees: number): number {
  if (!Number.isFinite(angleDegrees)) return 0;
  const turn = -angleDegrees % 360;
  const wrapped = turn > 180 ? turn - 360 : turn <= -180 ? turn + 360 : turn;
  // −0 and 0 read the same on screen and in the note.
  return wrapped === 0 ? 0 : wrapped;
}

/** `point` turned by `degrees` (CSS sense: clockwise on a y-down screen) about `centre`. */
export function turnPoint(point: Point, centre: Point, degrees: number): Point {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const dx = point.x - centre.x;
  const dy = point.y - centre.y;
  return { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos };
}

/**
 * The corners (top-left, top-right, bottom-right, bottom-left) of the part of the upright picture
 * an aligned crop covers: `box` (image pixels) turned by the eye line's angle about its centre,
 * as the analysis samples it.
 */
export function turnedCorners(box: Box, angleDegrees: number): [Point, Point, Point, Point] {
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  const turn = (x: number, y: number) => turnPoint({ x, y }, centre, angleDegrees);
  return [
    turn(box.x, box.y),
    turn(box.x + box.w, box.y),
    turn(box.x + box.w, box.y + box.h),
    turn(box.x, box.y + box.h),
  ];
}

/**
 * Where a point of the upright picture lands in a pane showing the crop levelled, relative to the
 * pane's centre, before zoom and pan: the crop's centre at the origin, turned by `levelTurn`,
 * scaled by `scale`. What the CSS transform of the pane does, as arithmetic, for tests and checks.
 */
export function levelledPoint(point: Point, box: Box, angleDegrees: number, scale = 1): Point {
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  const turned = turnPoint(point, centre, levelTurn(angleDegrees));
  return { x: (turned.x - centre.x) * scale, y: (turned.y - centre.y) * scale };
}

/** A CSS `clip-path` that leaves only the turned crop of the image visible. */
export function turnedClip(box: Box, angleDegrees: number): string {
  const corners = turnedCorners(box, angleDegrees);
  return `polygon(${corners.map((p) => `${round(p.x)}px ${round(p.y)}px`).join(', ')})`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
