import type { FaceComparison, FaceCrop } from '../../../shared/face-match.ts';
import type { Box, Size } from './view-math.ts';

/** The slots the portrait compare crops: the ID front's portrait and the selfie's face. */
export type PortraitSlot = 'documentFront' | 'face';

export const PORTRAIT_SLOTS: readonly PortraitSlot[] = ['documentFront', 'face'];

/**
 * A crop box as fractions (0–1) of its image, with the eye line's angle in the upright picture
 * when the box came from the face comparison (0 for a box placed by hand or by the fixed guess):
 * the pane turns the crop by minus that angle so the eyes stand level.
 */
export interface PortraitBox extends Box {
  angleDegrees: number;
}

/** Crop boxes, one per image. */
export type PortraitRegions = Record<PortraitSlot, PortraitBox>;

/**
 * Where a face usually is. On an ID-1 card (ICAO 9303 TD1 and most national ID cards) the
 * portrait sits on the left, about a third of the card wide and two thirds high; in a selfie the
 * head and shoulders fill the middle. Both boxes have about the same shape (≈ 4 : 5), so fitted
 * into equal panes they show a face at about the same scale; the reviewer adjusts either box.
 */
export const DEFAULT_PORTRAIT_REGIONS: PortraitRegions = {
  documentFront: { x: 0.04, y: 0.2, w: 0.31, h: 0.62, angleDegrees: 0 },
  face: { x: 0.02, y: 0.03, w: 0.96, h: 0.91, angleDegrees: 0 },
};

export function isPortraitSlot(slot: string): slot is PortraitSlot {
  return slot === 'documentFront' || slot === 'face';
}

/** Moves a box by a fraction of the image, keeping it inside (and its turn, if it has one). */
export function moveBox<B extends Box>(box: B, dx: number, dy: number): B {
  return {
    ...box,
    x: Math.min(1 - box.w, Math.max(0, box.x + dx)),
    y: Math.min(1 - box.h, Math.max(0, box.y + dy)),
  };
}

/** Resizes a box from its bottom-right corner, keeping it inside and at least 5 % of a side. */
export function resizeBox<B extends Box>(box: B, dw: number, dh: number): B {
  return {
    ...box,
    w: Math.min(1 - box.x, Math.max(0.05, box.w + dw)),
    h: Math.min(1 - box.y, Math.max(0.05, box.h + dh)),
  };
}

/**
 * The boxes the face comparison found, for the portrait compare: on each image a square centred
 * on the aligned crop's centre, its side the crop's size, so both faces come out at the same face
 * scale. The crops are in the upright picture's pixels, as the viewer shows it (the analysis turns
 * the image as its EXIF orientation says before it looks), so they map straight to fractions of
 * the displayed size, and their `angleDegrees` is the eye line's angle in that same picture: each
 * box carries it, and the pane turns the crop by minus it so the eyes stand level (no further turn
 * for the EXIF orientation — see level.ts). A square that would leave its image is shrunk — both
 * by the same factor, so the scales still match — and then moved inside. Null unless both crops
 * are there.
 */
export function faceRegions(
  face: FaceComparison | null | undefined,
  sizes: Record<PortraitSlot, Size>,
): PortraitRegions | null {
  const selfie = face?.crops.selfie;
  const portrait = face?.crops.portrait;
  if (!selfie || !portrait) return null;
  const crops: Record<PortraitSlot, FaceCrop> = { documentFront: portrait, face: selfie };
  const shrink = Math.min(
    1,
    ...PORTRAIT_SLOTS.map((slot) => {
      const { w, h } = sizes[slot];
      return Math.min(w, h) / crops[slot].size;
    }),
  );
  const square = (slot: PortraitSlot): PortraitBox => {
    const { w, h } = sizes[slot];
    const crop = crops[slot];
    const side = crop.size * shrink;
    const x = Math.min(w - side, Math.max(0, crop.centerX - side / 2));
    const y = Math.min(h - side, Math.max(0, crop.centerY - side / 2));
    return { x: x / w, y: y / h, w: side / w, h: side / h, angleDegrees: crop.angleDegrees };
  };
  return { documentFront: square('documentFront'), face: square('face') };
}
