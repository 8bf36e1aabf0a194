import type { DocumentSlot } from '../../../../shared/ipc.ts';
import type { Box } from '../../viewer/view-math.ts';

/** A finding that has a place on an image, in the image's pixels, with what marks it. */
export interface FindingRegion {
  /** Stable id of the finding, so the panel knows which one is shown. */
  key: string;
  slot: DocumentSlot;
  box: Box;
  /**
   * The box is already in the displayed (EXIF-turned) picture's pixels, as the face comparison
   * reports it; otherwise it is in the stored pixels, as the zone reader reports it.
   */
  upright?: boolean;
  /** What the box marks (the mark's accessible name). */
  label: string;
  /** The button that shows it. */
  action: string;
}
