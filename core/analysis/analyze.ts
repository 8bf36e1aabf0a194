import {
  cannotTell,
  type AnalysisReport,
  type AnalysisSlot,
  type CannotTell,
  type ImageFindings,
  type MrzFinding,
  type MrzRead,
} from '../../shared/analysis.ts';
import type { Registry } from '../../shared/ipc.ts';
import { decodeImage, ImageDecodeError } from './image/decode-image.ts';
import { documentFacts } from './checks/document-facts.ts';
import { decodeJpeg, type RgbImage } from './image/decode-jpeg.ts';
import type { GreyImage } from './image/grey-image.ts';
import type { ZoneEngine } from './mrz/read.ts';
import { readDocumentZone } from './mrz/orientation.ts';
import { readMetadata } from './checks/metadata.ts';
import { measureQuality } from './checks/quality.ts';
import { registryAgreement } from './checks/registry-agreement.ts';

/**
 * The review-assist checks over one verification: image bytes per slot, the session's date and
 * (when granted) the registry record in; plain findings out. Runs inside the analysis process;
 * nothing here opens a socket or a file. Every decoded raster is zeroed once measured.
 */

export interface AnalysisInput {
  images: Record<AnalysisSlot, Uint8Array | null>;
  /** ISO date of the verification session, if the API gave one. */
  sessionDate: string | null;
  /** The registry record: undefined when not granted, null when granted but empty. */
  registry?: Registry | null;
  /** ISO time the checks are judged against ("today"). */
  now: string;
}

/** The engine the checks need (OcrEngine in the process; a test may pass the same). */
export interface AnalysisEngine extends ZoneEngine {
  /** Tesseract's own decode (Leptonica): the pixels the MRZ reading was tuned on. */
  decodeGrey(bytes: Uint8Array): Promise<GreyImage>;
}

/**
 * The colour pixels a caller wants from the run's decoding (the face step's), so that no image is
 * decoded twice in JavaScript: `keep` is called once for each slot of `slots` that holds bytes,
 * with the upright RGB pixels or null when they did not decode. The caller owns, and zeroes, them.
 */
export interface KeepColour {
  slots: readonly AnalysisSlot[];
  keep(slot: AnalysisSlot, rgb: RgbImage | null): void;
}

/** Called between steps; throws to abandon a cancelled run. */
export type Checkpoint = () => void;

/** Slots that may carry an MRZ, in the order they are searched. */
const MRZ_SLOTS: readonly AnalysisSlot[] = ['documentBack', 'documentFront'];
const SLOTS = ['documentBack', 'documentFront', 'face'] as const;

function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Tesseract's decode of `bytes`, started now (in the OCR thread); never an unhandled rejection. */
function leptonicaGrey(engine: AnalysisEngine, bytes: Uint8Array): Promise<GreyImage> {
  const grey = engine.decodeGrey(bytes);
  grey.catch(() => undefined);
  return grey;
}

/**
 * The checks, in two phases:
 *
 * 1. Every image is decoded once and its capture measured (quality, metadata). The selfie and
 *    the front of a run that has both are decoded here by jpeg-js (decode-image.ts) and, when
 *    `colour` asks for them, their pixels handed over, so the face step can start on them while
 *    phase 2 runs; the others are decoded by the OCR engine meanwhile, in its own thread, among
 *    them the first that may carry the zone (the back, else the front) — the zone reading was
 *    tuned on exactly those pixels.
 * 2. The zone is read on that image; if it yields none, on the front, decoded by the OCR engine
 *    then (its capture measured again on those pixels, as it always was).
 */
export async function analyzeDocuments(
  input: AnalysisInput,
  engine: AnalysisEngine,
  checkpoint: Checkpoint = () => {},
  colour?: KeepColour,
): Promise<AnalysisReport> {
  const sessionDate = parseDate(input.sessionDate);
  const today = parseDate(input.now) ?? new Date();
  const images: Record<AnalysisSlot, ImageFindings | null> = {
    documentFront: null,
    documentBack: null,
    face: null,
  };
  let mrz: MrzRead | null = null;
  let unreadable = false;
  /** A reading refused as garbage (orientation.ts): reported instead of a zone. */
  let refusal: CannotTell | null = null;
  let undecodable = false;
  const refused = () => {
    const no = cannotTell('image_not_decodable', 'The image could not be decoded.');
    return { quality: no, metadata: no };
  };
  const measure = async (bytes: Uint8Array, image: GreyImage): Promise<ImageFindings> => ({
    quality: measureQuality(image),
    metadata: await readMetadata(bytes, {
      sessionDate,
      image,
      decodeThumbnail: (thumb) => Promise.resolve(decodeImage(thumb).grey),
    }),
  });
  const wantsColour = (slot: AnalysisSlot) => colour?.slots.includes(slot) ?? false;

  const zoneSlot = MRZ_SLOTS.find((slot) => input.images[slot] !== null);
  const zoneBytes = zoneSlot ? input.images[zoneSlot] : null;
  let zoneImage: GreyImage | null = null;
  // Decoded by jpeg-js: the selfie and the front of a run that has both (the face step compares
  // them), unless the front is the zone image. The rule depends on the images alone, so that the
  // checks find the same whether or not a face step runs. Every other image is decoded by the
  // OCR engine: its grey is then the one the checks always measured, and no jpeg-js garbage is
  // made (tens of megabytes a decode, in small blocks).
  const faceRun = input.images.face !== null && input.images.documentFront !== null;
  const byJpegJs = (slot: AnalysisSlot) =>
    faceRun && slot !== zoneSlot && (slot === 'face' || slot === 'documentFront');
  const byOcr = new Map<AnalysisSlot, Promise<GreyImage>>();
  try {
    // Phase 1.
    for (const slot of SLOTS) {
      const bytes = input.images[slot];
      if (bytes && !byJpegJs(slot)) byOcr.set(slot, leptonicaGrey(engine, bytes));
    }
    const zoneDecode = zoneSlot ? byOcr.get(zoneSlot) : undefined;
    // Let the requests reach the OCR thread (tesseract.js sends them a few promise turns later)
    // before this thread is busy decoding.
    if (byOcr.size > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const slot of SLOTS) {
      const bytes = input.images[slot];
      if (!bytes || slot === zoneSlot) continue;
      checkpoint();
      let decoded: ReturnType<typeof decodeImage>;
      try {
        const ocr = byOcr.get(slot);
        decoded = ocr ? { grey: await ocr, rgb: null } : decodeImage(bytes, wantsColour(slot));
      } catch (error) {
        if (!(error instanceof ImageDecodeError)) throw error;
        if (wantsColour(slot)) colour?.keep(slot, null);
        if (MRZ_SLOTS.includes(slot)) undecodable = true;
        images[slot] = refused();
        continue;
      }
      if (wantsColour(slot)) colour?.keep(slot, decoded.rgb);
      try {
        images[slot] = await measure(bytes, decoded.grey);
      } finally {
        decoded.grey.data.fill(0);
      }
    }
    if (zoneSlot && zoneBytes && zoneDecode) {
      checkpoint();
      const rgb = wantsColour(zoneSlot) ? decodeJpeg(zoneBytes) : null;
      try {
        zoneImage = await zoneDecode;
      } catch (error) {
        rgb?.rgb.fill(0);
        if (!(error instanceof ImageDecodeError)) throw error;
        undecodable = true;
        images[zoneSlot] = refused();
      }
      if (wantsColour(zoneSlot)) colour?.keep(zoneSlot, zoneImage ? rgb : null);
      if (zoneImage) images[zoneSlot] = await measure(zoneBytes, zoneImage);
    }

    // Phase 2.
    if (zoneSlot && zoneImage) {
      checkpoint();
      const attempt = await readDocumentZone(engine, zoneSlot, zoneImage);
      zoneImage.data.fill(0);
      zoneImage = null;
      if ('read' in attempt) mrz = attempt.read;
      else {
        unreadable ||= attempt.unreadable;
        if (attempt.refused) refusal ??= cannotTell(attempt.refused.reason, attempt.refused.detail);
      }
    }
    const front = input.images.documentFront;
    if (!mrz && zoneSlot === 'documentBack' && front) {
      checkpoint();
      try {
        zoneImage = await leptonicaGrey(engine, front);
      } catch (error) {
        if (!(error instanceof ImageDecodeError)) throw error;
        undecodable = true;
        images.documentFront = refused();
      }
      if (zoneImage) {
        images.documentFront = await measure(front, zoneImage);
        checkpoint();
        const attempt = await readDocumentZone(engine, 'documentFront', zoneImage);
        if ('read' in attempt) mrz = attempt.read;
        else {
          unreadable ||= attempt.unreadable;
          if (attempt.refused)
            refusal ??= cannotTell(attempt.refused.reason, attempt.refused.detail);
        }
      }
    }
  } finally {
    zoneImage?.data.fill(0);
    // A decode still under way when the run stopped is zeroed when it arrives.
    for (const pending of byOcr.values())
      pending.then(
        (grey) => grey.data.fill(0),
        () => {},
      );
  }

  const noMrz: CannotTell =
    !input.images.documentFront && !input.images.documentBack
      ? cannotTell('no_image', 'No document image was provided.')
      : refusal
        ? refusal
        : unreadable
          ? cannotTell('mrz_unreadable', 'A machine-readable zone was found but could not be read.')
          : undecodable
            ? cannotTell('image_not_decodable', 'A document image could not be decoded.')
            : cannotTell(
                'no_mrz',
                input.images.documentBack
                  ? 'No machine-readable zone was found on the document.'
                  : 'No machine-readable zone was found; on an ID card it is on the back, which was not provided.',
              );

  const mrzFinding: MrzFinding = mrz ?? noMrz;

  return {
    ranOn: 'this-computer',
    images,
    mrz: mrzFinding,
    document: mrz
      ? {
          status: 'known',
          ...documentFacts(mrz, {
            today,
            sessionDate,
            hasBack: input.images.documentBack !== null,
          }),
        }
      : noMrz,
    registry: mrz
      ? registryAgreement(mrz, input.registry)
      : cannotTell(
          input.registry === undefined || input.registry === null ? 'no_registry' : 'no_mrz',
          input.registry === undefined || input.registry === null
            ? 'No registry data to compare with.'
            : 'Nothing from the document to compare with the registry: its MRZ was not read.',
        ),
  };
}
