import type { DocumentSlot } from '../../../shared/ipc.ts';
import type { Box, Size } from './view-math.ts';

/**
 * A finding's place on an image, as the viewer marks it: the MRZ zone, a detected face. The zone
 * reader measures in the pixels as stored in the file (its decoder does not apply the EXIF
 * orientation); the viewer shows the picture turned as EXIF says, so its box is turned the same
 * way. The face comparison already looks at the turned picture: its boxes need no turn.
 */
export interface Highlight {
  slot: DocumentSlot;
  /** In the displayed image's pixels. */
  box: Box;
  /** What the box marks, for its accessible name. */
  label: string;
}

/** A box in stored pixels → the same place in the displayed image (EXIF orientation 1–8). */
export function displayedBox(stored: Box, displayed: Size, orientation: number): Box {
  const swapped = orientation >= 5 && orientation <= 8;
  const W = swapped ? displayed.h : displayed.w;
  const H = swapped ? displayed.w : displayed.h;
  const map = (x: number, y: number): [number, number] => {
    switch (orientation) {
      case 2:
        return [W - x, y];
      case 3:
        return [W - x, H - y];
      case 4:
        return [x, H - y];
      case 5:
        return [y, x];
      case 6:
        return [H - y, x];
      case 7:
        return [H - y, W - x];
      case 8:
        return [y, W - x];
      default:
        return [x, y];
    }
  };
  const [ax, ay] = map(stored.x, stored.y);
  const [bx, by] = map(stored.x + stored.w, stored.y + stored.h);
  return {
    x: Math.min(ax, bx),
    y: Math.min(ay, by),
    w: Math.abs(bx - ax),
    h: Math.abs(by - ay),
  };
}
