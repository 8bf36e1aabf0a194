import { z } from 'zod';
import { BoxSchema } from './box.ts';
import { FaceFindingSchema } from './face-match.ts';

/**
 * What the analysis process reports about the documents: plain data, computed on this computer,
 * parsed with these schemas wherever it crosses a boundary (worker → main, main → renderer, CLI
 * JSON). Every finding is an aid with its evidence — never a verdict. When a check cannot be made
 * it says so with a stable `reason` (and, where it says more, a `detail` code). The report holds
 * codes and values only: the words for them are in the catalogues (shared/i18n), in each language.
 */

export const CANNOT_TELL_REASONS = [
  'no_image',
  'image_not_decodable',
  'no_mrz',
  'mrz_unreadable',
  // Captures as phones make them (document found in the frame, turns, garbage refused).
  'mrz_implausible',
  'upside_down_unresolved',
  'no_registry',
  'registry_field_missing',
  'mrz_field_missing',
  'unknown_country',
  'no_session_date',
  'no_metadata',
  'cancelled',
  'analysis_failed',
] as const;
export const CannotTellReasonSchema = z.enum(CANNOT_TELL_REASONS);
export type CannotTellReason = z.infer<typeof CannotTellReasonSchema>;

/** What a `cannot_tell` can say beyond its reason, where the reason alone says less. */
export const CANNOT_TELL_DETAILS = [
  /** no_metadata: the metadata could not be parsed at all. */
  'metadata_unreadable',
  /** no_metadata: it parsed, but not into a readable form. */
  'metadata_malformed',
  /** mrz_field_missing: the expiry date in the zone could not be read. */
  'expiry_unreadable',
  /** no_mrz: none on the front, and the back (where an ID card carries it) was not provided. */
  'back_not_provided',
  /** no_registry: the registry details were not requested or not granted. */
  'registry_not_requested',
  /** no_registry: the registry holds no profile. */
  'registry_empty',
  /** no_mrz, for the registry: nothing from the document to compare with. */
  'nothing_to_compare',
  /** mrz_implausible: the full reading contradicts glyphs the OCR-B reader was sure of. */
  'glyphs_contradict',
  /** mrz_implausible: glare washes out letters of the name, which has no check digit. */
  'name_under_glare',
  /** mrz_implausible / upside_down_unresolved: what was read is not the structure of a zone. */
  'not_a_zone',
] as const;
export const CannotTellDetailSchema = z.enum(CANNOT_TELL_DETAILS);
export type CannotTellDetail = z.infer<typeof CannotTellDetailSchema>;

export const CannotTellSchema = z.object({
  status: z.literal('cannot_tell'),
  reason: CannotTellReasonSchema,
  detail: CannotTellDetailSchema.optional(),
});
export type CannotTell = z.infer<typeof CannotTellSchema>;

export const AnalysisSlotSchema = z.enum(['documentFront', 'documentBack', 'face']);
export type AnalysisSlot = z.infer<typeof AnalysisSlotSchema>;

export { BoxSchema, type Box } from './box.ts';

export const MrzFieldSchema = z.object({
  /** The characters as read from the zone (fillers kept). */
  raw: z.string(),
  /** The parsed value, or null when the parser rejected it. */
  value: z.string().nullable(),
  valid: z.boolean(),
  error: z.string().optional(),
});
export type MrzField = z.infer<typeof MrzFieldSchema>;

export const MrzFormatSchema = z.enum(['TD1', 'TD2', 'TD3']);

// — Captures as phones make them: where the document lies in the frame, how it was turned, and
//   how sure each character's reading is. All optional: reports made before these lack them. —

export const PointSchema = z.object({ x: z.number(), y: z.number() });

/** Quarter turns (degrees, clockwise) the image was read at: the document upright in it. */
export const QuarterTurnSchema = z.union([
  z.literal(0),
  z.literal(90),
  z.literal(180),
  z.literal(270),
]);
export type QuarterTurn = z.infer<typeof QuarterTurnSchema>;

export const MrzDocumentSchema = z.object({
  /**
   * The document's corners as it reads (top-left, top-right, bottom-right, bottom-left), in
   * pixels of the image as delivered (the frame of `box`); with `found: 'frame'` the image's own.
   */
  corners: z.array(PointSchema).length(4),
  /** The quarter turn that set the document upright (chosen by the reading, never assumed). */
  turn: QuarterTurnSchema,
  /** The document's measured turn in the image, degrees clockwise (the turn plus the skew). */
  angle: z.number(),
  /** `outline`: the document's edges were found; `frame`: none were, the whole image was read. */
  found: z.enum(['outline', 'frame']),
});
export type MrzDocument = z.infer<typeof MrzDocumentSchema>;

/** One zone line's characters as the glyph reader saw them. */
export const MrzLineCharactersSchema = z.object({
  /** Per character, how sure its reading is, 0–100. */
  confidence: z.array(z.number()),
  /** Per character, the best other glyph (`?` when none). */
  runnerUp: z.string(),
  /** Columns under saturated glare (their ink washed out). */
  glare: z.array(z.number()).optional(),
});
export type MrzLineCharacters = z.infer<typeof MrzLineCharactersSchema>;

/** Why a character was corrected: a format rule, or a check digit choosing the one glyph that fits. */
export const CorrectionCauseSchema = z.enum(['format', 'check_digit', 'glare']);

export const MrzReadSchema = z.object({
  status: z.literal('read'),
  slot: AnalysisSlotSchema,
  format: MrzFormatSchema,
  lines: z.array(z.string()),
  /** Where the zone is, in the displayed picture's pixels (its EXIF orientation applied). */
  box: BoxSchema,
  /** The OCR engine's mean confidence over the zone's lines, 0–100. */
  confidence: z.number(),
  fields: z.record(z.string(), MrzFieldSchema),
  /** Each check digit: true when it matches the digits it protects. */
  checkDigits: z.record(z.string(), z.boolean()),
  /** Every check digit, the composite one included, matches. */
  checkDigitsValid: z.boolean(),
  /** Characters the parser corrected (e.g. O read where a digit must be). */
  corrections: z.array(
    z.object({
      line: z.number(),
      column: z.number(),
      from: z.string(),
      to: z.string(),
      /** Why (absent in older reports: a format rule or the document-number repair). */
      cause: CorrectionCauseSchema.optional(),
    }),
  ),
  /** Where the document lay in the frame and the turn it was read at. */
  document: MrzDocumentSchema.optional(),
  /** Per line, each character's confidence and runner-up (when the glyph reader read it). */
  characters: z.array(MrzLineCharactersSchema).optional(),
});
export type MrzRead = z.infer<typeof MrzReadSchema>;
export const MrzFindingSchema = z.discriminatedUnion('status', [MrzReadSchema, CannotTellSchema]);
export type MrzFinding = z.infer<typeof MrzFindingSchema>;

export const ExpiryStatusSchema = z.enum(['valid', 'expired', 'expires_within_90_days']);
export type ExpiryStatus = z.infer<typeof ExpiryStatusSchema>;

export const DocumentFactsSchema = z.object({
  type: z.enum(['passport', 'id_card', 'other']).nullable(),
  issuingCountry: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  expiry: z.union([
    z.object({
      status: z.literal('known'),
      date: z.string(),
      today: ExpiryStatusSchema,
      atSession: z.union([ExpiryStatusSchema, CannotTellSchema]),
    }),
    CannotTellSchema,
  ]),
  /** An ID card whose machine-readable back was not provided. */
  backMissing: z.boolean(),
});
export type DocumentFacts = z.infer<typeof DocumentFactsSchema>;

export const AgreementFieldSchema = z.enum(['name', 'birthDate', 'sex', 'nationality']);
export type AgreementField = z.infer<typeof AgreementFieldSchema>;

export const AgreementSchema = z.object({
  field: AgreementFieldSchema,
  verdict: z.enum(['agrees', 'differs', 'cannot_tell']),
  document: z.string().nullable(),
  registry: z.string().nullable(),
  /** Set when the verdict is `cannot_tell`. */
  reason: CannotTellReasonSchema.optional(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const RegistryFindingSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('compared'), items: z.array(AgreementSchema) }),
  CannotTellSchema,
]);
export type RegistryFinding = z.infer<typeof RegistryFindingSchema>;

/** A problem with the capture that the quality measures found, as a code with its values. */
export const QualityNoteSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('blurred') }),
  z.object({ code: z.literal('soft') }),
  /** `fraction`: the share of the image blown out, 0–1. */
  z.object({ code: z.literal('glare'), fraction: z.number() }),
  z.object({ code: z.literal('underexposed') }),
  z.object({ code: z.literal('overexposed') }),
]);
export type QualityNote = z.infer<typeof QualityNoteSchema>;

/** What the capture metadata says that a reviewer should know, as a code with its values. */
export const MetadataNoteSchema = z.discriminatedUnion('code', [
  /** The file names an image editor; `software` is the file's own text. */
  z.object({ code: z.literal('editor'), software: z.string() }),
  z.object({ code: z.literal('thumbnail_differs') }),
  z.object({ code: z.literal('gps') }),
  /** Captured more than a day from the session; `days` negative: before it. */
  z.object({ code: z.literal('far_from_session'), days: z.int() }),
]);
export type MetadataNote = z.infer<typeof MetadataNoteSchema>;

export type AnalysisNote = QualityNote | MetadataNote;

export const QualitySchema = z.object({
  status: z.literal('measured'),
  width: z.int(),
  height: z.int(),
  sharpness: z.object({
    laplacianVariance: z.number(),
    verdict: z.enum(['sharp', 'soft', 'blurred']),
  }),
  glare: z.object({ glareFraction: z.number(), verdict: z.enum(['none', 'some', 'strong']) }),
  exposure: z.object({
    meanLuma: z.number(),
    darkFraction: z.number(),
    brightFraction: z.number(),
    verdict: z.enum(['good', 'underexposed', 'overexposed']),
  }),
  /** One note per problem found (empty when none). */
  notes: z.array(QualityNoteSchema),
});
export type Quality = z.infer<typeof QualitySchema>;

export const MetadataSchema = z.object({
  status: z.literal('read'),
  camera: z.string().nullable(),
  captureTime: z.string().nullable(),
  /** Whole days from the verification session to the capture (negative: before it). */
  daysFromSession: z.number().nullable(),
  software: z.string().nullable(),
  /** The file names a known photo editor. */
  editedWith: z.string().nullable(),
  thumbnail: z.enum(['none', 'matches', 'differs', 'unreadable']),
  /** Where the image differs from its thumbnail, in image pixels (with `differs`). */
  thumbnailRegion: BoxSchema.optional(),
  /** GPS coordinates are present in the file: personal data (never copied into this report). */
  gps: z.boolean(),
  notes: z.array(MetadataNoteSchema),
});
export type Metadata = z.infer<typeof MetadataSchema>;

// ── The document agrees with itself: tone, printed fields against the MRZ, sides ──

/** Whether a document image still carries colour, or is a greyscale, photocopy-like capture. */
export const ToneSchema = z.object({ verdict: z.enum(['colour', 'greyscale', 'cannot_tell']) });
export type Tone = z.infer<typeof ToneSchema>;

export const CONSISTENCY_FIELDS = [
  'surname',
  'givenNames',
  'documentNumber',
  'birthDate',
  'expiryDate',
  'sex',
  'nationality',
] as const;
export const ConsistencyFieldNameSchema = z.enum(CONSISTENCY_FIELDS);
export type ConsistencyFieldName = z.infer<typeof ConsistencyFieldNameSchema>;

/** A place on one of the document's images, in that image's pixels. */
export const SlotRegionSchema = BoxSchema.extend({
  slot: z.enum(['documentFront', 'documentBack']),
});
export type SlotRegion = z.infer<typeof SlotRegionSchema>;

/** Why the printed data, or one value of it, could not be compared (words in the catalogue). */
export const CONSISTENCY_REASONS = [
  /** The printed side (the front) was not provided. */
  'printed_side_missing',
  /** The printed side could not be read (it did not decode, or no page reader ran). */
  'printed_side_unreadable',
  /** The MRZ was not read: nothing to compare the printed data with. */
  'mrz_not_read',
  /** None of the MRZ's values was found in the printed data. */
  'nothing_found',
  /** Neither the field's label nor its value was found in the printed text. */
  'not_found',
  /** The printed value was not read clearly enough to compare. */
  'unclear',
  /** The field's label was found but no value beside or under it. */
  'no_value_at_label',
  /** Two readings of the printed value did not agree on it. */
  'readings_disagree',
] as const;
export const ConsistencyReasonSchema = z.enum(CONSISTENCY_REASONS);
export type ConsistencyReason = z.infer<typeof ConsistencyReasonSchema>;

export const ConsistencyFieldSchema = z.object({
  field: ConsistencyFieldNameSchema,
  /** The value as the MRZ states it (dates as ISO YYYY-MM-DD where the century is known). */
  mrz: z.string(),
  /** What was read where the document prints it, or null when it was not found. */
  printed: z.string().nullable(),
  verdict: z.enum(['agrees', 'differs', 'cannot_tell']),
  /** Where the printed value (or, without one, its label) is. */
  region: SlotRegionSchema.optional(),
  /** Why a value could not be compared (with `cannot_tell`). */
  reason: ConsistencyReasonSchema.optional(),
});
export type ConsistencyField = z.infer<typeof ConsistencyFieldSchema>;

export const ConsistencySchema = z.object({
  status: z.enum(['compared', 'cannot_tell']),
  reason: ConsistencyReasonSchema.optional(),
  fields: z.array(ConsistencyFieldSchema),
  /** The printed front and the MRZ back are of one card; `not_applicable` for a passport. */
  sides: z.enum(['same_document', 'different_documents', 'cannot_tell', 'not_applicable']),
  /** Where the MRZ is (to mark beside a printed value). */
  mrzRegion: SlotRegionSchema.optional(),
});
export type Consistency = z.infer<typeof ConsistencySchema>;

// ── end of the consistency block ──

export const ImageFindingsSchema = z.object({
  quality: z.discriminatedUnion('status', [QualitySchema, CannotTellSchema]),
  metadata: z.discriminatedUnion('status', [MetadataSchema, CannotTellSchema]),
  /** Document images only. */
  tone: ToneSchema.optional(),
});
export type ImageFindings = z.infer<typeof ImageFindingsSchema>;

export const AnalysisReportSchema = z.object({
  /** The checks ran in an analysis process on this computer; nothing was sent anywhere. */
  ranOn: z.literal('this-computer'),
  images: z.object({
    documentFront: ImageFindingsSchema.nullable(),
    documentBack: ImageFindingsSchema.nullable(),
    face: ImageFindingsSchema.nullable(),
  }),
  mrz: MrzFindingSchema,
  document: z.discriminatedUnion('status', [
    DocumentFactsSchema.extend({ status: z.literal('known') }),
    CannotTellSchema,
  ]),
  registry: RegistryFindingSchema,
  /**
   * Selfie against the document's portrait: the comparison, or `not_run` with its reason when the
   * user turned the face comparison off; absent where the run lacked the selfie or the front.
   */
  face: FaceFindingSchema.optional(),
  /** The printed data against the MRZ, and front against back. */
  consistency: ConsistencySchema.optional(),
});
export type AnalysisReport = z.infer<typeof AnalysisReportSchema>;

/**
 * The checks for the documents on screen, as main tells the renderer: none yet (no documents, or
 * wiped), turned off (the "Checks on this computer" setting was `off` when the load started: no
 * analysis process was started), running, done with the report, or stopped with its reason.
 */
export const AnalysisStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('off') }),
  z.object({ status: z.literal('running') }),
  z.object({ status: z.literal('done'), report: AnalysisReportSchema }),
  z.object({
    status: z.literal('failed'),
    reason: z.enum(['cancelled', 'analysis_failed']),
  }),
]);
export type AnalysisState = z.infer<typeof AnalysisStateSchema>;

export function cannotTell(reason: CannotTellReason, detail?: CannotTellDetail): CannotTell {
  return detail === undefined
    ? { status: 'cannot_tell', reason }
    : { status: 'cannot_tell', reason, detail };
}
