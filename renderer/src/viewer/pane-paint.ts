import type { Adjustments } from './view-controller.ts';
import { levelTurn, turnedClip } from './level.ts';
import {
  loupeTransform,
  overflows,
  regionClip,
  regionOffset,
  rotatedSize,
  visibleFraction,
  type Box,
  type Point,
  type Size,
  type ViewState,
} from './view-math.ts';

/**
 * What one viewer pane paints, as pure functions of the view and the pane's geometry: the part of
 * the image it shows, where a box over the image lands, the navigator's layout and the loupe's.
 * `useViewport` writes the results onto the elements once a frame.
 */

/** The navigator's longer side, in CSS pixels. */
export const MINIMAP_SIZE = 148;

/** A box in image pixels with the angle (degrees) of the eye line it was levelled by. */
export interface TurnedBox extends Box {
  angle: number;
}

/** What a pane shows of its image and what it draws over it, in image pixels of the upright image. */
export interface PaneGeometry {
  /** The whole upright image. */
  image: Size;
  /** The part shown instead of the whole image (the portrait compare), levelled by its angle. */
  crop: TurnedBox | null;
  /** A region drawn as a movable box over the whole image (adjusting the portrait area). */
  frame: TurnedBox | null;
  /** A finding's place, marked over the upright image. */
  mark: Box | null;
}

export function filterCss(adjust: Adjustments): string {
  const parts: string[] = [];
  if (adjust.brightness !== 100) parts.push(`brightness(${adjust.brightness / 100})`);
  if (adjust.contrast !== 100) parts.push(`contrast(${adjust.contrast / 100})`);
  if (adjust.invert) parts.push('invert(1)');
  return parts.join(' ');
}

/** How the pane's image element shows its part of the image. */
export interface ShownPart {
  /** The size the view fits and pans: the crop's, or the whole image's. */
  size: Size;
  /** Moves the crop's centre onto the image's centre (image pixels). */
  offset: Point;
  /** The CSS clip-path that leaves only the crop visible ('' for the whole image). */
  clip: string;
  /** Degrees that bring a levelled crop level (0 otherwise). */
  turn: number;
}

export function shownPart(image: Size, crop: TurnedBox | null): ShownPart {
  if (!crop) return { size: image, offset: { x: 0, y: 0 }, clip: '', turn: 0 };
  return {
    size: { w: crop.w, h: crop.h },
    offset: regionOffset(image, crop),
    // A levelled crop is the turned square the analysis sampled, brought level by the turn.
    clip: crop.angle === 0 ? regionClip(image, crop) : turnedClip(crop, crop.angle),
    turn: levelTurn(crop.angle),
  };
}

/** Where a box over the upright, unrotated image lands in the pane, in CSS pixels. */
export interface Placement {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function placeBox(
  image: Size,
  viewport: Size,
  view: ViewState,
  scale: number,
  box: Box,
): Placement {
  return {
    left: viewport.w / 2 + view.x + (box.x - image.w / 2) * scale,
    top: viewport.h / 2 + view.y + (box.y - image.h / 2) * scale,
    width: box.w * scale,
    height: box.h * scale,
  };
}

/** The navigator's layout: its size, its image's, and the frame of the part in view. */
export interface MinimapLayout {
  map: Size;
  image: Size;
  rotation: number;
  /** The part in view, as fractions of the (rotated) image. */
  frame: Box;
}

/**
 * The navigator, shown while the whole image is larger than the pane — never over a crop or an
 * adjustable box; null when hidden.
 */
export function minimapLayout(
  geometry: PaneGeometry,
  viewport: Size,
  view: ViewState,
  fit: number,
): MinimapLayout | null {
  const { image } = geometry;
  if (geometry.crop || geometry.frame || !overflows(image, viewport, view, fit)) return null;
  const turned = rotatedSize(image, view.rotation);
  const m = MINIMAP_SIZE / Math.max(turned.w, turned.h);
  return {
    map: { w: turned.w * m, h: turned.h * m },
    image: { w: image.w * m, h: image.h * m },
    rotation: view.rotation,
    frame: visibleFraction(image, viewport, view, fit),
  };
}

/** The loupe's place (CSS transform of the lens) and its image's transform. */
export interface LensPaint {
  lens: string;
  image: string;
}

/** The loupe at the pointer, magnifying what the pane shows; null while it is off or away. */
export function lensPaint(
  view: ViewState,
  fit: number,
  loupe: boolean,
  pointer: Point | null,
  magnification: number,
  shown: ShownPart,
): LensPaint | null {
  if (!loupe || !pointer) return null;
  return {
    lens: `translate3d(${pointer.x}px, ${pointer.y}px, 0)`,
    image: loupeTransform(view, fit, pointer, magnification, shown.offset, shown.turn),
  };
}
