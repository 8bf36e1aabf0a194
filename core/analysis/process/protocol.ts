import { z } from 'zod';
import { AnalysisReportSchema, CannotTellReasonSchema } from '../../../shared/analysis.ts';
import { RegistrySchema } from '../../../shared/ipc.ts';

/**
 * Messages between main (or the CLI) and the analysis process. The same protocol runs over a
 * `worker_threads` port under Node and over Electron's `utilityProcess` parent port; both sides
 * parse what they receive. Only bytes go in and only findings come out: no token, no URL.
 */

const Bytes = z.instanceof(Uint8Array).nullable();

/**
 * Whether a run compares the faces: `run`, or `turned_off` when the user chose documents only —
 * then the process never loads the face models for that run and reports the face part as not run.
 */
export const FaceStepSchema = z.enum(['run', 'turned_off']);
export type FaceStep = z.infer<typeof FaceStepSchema>;

export const AnalyzeRequestSchema = z.object({
  type: z.literal('analyze'),
  id: z.int().nonnegative(),
  input: z.object({
    images: z.object({ documentFront: Bytes, documentBack: Bytes, face: Bytes }),
    sessionDate: z.string().nullable(),
    registry: RegistrySchema.nullable().optional(),
    now: z.string(),
  }),
  faceStep: FaceStepSchema,
});

export const ToAnalysisSchema = z.discriminatedUnion('type', [
  AnalyzeRequestSchema,
  z.object({ type: z.literal('cancel'), id: z.int().nonnegative() }),
  z.object({ type: z.literal('stop') }),
]);
export type ToAnalysis = z.infer<typeof ToAnalysisSchema>;

export const FromAnalysisSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('result'), id: z.int(), report: AnalysisReportSchema }),
  z.object({
    type: z.literal('failed'),
    id: z.int(),
    reason: CannotTellReasonSchema,
  }),
]);
export type FromAnalysis = z.infer<typeof FromAnalysisSchema>;

/** One end of the channel, whatever carries it. */
export interface AnalysisPort {
  onMessage(listener: (message: unknown) => void): void;
  post(message: FromAnalysis): void;
}
