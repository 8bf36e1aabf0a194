import type { FaceComparison } from '../../../shared/face-match.ts';
import type { AnalysisInput, Checkpoint } from '../analyze.ts';
import { compareFaceImages } from './compare-faces.ts';
import type { RgbImage } from '../image/decode-jpeg.ts';
import { faceRuntime, MODEL_NAME } from './face-api-runtime.ts';

/**
 * The face step of a run: the selfie against the portrait on the document's front (a passport's
 * data page is its front). Runs inside the analysis process; what leaves it is the comparison's
 * score, band, boxes and crop coordinates — the descriptors and crop pixels are zeroed inside
 * `compareFaceImages` before it returns. It works on the pixels the document checks decoded (each
 * image is decoded once a run); the process zeroes them when the run ends.
 */

/** The decoded images of the two slots the comparison needs; null for one that did not decode. */
export interface FacePixels {
  face: RgbImage | null;
  documentFront: RgbImage | null;
}

export interface FaceComparer {
  /**
   * Starts loading the models if they are not loaded yet, and returns at once; never rejects.
   * The process calls it when a run that will need them arrives, so that loading overlaps the
   * document checks instead of delaying the process's `ready`.
   */
  warm(): void;
  compare(
    selfie: RgbImage | null,
    documentFront: RgbImage | null,
    checkpoint: Checkpoint,
  ): Promise<FaceComparison>;
}

/** face-api on the WebAssembly backend, loaded once per process on first need. */
export const faceApiComparer: FaceComparer = {
  warm() {
    faceRuntime().catch(() => undefined);
  },
  compare: (selfie, documentFront, checkpoint) =>
    compareFaceImages(selfie, documentFront, {}, checkpoint),
};

/** Whether a run has the two images the comparison needs. */
export function wantsFaces(images: AnalysisInput['images']): boolean {
  return images.face !== null && images.documentFront !== null;
}

/**
 * The comparison for a run, or undefined when the run lacks the selfie or the document front.
 * `pixels` holds what the document checks decoded of the two (null where an image did not).
 * A failure of the models reads "cannot tell" (`comparison-failed`), so the other findings of
 * the run still reach the reviewer; a cancelled run's checkpoint error goes through.
 */
export async function faceFinding(
  images: AnalysisInput['images'],
  pixels: FacePixels,
  comparer: FaceComparer,
  checkpoint: Checkpoint,
): Promise<FaceComparison | undefined> {
  if (!wantsFaces(images)) return undefined;
  checkpoint();
  try {
    return await comparer.compare(pixels.face, pixels.documentFront, checkpoint);
  } catch {
    // Cancelled while comparing: the checkpoint says so again and its error goes up.
    checkpoint();
    return {
      score: null,
      band: 'cannot-tell',
      reason: 'comparison-failed',
      selfieFace: null,
      portraitFace: null,
      crops: { selfie: null, portrait: null },
      model: MODEL_NAME,
    };
  }
}
