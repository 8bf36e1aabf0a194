import { FACE_TURNED_OFF } from '../../../shared/face-match.ts';
import { analyzeDocuments, type AnalysisEngine } from '../analyze.ts';
import { faceApiComparer, wantsFaces, type FaceComparer } from '../face/face-step.ts';
import { pixels, withRasterScope } from '../image/raster-scope.ts';
import { OcrEngine } from '../mrz/ocr-engine.ts';
import { ToAnalysisSchema, type AnalysisPort, type FromAnalysis } from './protocol.ts';

/**
 * The analysis process's loop: start the engine, answer `analyze` requests one at a time, drop a
 * cancelled run at its next step. A run's images — the bytes it was given and every pixel made
 * of them — are zeroed when it ends (image/raster-scope.ts). Without a comparer (`faces` null) the process
 * runs the document checks alone and decodes no colour pixels. The face models are not part of
 * the start (`ready` waits for the OCR engine only): they load when the first run holding a
 * selfie and a document front arrives, alongside that run's document checks — never for a run
 * whose face step is `turned_off` (documents only), which reports its face part as not run by
 * choice.
 */

class Cancelled extends Error {
  override name = 'Cancelled';
}

export async function serveAnalysis(
  port: AnalysisPort,
  exit: () => void,
  startEngine: () => Promise<AnalysisEngine & { stop(): Promise<void> }> = () => OcrEngine.start(),
  faces: FaceComparer | null = faceApiComparer,
): Promise<void> {
  const cancelled = new Set<number>();
  let queue: Promise<void> = Promise.resolve();
  const engineReady = startEngine();
  engineReady.catch(() => undefined);

  port.onMessage((raw) => {
    const parsed = ToAnalysisSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    if (message.type === 'stop') {
      void engineReady.then((e) => e.stop()).finally(exit);
      return;
    }
    const { id, input, faceStep: step } = message;
    // Documents only (`turned_off`): no comparer, so no colour pixels and no face model.
    const comparer = step === 'run' && faces && wantsFaces(input.images) ? faces : null;
    comparer?.warm();
    const checkpoint = () => {
      if (cancelled.has(id)) throw new Cancelled();
    };
    // The run's scope owns the bytes it was given: they are zeroed when the run ends, however it
    // ends, before its answer is posted.
    const answer = (): Promise<FromAnalysis> =>
      withRasterScope(async () => {
        for (const bytes of Object.values(input.images)) if (bytes) pixels(bytes);
        try {
          const engine = await engineReady;
          const report = await analyzeDocuments(input, engine, checkpoint, comparer);
          return {
            type: 'result',
            id,
            report: step === 'turned_off' ? { ...report, face: FACE_TURNED_OFF } : report,
          };
        } catch (error) {
          return {
            type: 'failed',
            id,
            reason: error instanceof Cancelled ? 'cancelled' : 'analysis_failed',
          };
        }
      });
    const run = async () => {
      const message = await answer();
      cancelled.delete(id);
      port.post(message);
    };
    queue = queue.then(run);
  });
  await engineReady;
  port.post({ type: 'ready' });
}
