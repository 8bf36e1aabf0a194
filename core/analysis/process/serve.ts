import type { AnalysisSlot } from '../../../shared/analysis.ts';
import { FACE_TURNED_OFF } from '../../../shared/face-match.ts';
import { analyzeDocuments, type AnalysisEngine } from '../analyze.ts';
import {
  faceApiComparer,
  faceFinding,
  wantsFaces,
  type FaceComparer,
  type FacePixels,
} from '../face/face-step.ts';
import type { RgbImage } from '../image/decode-jpeg.ts';
import { OcrEngine } from '../mrz/ocr-engine.ts';
import { ToAnalysisSchema, type AnalysisPort } from './protocol.ts';

/**
 * The analysis process's loop: start the engine, answer `analyze` requests one at a time, drop a
 * cancelled run at its next step, and zero every image it was given once its run ends. The colour
 * pixels the document checks decode of the selfie and the document front are kept for the face
 * step (no image is decoded twice in JavaScript), which runs alongside the zone reading, then
 * zeroed with the rest. Without a comparer (`faces` null) the process runs the document checks
 * alone and decodes no colour pixels. The face
 * models are not part of the start (`ready` waits for the OCR engine only): they load when the
 * first run holding a selfie and a document front arrives, alongside that run's document checks —
 * never for a run whose face step is `turned_off` (documents only), which reports its face part
 * as not run by choice.
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
    queue = queue.then(async () => {
      const checkpoint = () => {
        if (cancelled.has(id)) throw new Cancelled();
      };
      const pixels: FacePixels = { face: null, documentFront: null };
      // The face step starts as soon as the document checks have decoded its two images, and
      // runs while they read the zone (the OCR engine works in its own thread meanwhile).
      let release: (go: boolean) => void = () => {};
      const decoded = new Promise<boolean>((resolve) => (release = resolve));
      let kept = 0;
      const colour = {
        slots: comparer ? (['face', 'documentFront'] as const) : [],
        keep: (slot: AnalysisSlot, rgb: RgbImage | null) => {
          if (slot !== 'face' && slot !== 'documentFront') return;
          pixels[slot] = rgb;
          if (++kept === 2) release(true);
        },
      };
      const faceStep = decoded.then((go) =>
        go && comparer ? faceFinding(input.images, pixels, comparer, checkpoint) : undefined,
      );
      faceStep.catch(() => undefined);
      try {
        const engine = await engineReady;
        const report = await analyzeDocuments(
          { ...input, registry: input.registry },
          engine,
          checkpoint,
          colour,
        ).finally(() => release(false));
        const face = step === 'turned_off' ? FACE_TURNED_OFF : await faceStep;
        port.post({ type: 'result', id, report: face ? { ...report, face } : report });
      } catch (error) {
        // A run that failed before its face step never starts it; one that failed during it
        // waits for it to stop, so that its pixels are zeroed only once nothing reads them.
        release(false);
        await faceStep.catch(() => undefined);
        port.post({
          type: 'failed',
          id,
          reason: error instanceof Cancelled ? 'cancelled' : 'analysis_failed',
        });
      } finally {
        cancelled.delete(id);
        for (const image of [pixels.face, pixels.documentFront]) image?.rgb.fill(0);
        for (const bytes of Object.values(input.images)) bytes?.fill(0);
      }
    });
  });
  await engineReady;
  port.post({ type: 'ready' });
}
