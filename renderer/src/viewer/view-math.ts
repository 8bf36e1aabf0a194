/**
 * The geometry of the viewer, as pure functions. A view is a zoom `k` relative to "fit", a pan
 * (x, y) in screen pixels from the centre of the pane, and a rotation in quarter turns. Keeping
 * zoom relative to fit is what lets two panes with images of different sizes stay linked in
 * compare mode: the same k, pan and rotation mean "the same place" in both.
 */

export type Rotation = 0 | 90 | 180 | 270;

export interface Size {
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface ViewState {
  k: number;
  x: number;
  y: number;
  rotation: Rotation;
}

export const FIT_VIEW: ViewState = { k: 1, x: 0, y: 0, rotation: 0 };

/** Padding kept around a fitted image, in CSS pixels. */
const FIT_PADDING = 16;
/** Smallest zoom: a quarter of fit. Largest: 16 image pixels per screen pixel (1600 %). */
const K_MIN = 0.25;
const SCALE_MAX = 16;
/** How much of an image stays on screen however far it is panned. */
const KEEP_VISIBLE = 48;

export function rotatedSize(image: Size, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270 ? { w: image.h, h: image.w } : image;
}

/** Scale at which the (rotated) image fits the viewport. 1 when nothing is measurable yet. */
export function fitScale(image: Size, viewport: Size, rotation: Rotation): number {
  const r = rotatedSize(image, rotation);
  const vw = viewport.w - 2 * FIT_PADDING;
  const vh = viewport.h - 2 * FIT_PADDING;
  if (r.w <= 0 || r.h <= 0 || vw <= 0 || vh <= 0) return 1;
  return Math.min(vw / r.w, vh / r.h);
}

export function clampK(k: number, fit: number): number {
  const kMax = Math.max(4, SCALE_MAX / fit);
  return Math.min(kMax, Math.max(K_MIN, k));
}

/** Zooms by `factor` keeping the image point under `at` (relative to the pane centre) in place. */
export function zoomAt(view: ViewState, factor: number, at: Point, fit: number): ViewState {
  const k = clampK(view.k * factor, fit);
  const ratio = k / view.k;
  return {
    ...view,
    k,
    x: at.x - (at.x - view.x) * ratio,
    y: at.y - (at.y - view.y) * ratio,
  };
}

/** Zooms to an absolute scale (1 = one image pixel per CSS pixel) about the pane centre. */
export function zoomToScale(view: ViewState, scale: number, fit: number): ViewState {
  return zoomAt(view, scale / fit / view.k, { x: 0, y: 0 }, fit);
}

/** Turns the view a quarter turn about the pane centre; the pan turns with it. */
export function rotateView(view: ViewState, direction: 1 | -1): ViewState {
  const rotation = (((view.rotation + direction * 90) % 360) + 360) % 360;
  const x = direction === 1 ? -view.y : view.y;
  const y = direction === 1 ? view.x : -view.x;
  return { ...view, rotation: rotation as Rotation, x, y };
}

export function panBy(view: ViewState, dx: number, dy: number): ViewState {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** How far the pan may go in each axis before the image would leave the pane. */
export function panLimit(image: Size, viewport: Size, view: ViewState, fit: number): Point {
  const r = rotatedSize(image, view.rotation);
  const scale = fit * view.k;
  return {
    x: Math.max(0, (r.w * scale) / 2 + viewport.w / 2 - KEEP_VISIBLE),
    y: Math.max(0, (r.h * scale) / 2 + viewport.h / 2 - KEEP_VISIBLE),
  };
}

export function clampPan(view: ViewState, limit: Point): ViewState {
  const x = Math.min(limit.x, Math.max(-limit.x, view.x));
  const y = Math.min(limit.y, Math.max(-limit.y, view.y));
  return x === view.x && y === view.y ? view : { ...view, x, y };
}

export function zoomPercent(view: ViewState, fit: number): number {
  return Math.round(fit * view.k * 100);
}

/** The CSS transform of an image laid out centred in its pane at its natural size. */
export function imageTransform(view: ViewState, fit: number): string {
  return `translate3d(${round(view.x)}px, ${round(view.y)}px, 0) rotate(${view.rotation}deg) scale(${precise(fit * view.k)})`;
}

/**
 * The transform of the same image inside a loupe centred on `pointer` (relative to the pane
 * centre), magnifying the view `magnification` times about that point.
 */
export function loupeTransform(
  view: ViewState,
  fit: number,
  pointer: Point,
  magnification: number,
): string {
  const x = magnification * (view.x - pointer.x);
  const y = magnification * (view.y - pointer.y);
  return `translate3d(${round(x)}px, ${round(y)}px, 0) rotate(${view.rotation}deg) scale(${precise(fit * view.k * magnification)})`;
}

/** A wheel event's zoom factor: smooth for trackpads and pinch, one notch ≈ 12 % for wheels. */
export function wheelFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const sensitivity = pinch ? 0.01 : 0.0012;
  const clamped = Math.max(-400, Math.min(400, pixels));
  return Math.exp(-clamped * sensitivity);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function precise(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
