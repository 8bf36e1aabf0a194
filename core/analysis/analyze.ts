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
import { decodeImage, ImageDecodeError } from './decode-image.ts';
import { documentFacts } from './document-facts.ts';
import { decodeJpeg, type RgbImage } from './face/decode-jpeg.ts';
import type { GreyImage } from './grey-image.ts';
import { readZone, type ZoneEngine } from './mrz-read.ts';
import { readMetadata } from './metadata.ts';
import { measureQuality } from './quality.ts';
import { registryAgreement } from './registry-agreement.ts';

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

function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
}

/**
 * One slot's grey raster, and its colour pixels when `colour` asks for them. An image whose zone
 * is to be read is decoded by the OCR engine, in its own thread (the zone reading was tuned on
 * those pixels, and reads them exactly as before); meanwhile jpeg-js decodes the colour pixels
 * here if they are wanted. Every other image is decoded once, by jpeg-js alone. Throws
 * ImageDecodeError when the grey cannot be had.
 */
async function decodeSlot(
  engine: AnalysisEngine,
  bytes: Uint8Array,
  forZone: boolean,
  wantColour: boolean,
): Promise<{ grey: GreyImage; rgb: RgbImage | null }> {
  if (!forZone) return decodeImage(bytes, wantColour);
  const grey = engine.decodeGrey(bytes);
  grey.catch(() => undefined);
  if (!wantColour) return { grey: await grey, rgb: null };
  // Let the request reach the OCR thread (tesseract.js sends it a few promise turns later)
  // before this thread is busy decoding.
  await new Promise((resolve) => setImmediate(resolve));
  const rgb = decodeJpeg(bytes);
  try {
    return { grey: await grey, rgb };
  } catch (error) {
    rgb?.rgb.fill(0);
    throw error;
  }
}

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
  let undecodable = false;

  for (const slot of ['documentBack', 'documentFront', 'face'] as const) {
    const bytes = input.images[slot];
    if (!bytes) continue;
    checkpoint();
    let image: GreyImage;
    const wantColour = colour?.slots.includes(slot) ?? false;
    try {
      const decoded = await decodeSlot(engine, bytes, !mrz && MRZ_SLOTS.includes(slot), wantColour);
      image = decoded.grey;
      if (wantColour) colour?.keep(slot, decoded.rgb);
    } catch (error) {
      if (!(error instanceof ImageDecodeError)) throw error;
      if (wantColour) colour?.keep(slot, null);
      if (MRZ_SLOTS.includes(slot)) undecodable = true;
      const refused = cannotTell('image_not_decodable', 'The image could not be decoded.');
      images[slot] = { quality: refused, metadata: refused };
      continue;
    }
    try {
      checkpoint();
      const quality = measureQuality(image);
      const metadata = await readMetadata(bytes, {
        sessionDate,
        image,
        decodeThumbnail: (thumb) => Promise.resolve(decodeImage(thumb).grey),
      });
      images[slot] = { quality, metadata };
      if (!mrz && MRZ_SLOTS.includes(slot)) {
        checkpoint();
        const attempt = await readZone(engine, slot, image);
        if ('read' in attempt) mrz = attempt.read;
        else unreadable ||= attempt.unreadable;
      }
    } finally {
      image.data.fill(0);
    }
  }

  const noMrz: CannotTell =
    !input.images.documentFront && !input.images.documentBack
      ? cannotTell('no_image', 'No document image was provided.')
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
