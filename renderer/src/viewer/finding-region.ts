import type { DocumentSlot } from '../../../shared/ipc.ts';
import type { Box, Point, Size } from './view-math.ts';

/**
 * A finding's place on an image, as the viewer marks it: the MRZ zone, a detected face. The
 * analysis decodes every image turned as its EXIF orientation says, so every box it reports is in
 * the pixels the viewer shows: none needs turning here.
 */
export interface Highlight {
  slot: DocumentSlot;
  /** In the displayed image's pixels. */
  box: Box;
  /** What the box marks, for its accessible name. */
  label: string;
}

/**
 * A point in stored pixels → the same place in the displayed image (EXIF orientation 1–8), as
 * continuous coordinates (a pixel's centre is at +0.5): what the analysis's `orient` does to pixels.
 */
export function displayedPoint(stored: Point, displayed: Size, orientation: number): Point {
  const swapped = orientation >= 5 && orientation <= 8;
  const W = swapped ? displayed.h : displayed.w;
  const H = swapped ? displayed.w : displayed.h;
  const { x, y } = stored;
  switch (orientation) {
    case 2:
      return { x: W - x, y };
    case 3:
      return { x: W - x, y: H - y };
    case 4:
      return { x, y: H - y };
    case 5:
      return { x: y, y: x };
    case 6:
      return { x: H - y, y: x };
    case 7:
      return { x: H - y, y: W - x };
    case 8:
      return { x: y, y: W - x };
    default:
      return { x, y };
  }
}
