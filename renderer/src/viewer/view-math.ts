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

/**
 * The CSS transform of an image laid out centred in its pane at its natural size. `offset` (image
 * pixels) moves a region's centre onto the image's centre, so a crop is viewed like an image;
 * `turn` (degrees, clockwise) then turns the image about that centre — the portrait compare's
 * eye-levelling, applied under the view's own quarter turns so both panes still turn together.
 */
export function imageTransform(
  view: ViewState,
  fit: number,
  offset: Point = NO_OFFSET,
  turn = 0,
): string {
  return `translate3d(${round(view.x)}px, ${round(view.y)}px, 0) rotate(${view.rotation}deg) scale(${precise(fit * view.k)})${turnCss(turn)}${offsetCss(offset)}`;
}

const NO_OFFSET: Point = { x: 0, y: 0 };

function turnCss(turn: number): string {
  return turn === 0 ? '' : ` rotate(${precise(turn)}deg)`;
}

function offsetCss(offset: Point): string {
  return offset.x === 0 && offset.y === 0
    ? ''
    : ` translate(${round(offset.x)}px, ${round(offset.y)}px)`;
}

/** A rectangle of an image, in image pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How far to move an image so that the centre of `box` lands on the image's centre. */
export function regionOffset(image: Size, box: Box): Point {
  return { x: image.w / 2 - (box.x + box.w / 2), y: image.h / 2 - (box.y + box.h / 2) };
}

/** A CSS `clip-path` that leaves only `box` of the image visible. */
export function regionClip(image: Size, box: Box): string {
  const right = image.w - box.x - box.w;
  const bottom = image.h - box.y - box.h;
  return `inset(${round(box.y)}px ${round(right)}px ${round(bottom)}px ${round(box.x)}px)`;
}

/** A box given as fractions of the image (0–1), in image pixels, kept inside the image. */
export function boxFromFractions(image: Size, f: Box): Box {
  const w = Math.min(1, Math.max(0.05, f.w));
  const h = Math.min(1, Math.max(0.05, f.h));
  const x = Math.min(1 - w, Math.max(0, f.x));
  const y = Math.min(1 - h, Math.max(0, f.y));
  return { x: x * image.w, y: y * image.h, w: w * image.w, h: h * image.h };
}

/** Whether the image, as shown, is larger than its pane (then a navigator helps). */
export function overflows(image: Size, viewport: Size, view: ViewState, fit: number): boolean {
  const r = rotatedSize(image, view.rotation);
  const scale = fit * view.k;
  return r.w * scale > viewport.w + 1 || r.h * scale > viewport.h + 1;
}

/**
 * The part of the (rotated) image in view, as fractions of its width and height, clipped to the
 * image: what a navigator's frame outlines.
 */
export function visibleFraction(image: Size, viewport: Size, view: ViewState, fit: number): Box {
  const r = rotatedSize(image, view.rotation);
  const scale = fit * view.k;
  if (r.w <= 0 || r.h <= 0 || scale <= 0) return { x: 0, y: 0, w: 1, h: 1 };
  const left = clamp01((-viewport.w / 2 - view.x) / scale / r.w + 0.5);
  const right = clamp01((viewport.w / 2 - view.x) / scale / r.w + 0.5);
  const top = clamp01((-viewport.h / 2 - view.y) / scale / r.h + 0.5);
  const bottom = clamp01((viewport.h / 2 - view.y) / scale / r.h + 0.5);
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** The pan that puts the point at `fraction` of the (rotated) image in the pane's centre. */
export function panToFraction(image: Size, view: ViewState, fit: number, fraction: Point): Point {
  const r = rotatedSize(image, view.rotation);
  const scale = fit * view.k;
  return {
    x: -(clamp01(fraction.x) - 0.5) * r.w * scale,
    y: -(clamp01(fraction.y) - 0.5) * r.h * scale,
  };
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
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
  offset: Point = NO_OFFSET,
  turn = 0,
): string {
  const x = magnification * (view.x - pointer.x);
  const y = magnification * (view.y - pointer.y);
  return `translate3d(${round(x)}px, ${round(y)}px, 0) rotate(${view.rotation}deg) scale(${precise(fit * view.k * magnification)})${turnCss(turn)}${offsetCss(offset)}`;
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
