import {
  cannotTell,
  type AnalysisReport,
  type AnalysisSlot,
  type CannotTell,
  type Consistency,
  type ImageFindings,
  type MrzFinding,
  type MrzRead,
} from '../../shared/analysis.ts';
import type { FaceComparison } from '../../shared/face-match.ts';
import type { Registry } from '../../shared/ipc.ts';
import type { Orientation } from '../documents/exif-orientation.ts';
import { compareConsistency, confirmDiffers } from './checks/consistency.ts';
import { documentFacts } from './checks/document-facts.ts';
import { readMetadata } from './checks/metadata.ts';
import { measureQuality } from './checks/quality.ts';
import { registryAgreement } from './checks/registry-agreement.ts';
import { documentTone } from './checks/tone.ts';
import { preparePage, readVisualZone } from './checks/visual-zone.ts';
import { faceFinding, wantsFaces, type FaceComparer } from './face/face-step.ts';
import { decodeImage, ImageDecodeError, type DecodedImage } from './image/decode-image.ts';
import { withRasterScope } from './image/raster-scope.ts';
import type { GreyImage } from './image/grey-image.ts';
import type { OcrText, PageWord } from './mrz/ocr-engine.ts';
import { readDocumentZone } from './mrz/orientation.ts';
import type { ZoneEngine } from './mrz/read.ts';

/**
 * The review-assist checks over one verification: image bytes per slot (with the orientation
 * the loader read), the session's date and (when granted) the registry record in; plain findings
 * out. Runs inside the analysis process; nothing here opens a socket or a file.
 *
 * The run is four stages, each in its own folder:
 *
 *     decode (image/) ─┬─ capture checks (checks/: quality, metadata, tone) ───────────┐
 *                      ├─ zone (mrz/: find and read the MRZ) ─ consistency (checks/) ─┼─ assemble
 *                      └─ face (face/: selfie against the portrait) ──────────────────┘
 *
 * (assemble, here: the document's facts and the registry agreement from the zone, checks/.)
 *
 * Each image is decoded once, upright, in this thread; the three stages after it start as soon as
 * the images they need are decoded and run side by side (the OCR engine works in its own thread,
 * the face models in this one). Every pixel buffer the run makes belongs to its raster scope
 * and is zeroed when the run ends, however it ends (image/raster-scope.ts); the image bytes stay
 * the caller's (the analysis process hands them to its own scope, process/serve.ts). What no scope can zero (a decoder's internal buffers, the WebAssembly
 * heaps) goes with the process: the app runs a fresh analysis process for every load.
 */

export interface AnalysisInput {
  images: Record<AnalysisSlot, Uint8Array | null>;
  /**
   * The EXIF orientation (1–8) the document loader read for each image (shared/ipc.ts
   * `DocumentImage.orientation`); 1 (as stored) where absent.
   */
  orientations?: Partial<Record<AnalysisSlot, number>>;
  /** ISO date of the verification session, if the API gave one. */
  sessionDate: string | null;
  /** The registry record: undefined when not granted, null when granted but empty. */
  registry?: Registry | null;
  /** ISO time the checks are judged against ("today"). */
  now: string;
}

/** The engine the stages need (OcrEngine in the process; a test may pass a stand-in). */
export interface AnalysisEngine extends ZoneEngine {
  /** Reads a page's printed words; without it the printed data is not compared. */
  readPage?(image: GreyImage): Promise<PageWord[]>;
  /** Reads one printed line, any character (to confirm a printed value before it "differs"). */
  readTextLine?(image: GreyImage): Promise<OcrText>;
}

/** Called between steps; throws to abandon a cancelled run. */
export type Checkpoint = () => void;

/** Slots that may carry an MRZ, in the order they are searched. */
const MRZ_SLOTS: readonly AnalysisSlot[] = ['documentBack', 'documentFront'];
const SLOTS = ['documentFront', 'documentBack', 'face'] as const;

/** One slot after the decode stage: its pixels, `undecodable`, or null when it had no image. */
type Decoded = DecodedImage | 'undecodable' | null;

function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Lets the other stages run (and the OCR engine's requests go out) between two decodes. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The orientation given for a slot; 1 (as stored) when none, or none in 1–8, was given. */
function orientationOf(input: AnalysisInput, slot: AnalysisSlot): Orientation {
  const given = input.orientations?.[slot];
  return given !== undefined && Number.isInteger(given) && given >= 1 && given <= 8
    ? (given as Orientation)
    : 1;
}

/**
 * The decode stage: each image once, upright by its orientation, in order of need — the first
 * that may carry the zone, then the rest — each decode a promise the later stages wait on. The
 * colour pixels are kept for the slots in `colour` (the face stage's).
 */
function decodeStage(
  input: AnalysisInput,
  colour: readonly AnalysisSlot[],
  checkpoint: Checkpoint,
): Record<AnalysisSlot, Promise<Decoded>> {
  const first = MRZ_SLOTS.find((slot) => input.images[slot] !== null);
  const order = [...SLOTS].sort((a, b) => Number(b === first) - Number(a === first));
  const decodes = {} as Record<AnalysisSlot, Promise<Decoded>>;
  let previous: Promise<unknown> = Promise.resolve();
  for (const slot of order) {
    const bytes = input.images[slot];
    const decoded = previous.then(async (): Promise<Decoded> => {
      if (!bytes) return null;
      await nextTurn();
      checkpoint();
      try {
        return decodeImage(bytes, {
          orientation: orientationOf(input, slot),
          keepRgb: colour.includes(slot),
        });
      } catch (error) {
        if (error instanceof ImageDecodeError) return 'undecodable';
        throw error;
      }
    });
    // A stage that stops early (a cancel) leaves later decodes unawaited: never an unhandled
    // rejection, the stages that await them still see it.
    decoded.catch(() => undefined);
    decodes[slot] = decoded;
    previous = decoded;
  }
  return decodes;
}

/** The capture checks of every slot (quality, metadata), each once its image is decoded. */
async function captureStage(
  input: AnalysisInput,
  decodes: Record<AnalysisSlot, Promise<Decoded>>,
  sessionDate: Date | null,
): Promise<Record<AnalysisSlot, ImageFindings | null>> {
  const images: Record<AnalysisSlot, ImageFindings | null> = {
    documentFront: null,
    documentBack: null,
    face: null,
  };
  for (const slot of SLOTS) {
    const bytes = input.images[slot];
    const decoded = await decodes[slot];
    if (!bytes || decoded === null) continue;
    if (decoded === 'undecodable') {
      const no = cannotTell('image_not_decodable');
      images[slot] = { quality: no, metadata: no };
      continue;
    }
    const orientation = orientationOf(input, slot);
    // The document images' colour (a greyscale copy), on the colour pixels when they were kept.
    const tone = slot === 'face' ? undefined : documentTone(bytes, decoded.rgb);
    images[slot] = {
      quality: measureQuality(decoded.grey),
      metadata: await readMetadata(bytes, {
        sessionDate,
        image: decoded.grey,
        // The thumbnail is stored as the image is: it is turned as the image was.
        decodeThumbnail: (thumb) => Promise.resolve(decodeImage(thumb, { orientation }).grey),
      }),
      ...(tone ? { tone } : {}),
    };
  }
  return images;
}

interface ZoneOutcome {
  mrz: MrzRead | null;
  /** A zone was found but could not be read. */
  unreadable: boolean;
  /** An image that may carry the zone could not be decoded. */
  undecodable: boolean;
  /** A reading refused as garbage (mrz/orientation.ts): reported instead of a zone. */
  refusal: CannotTell | null;
}

/** The zone stage: the back's zone, else the front's (a passport's is on its data page). */
async function zoneStage(
  engine: AnalysisEngine,
  decodes: Record<AnalysisSlot, Promise<Decoded>>,
  checkpoint: Checkpoint,
): Promise<ZoneOutcome> {
  const outcome: ZoneOutcome = { mrz: null, unreadable: false, undecodable: false, refusal: null };
  for (const slot of MRZ_SLOTS) {
    const decoded = await decodes[slot];
    if (decoded === null) continue;
    if (decoded === 'undecodable') {
      outcome.undecodable = true;
      continue;
    }
    checkpoint();
    const attempt = await readDocumentZone(engine, slot, decoded.grey);
    if ('read' in attempt) return { ...outcome, mrz: attempt.read };
    outcome.unreadable ||= attempt.unreadable;
    if (attempt.refused)
      outcome.refusal ??= cannotTell(attempt.refused.reason, attempt.refused.detail);
  }
  return outcome;
}

/**
 * The consistency stage, once the zone is read: the printed data on the front (an ID card's
 * front, a passport's data page) against the MRZ, and the front against the back.
 */
async function consistencyStage(
  input: AnalysisInput,
  engine: AnalysisEngine,
  decodes: Record<AnalysisSlot, Promise<Decoded>>,
  zone: Promise<ZoneOutcome>,
  today: Date,
  checkpoint: Checkpoint,
): Promise<Consistency | undefined> {
  const { mrz } = await zone;
  if (!mrz) return undefined;
  const twoSides = mrz.slot === 'documentBack' && input.images.documentFront !== null;
  const front = await decodes.documentFront;
  if (!front || front === 'undecodable' || !engine.readPage || !engine.readTextLine) {
    return compareConsistency(mrz, {
      today,
      zone: null,
      twoSides,
      whyNoZone: input.images.documentFront ? 'printed_side_unreadable' : 'printed_side_missing',
    });
  }
  checkpoint();
  const reader = {
    readPage: engine.readPage.bind(engine),
    readTextLine: engine.readTextLine.bind(engine),
  };
  const reading = await readVisualZone(reader, preparePage(front.grey));
  try {
    return await confirmDiffers(
      compareConsistency(mrz, { today, zone: reading.zone, twoSides }),
      mrz,
      reading.confirm,
      twoSides,
    );
  } finally {
    reading.release();
  }
}

/** The face stage: the selfie against the document front, on the colour pixels decoded. */
async function faceStage(
  decodes: Record<AnalysisSlot, Promise<Decoded>>,
  comparer: FaceComparer,
  checkpoint: Checkpoint,
): Promise<FaceComparison> {
  const rgb = async (slot: AnalysisSlot) => {
    const decoded = await decodes[slot];
    return decoded && decoded !== 'undecodable' ? decoded.rgb : null;
  };
  const selfie = await rgb('face');
  const documentFront = await rgb('documentFront');
  return faceFinding({ face: selfie, documentFront }, comparer, checkpoint);
}

/** Every stage's outcome once all have ended; the first failure, if any, is thrown then. */
async function allEnded<T extends unknown[]>(stages: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(stages);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
}

/**
 * The checks of one run. With a face comparer (`faces`), and a selfie and a document front in the
 * run, the report carries the face comparison too; without one, no colour pixels are decoded and
 * no face model is touched.
 */
export async function analyzeDocuments(
  input: AnalysisInput,
  engine: AnalysisEngine,
  checkpoint: Checkpoint = () => {},
  faces: FaceComparer | null = null,
): Promise<AnalysisReport> {
  return withRasterScope(async () => {
    const sessionDate = parseDate(input.sessionDate);
    const comparer = faces && wantsFaces(input.images) ? faces : null;
    const decodes = decodeStage(input, comparer ? ['face', 'documentFront'] : [], checkpoint);
    const today = parseDate(input.now) ?? new Date();
    const zoneRead = zoneStage(engine, decodes, checkpoint);
    const [images, zone, consistency, face] = await allEnded<
      [
        Record<AnalysisSlot, ImageFindings | null>,
        ZoneOutcome,
        Consistency | undefined,
        FaceComparison | undefined,
      ]
    >([
      captureStage(input, decodes, sessionDate),
      zoneRead,
      consistencyStage(input, engine, decodes, zoneRead, today, checkpoint),
      comparer ? faceStage(decodes, comparer, checkpoint) : Promise.resolve(undefined),
    ]);
    const report = assemble(input, images, zone, consistency, today, sessionDate);
    return face ? { ...report, face } : report;
  });
}

/** The report from the stages' outcomes: the document's facts and the registry on the zone. */
function assemble(
  input: AnalysisInput,
  images: Record<AnalysisSlot, ImageFindings | null>,
  { mrz, unreadable, undecodable, refusal }: ZoneOutcome,
  consistency: Consistency | undefined,
  today: Date,
  sessionDate: Date | null,
): AnalysisReport {
  const noMrz: CannotTell =
    !input.images.documentFront && !input.images.documentBack
      ? cannotTell('no_image')
      : refusal
        ? refusal
        : unreadable
          ? cannotTell('mrz_unreadable')
          : undecodable
            ? cannotTell('image_not_decodable')
            : cannotTell('no_mrz', input.images.documentBack ? undefined : 'back_not_provided');

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
      : input.registry === undefined
        ? cannotTell('no_registry', 'registry_not_requested')
        : input.registry === null
          ? cannotTell('no_registry', 'registry_empty')
          : cannotTell('no_mrz', 'nothing_to_compare'),
    consistency: consistency ?? {
      status: 'cannot_tell',
      reason: 'mrz_not_read',
      fields: [],
      sides: 'cannot_tell',
    },
  };
}
