/**
 * The face comparison's result as the renderer and the CLI will see it — a score, a band, the
 * boxes and the crops' coordinates; never an embedding — with the calibration the bands come
 * from and the words that present it. Pure data: no Node built-in, no model.
 */
import { z } from 'zod';
import { BoxSchema, type Box } from './box.ts';

export const FACE_MATCH_BANDS = ['same', 'uncertain', 'different', 'cannot-tell'] as const;
export type FaceMatchBand = (typeof FACE_MATCH_BANDS)[number];

export const FACE_MATCH_REASONS = [
  'selfie-unreadable',
  'document-unreadable',
  'no-face-in-selfie',
  'no-face-on-document',
  'several-faces-in-selfie',
  'several-faces-on-document',
  'selfie-face-too-small',
  'portrait-too-small',
  /** The models could not be loaded or failed on these images: nothing to read into it. */
  'comparison-failed',
] as const;
export type FaceMatchReason = (typeof FACE_MATCH_REASONS)[number];

/** A detected face, in the displayed picture's pixels: the one box shape (box.ts). */
export const FaceBoxSchema = BoxSchema;
export type FaceBox = Box;

/** A quarter turn, clockwise, in degrees. */
export const FaceTurnSchema = z.union([z.literal(90), z.literal(180), z.literal(270)]);
export type FaceTurn = z.infer<typeof FaceTurnSchema>;

export const DetectedFaceSchema = z.object({
  box: FaceBoxSchema,
  /** The detector's confidence, 0–1. */
  confidence: z.number().min(0).max(1),
  /**
   * Set when no face was found upright and this one was found with the picture turned clockwise
   * by so many degrees (a selfie stored sideways without an EXIF orientation, a page photographed
   * turned); the box is still in the displayed picture's pixels.
   */
  turn: FaceTurnSchema.optional(),
});
export type DetectedFace = z.infer<typeof DetectedFaceSchema>;

/**
 * Where an aligned face crop was taken from, in the source image's pixels: a square of side
 * `size` centred on (`centerX`, `centerY`), turned by `angleDegrees` so the eyes come out level.
 * Both crops of a comparison are resampled to `outputSize` pixels a side, so they can be shown
 * side by side at the same scale.
 */
export const FaceCropSchema = z.object({
  centerX: z.number(),
  centerY: z.number(),
  size: z.number().positive(),
  angleDegrees: z.number(),
  outputSize: z.int().positive(),
});
export type FaceCrop = z.infer<typeof FaceCropSchema>;

/** What crosses a process boundary: a score, a band, boxes and crop coordinates — never an embedding. */
export const FaceComparisonSchema = z
  .object({
    /** 0–1, higher is more alike; null when the comparison could not be made. */
    score: z.number().min(0).max(1).nullable(),
    band: z.enum(FACE_MATCH_BANDS),
    /** Set exactly when `band` is `cannot-tell`. */
    reason: z.enum(FACE_MATCH_REASONS).optional(),
    selfieFace: DetectedFaceSchema.nullable(),
    portraitFace: DetectedFaceSchema.nullable(),
    crops: z.object({ selfie: FaceCropSchema.nullable(), portrait: FaceCropSchema.nullable() }),
    /** The models that produced the score. */
    model: z.string(),
  })
  .strict();
export type FaceComparison = z.infer<typeof FaceComparisonSchema>;

/**
 * Why a face comparison was not made although the checks ran: the user chose "documents only"
 * (the app's "Checks on this computer" setting, or the CLI's `--no-face`). Not a failure and not
 * a "cannot tell": the models were never loaded and nothing of a face was computed.
 */
export const FACE_NOT_RUN_REASONS = ['turned_off'] as const;
export type FaceNotRunReason = (typeof FACE_NOT_RUN_REASONS)[number];

export const FaceNotRunSchema = z
  .object({
    status: z.literal('not_run'),
    reason: z.enum(FACE_NOT_RUN_REASONS),
  })
  .strict();
export type FaceNotRun = z.infer<typeof FaceNotRunSchema>;

/** The face part of a report: the comparison made, or why it was not run. */
export const FaceFindingSchema = z.union([FaceComparisonSchema, FaceNotRunSchema]);
export type FaceFindingResult = z.infer<typeof FaceFindingSchema>;

/** The face part when the user turned the face comparison off. */
export const FACE_TURNED_OFF: FaceNotRun = {
  status: 'not_run',
  reason: 'turned_off',
};

/** Whether the face part is a comparison that was made (as opposed to one not run by choice). */
export function isFaceComparison(
  face: FaceFindingResult | null | undefined,
): face is FaceComparison {
  return face !== null && face !== undefined && !('status' in face);
}

/** The error rates a face comparison's words quote (from `FACE_MATCH_CALIBRATION.measured`). */
export interface MeasuredRates {
  falseAcceptRate: number;
  falseRejectRate: number;
  genuinePairs: number;
  impostorPairs: number;
}

/**
 * Thresholds and the error rates measured at them by `test/bench/face.bench.ts` on synthetic
 * pairs (see that file for how the pairs are made). A score at or above `sameAtOrAbove` reads
 * "likely the same person"; below `differentBelow`, "likely different"; between, "uncertain".
 */
export const FACE_MATCH_CALIBRATION = {
  model: 'face-api 1.7.15 (SSD MobileNet v1, 68-point landmarks, 128-d ResNet descriptor)',
  sameAtOrAbove: 0.5,
  differentBelow: 0.4,
  /**
   * Written by `node test/bench/face.bench.ts` to test/bench/face-calibration.json (last run
   * 2026-12-07, the same numbers); test/unit/shared/face-calibration.test.ts holds these equal to
   * that file. First measured 2026-11-29, two cores shared, with the cards' grain seeded
   * (test/fixtures/face-pairs.ts): the same pairs and the same numbers in every run — two runs
   * gave these exactly. Before, the grain was libvips' unseeded noise and the cards differed from
   * run to run: one such run read ROC AUC 0.9914 with 1 of 54 genuine pairs below 0.4, so the
   * false-reject rate of 0 on 55 pairs says no more than "rare here". The thresholds were kept
   * (this run alone would pick 0.478 / 0.454).
   */
  measured: {
    distinctFaces: 22,
    /** Pairs that got a score (the rest were "cannot tell", counted in `cannotTellRate`). */
    genuinePairs: 55,
    impostorPairs: 1121,
    rocAuc: 0.9983,
    /** Impostor pairs read "likely the same person". */
    falseAcceptRate: 0.0062,
    /** Genuine pairs read "likely different". */
    falseRejectRate: 0,
    /** Share of scored pairs left "uncertain". */
    uncertainRate: 0.1182,
    /** Share of all 1452 pairs where a face was not found or too small (mostly on the card). */
    cannotTellRate: 0.1901,
  },
} as const;
