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
import { documentFacts } from './document-facts.ts';
import type { GreyImage } from './grey-image.ts';
import { readZone, type ZoneEngine } from './mrz-read.ts';
import { readMetadata } from './metadata.ts';
import { ImageDecodeError } from './ocr-engine.ts';
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
  decodeGrey(bytes: Uint8Array): Promise<GreyImage>;
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

export async function analyzeDocuments(
  input: AnalysisInput,
  engine: AnalysisEngine,
  checkpoint: Checkpoint = () => {},
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
    try {
      image = await engine.decodeGrey(bytes);
    } catch (error) {
      if (!(error instanceof ImageDecodeError)) throw error;
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
        decodeThumbnail: (thumb) => engine.decodeGrey(thumb),
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
