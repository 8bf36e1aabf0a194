import type { DocumentSlot } from '../../../../shared/ipc.ts';
import type { Box } from '../../viewer/view-math.ts';

/** A finding that has a place on an image, in the image's pixels, with what marks it. */
export interface FindingRegion {
  /** Stable id of the finding, so the panel knows which one is shown. */
  key: string;
  slot: DocumentSlot;
  /** In the displayed (EXIF-turned) picture's pixels, as every finding reports its place. */
  box: Box;
  /** What the box marks (the mark's accessible name). */
  label: string;
  /** The button that shows it. */
  action: string;
}
