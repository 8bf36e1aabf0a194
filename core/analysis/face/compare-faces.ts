import { z } from 'zod';
import {
  FACE_MATCH_CALIBRATION,
  type DetectedFace,
  type FaceComparison,
  type FaceCrop,
  type FaceMatchBand,
  type FaceTurn,
  type FaceMatchReason,
} from '../../../shared/face-match.ts';
import { alignedCrop, extractCrop, eyeCentres } from './align-face.ts';
import { decodeJpeg, type RgbImage } from '../image/decode-jpeg.ts';
import { withRasterScope } from '../image/raster-scope.ts';
import { detectFaces, faceLandmarks } from './detect-faces.ts';
import { CROP_SIZE, faceRuntime, type Detection, type FaceRuntime } from './face-api-runtime.ts';
import { cropBack, faceBack, QUARTER_TURNS, turnedImage } from './quarter-turn-faces.ts';

/**
 * Options a caller may set; everything has a default that the calibration was measured with.
 * - `minConfidence`: the detector's floor for "a face is here".
 * - `minFaceWidth`: a face narrower than this (source pixels) is too small to compare.
 * - `otherFaceRatio`: a second face at least this wide relative to the largest makes the image
 *   ambiguous ("several faces"); smaller ones (a ghost portrait, a face in the background) are
 *   ignored.
 */
export const CompareOptions = z
  .object({
    minConfidence: z.number().min(0.1).max(0.99).default(0.5),
    minFaceWidth: z.number().int().min(16).max(1024).default(80),
    otherFaceRatio: z.number().min(0.1).max(1).default(0.6),
  })
  .strict();
export type CompareOptions = z.input<typeof CompareOptions>;

export type Side = 'selfie' | 'document';

const REASONS: Record<
  Side,
  Record<'unreadable' | 'none' | 'several' | 'small', FaceMatchReason>
> = {
  selfie: {
    unreadable: 'selfie-unreadable',
    none: 'no-face-in-selfie',
    several: 'several-faces-in-selfie',
    small: 'selfie-face-too-small',
  },
  document: {
    unreadable: 'document-unreadable',
    none: 'no-face-on-document',
    several: 'several-faces-on-document',
    small: 'portrait-too-small',
  },
};

/** One image's face, described; or why it could not be. Stays inside the analysis process. */
export type DescribedFace =
  | { face: DetectedFace; crop: FaceCrop; descriptor: Float32Array }
  | { reason: FaceMatchReason; face: DetectedFace | null };

/**
 * Compares the face in a selfie with the portrait on a document's front, on this computer: the
 * face is found in each image, its eyes levelled and scaled into a 150×150 crop, each crop turned
 * into a 128-number descriptor, and the two descriptors' distance into a 0–1 score read against
 * the calibrated bands. The descriptors and crop pixels are zeroed before this returns; the result
 * carries only the score, the band, the boxes and the crops' coordinates.
 *
 * Never throws for a bad image: an undecodable file, no face, several faces or a face too small
 * gives `band: 'cannot-tell'` with its reason. It throws only for invalid `options` (a ZodError),
 * when the models cannot be loaded, or when `checkpoint` throws (it is called once the models are
 * loaded and again between the two images, so a cancelled run stops there; the selfie's
 * descriptor is zeroed on the way out).
 */
export async function compareFaces(
  selfieJpeg: Uint8Array,
  portraitSourceJpeg: Uint8Array,
  options: CompareOptions = {},
  checkpoint: () => void = () => {},
): Promise<FaceComparison> {
  return compareWith(
    (settings) => describeFace(selfieJpeg, 'selfie', settings),
    (settings) => describeFace(portraitSourceJpeg, 'document', settings),
    options,
    checkpoint,
  );
}

/**
 * {@link compareFaces} on images already decoded (upright RGB; null for an image that could not
 * be decoded). The analysis process decodes each image once for all its checks and hands the
 * pixels here; the caller owns them and zeroes them.
 */
export async function compareFaceImages(
  selfie: RgbImage | null,
  portraitSource: RgbImage | null,
  options: CompareOptions = {},
  checkpoint: () => void = () => {},
): Promise<FaceComparison> {
  return compareWith(
    (settings) => describeFaceIn(selfie, 'selfie', settings),
    (settings) => describeFaceIn(portraitSource, 'document', settings),
    options,
    checkpoint,
  );
}

type Describe = (settings: z.output<typeof CompareOptions>) => Promise<DescribedFace>;

async function compareWith(
  describeSelfie: Describe,
  describePortrait: Describe,
  options: CompareOptions,
  checkpoint: () => void,
): Promise<FaceComparison> {
  const settings = CompareOptions.parse(options);
  const runtime = await faceRuntime();
  checkpoint();
  const selfie = await describeSelfie(settings);
  try {
    checkpoint();
    const portrait = await describePortrait(settings);
    try {
      return compareDescribed(selfie, portrait, runtime.modelName);
    } finally {
      wipe(portrait);
    }
  } finally {
    wipe(selfie);
  }
}

/**
 * The result for two described faces. Exported for the calibration bench, which describes each
 * image once and scores every pair; nothing outside the analysis process calls it.
 */
export function compareDescribed(
  selfie: DescribedFace,
  portrait: DescribedFace,
  model: string,
): FaceComparison {
  const crops = {
    selfie: 'descriptor' in selfie ? selfie.crop : null,
    portrait: 'descriptor' in portrait ? portrait.crop : null,
  };
  const base = { selfieFace: selfie.face, portraitFace: portrait.face, crops, model };
  if ('reason' in selfie)
    return { ...base, score: null, band: 'cannot-tell', reason: selfie.reason };
  if ('reason' in portrait) {
    return { ...base, score: null, band: 'cannot-tell', reason: portrait.reason };
  }
  const score = scoreFromDistance(euclidean(selfie.descriptor, portrait.descriptor));
  return { ...base, score, band: bandFor(score) };
}

/** 1 − the descriptors' Euclidean distance, clamped to 0–1 (face-api's distance runs 0 to ~1.4). */
export function scoreFromDistance(distance: number): number {
  return Math.min(1, Math.max(0, 1 - distance));
}

export function bandFor(score: number): Exclude<FaceMatchBand, 'cannot-tell'> {
  if (score >= FACE_MATCH_CALIBRATION.sameAtOrAbove) return 'same';
  if (score < FACE_MATCH_CALIBRATION.differentBelow) return 'different';
  return 'uncertain';
}

function euclidean(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/** Zeroes the descriptors, so no embedding outlives the comparison in this process's heap. */
export function wipe(...sides: DescribedFace[]): void {
  for (const side of sides) if ('descriptor' in side) side.descriptor.fill(0);
}

/**
 * Finds, checks, aligns and describes the one face of a JPEG (as stored: the benches' images
 * carry no EXIF turn); its pixels are zeroed after.
 */
export async function describeFace(
  jpeg: Uint8Array,
  side: Side,
  settings: z.output<typeof CompareOptions> = CompareOptions.parse({}),
): Promise<DescribedFace> {
  return withRasterScope(() => describeFaceIn(decodeJpeg(jpeg), side, settings));
}

/**
 * Finds, checks, aligns and describes the one face of decoded pixels (null: the image could not
 * be decoded). The pixels, and the crops made of them, are the run's raster scope's to zero.
 */
export async function describeFaceIn(
  image: RgbImage | null,
  side: Side,
  settings: z.output<typeof CompareOptions> = CompareOptions.parse({}),
): Promise<DescribedFace> {
  const reasons = REASONS[side];
  if (!image) return { reason: reasons.unreadable, face: null };
  const runtime = await faceRuntime();
  const upright = await locateFace(runtime, image, side, settings);
  let chosen: Located = upright;
  // A face that lies on its side (a picture turned with no EXIF orientation to say so) is still
  // detected, but its landmarks come out squeezed: the eyes of an upright face stand about two
  // fifths of its box apart. Below UPRIGHT_EYE_SPAN, or with no face at all, the quarter turns
  // are looked at too and the face whose eyes stand widest apart is taken.
  const doubtful = 'crop' in upright ? upright.eyeSpan < UPRIGHT_EYE_SPAN : !upright.face;
  for (const turn of doubtful ? QUARTER_TURNS : []) {
    const found = await locateFace(runtime, turnedImage(image, turn), side, settings, turn);
    const better =
      'crop' in found && (!('crop' in chosen) || found.eyeSpan > chosen.eyeSpan + EYE_SPAN_MARGIN);
    if (better || (!chosen.face && found.face)) chosen = found;
  }
  if (!('crop' in chosen)) {
    return chosen.face && chosen.turn
      ? { ...chosen, face: faceBack(chosen.face, chosen.turn, image.width, image.height) }
      : chosen;
  }
  const descriptor = await runtime.describe(extractCrop(chosen.image, chosen.crop));
  if (!chosen.turn) return { face: chosen.face, crop: chosen.crop, descriptor };
  return {
    face: faceBack(chosen.face, chosen.turn, image.width, image.height),
    crop: cropBack(chosen.crop, chosen.turn, image.width, image.height),
    descriptor,
  };
}

/** Eye distance over box width below which a face may lie on its side (upright ones: 0.36–0.40). */
export const UPRIGHT_EYE_SPAN = 0.33;
/** How much wider a turned face's eyes must stand apart for its turn to be taken. */
const EYE_SPAN_MARGIN = 0.02;

/** One way up of the picture: its face, checked and aligned but not yet described. */
type Located =
  | { reason: FaceMatchReason; face: DetectedFace | null; turn?: FaceTurn }
  | {
      face: DetectedFace;
      crop: FaceCrop;
      eyeSpan: number;
      image: RgbImage;
      turn?: FaceTurn;
    };

async function locateFace(
  runtime: FaceRuntime,
  image: RgbImage,
  side: Side,
  settings: z.output<typeof CompareOptions>,
  turn?: FaceTurn,
): Promise<Located> {
  const reasons = REASONS[side];
  const at = turn ? { turn } : {};
  const faces = await detectFaces(runtime, image, settings.minConfidence);
  const largest = faces.reduce<Detection | undefined>(
    (best, f) => (!best || f.box.width > best.box.width ? f : best),
    undefined,
  );
  if (!largest) return { reason: reasons.none, face: null, ...at };
  const face = detected(largest);
  const others = faces.filter(
    (f) => f !== largest && f.box.width >= largest.box.width * settings.otherFaceRatio,
  );
  if (others.length > 0) return { reason: reasons.several, face, ...at };
  if (largest.box.width < settings.minFaceWidth) return { reason: reasons.small, face, ...at };
  const landmarks = await faceLandmarks(runtime, image, largest.box);
  const [left, right] = eyeCentres(landmarks);
  const eyeSpan = Math.hypot(right.x - left.x, right.y - left.y) / largest.box.width;
  return { face, crop: alignedCrop(landmarks, CROP_SIZE), eyeSpan, image, ...at };
}

function detected(f: Detection): DetectedFace {
  const { x, y, width, height } = f.box;
  return { box: { left: x, top: y, width, height }, confidence: f.score };
}
