import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocuments, type AnalysisInput } from '../../core/analysis/analyze.ts';
import { OcrEngine } from '../../core/analysis/mrz/ocr-engine.ts';
import { AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { isFaceComparison } from '../../shared/face-match.ts';
import { naturalPersonFor, PERSONA_PROFILES } from '../../demo/personas.ts';
import { getReviewSpecimens, getSpecimens } from '../../demo/specimens.ts';
import { AnalysisReportSchema } from '../../shared/analysis.ts';
import { RegistrySchema } from '../../shared/ipc.ts';

/**
 * The checks give the same findings whether they run in this thread or in the analysis process:
 * the worker adds the face step and nothing else — its protocol (a structured clone, parsed on
 * both sides) neither drops nor changes a finding. Running them here also lets in-process
 * coverage see the analysis code, which otherwise runs only inside a worker.
 */

const NOW = '2026-11-29T12:00:00.000Z';
let engine: OcrEngine;
let runner: AnalysisRunner;

beforeAll(async () => {
  [engine, runner] = await Promise.all([
    OcrEngine.start(),
    (async () => {
      const started = new AnalysisRunner();
      await started.ready;
      return started;
    })(),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([engine.stop(), runner.dispose()]);
});

async function inputFor(persona: 'full' | 'edited'): Promise<AnalysisInput> {
  const shared = await getSpecimens();
  const card = persona === 'full' ? shared : await getReviewSpecimens(persona);
  return {
    images: {
      documentFront: new Uint8Array(card.documentFront.bytes),
      documentBack: new Uint8Array(card.documentBack.bytes),
      face: new Uint8Array(shared.face.bytes),
    },
    sessionDate: PERSONA_PROFILES[persona].session?.date ?? null,
    registry: RegistrySchema.nullable().parse(naturalPersonFor(persona)),
    now: NOW,
  };
}

describe('the checks in this thread and in the analysis process', () => {
  it.each(['full', 'edited'] as const)(
    '%s: the same findings, the worker adding only the face comparison',
    async (persona) => {
      const here = await analyzeDocuments(await inputFor(persona), engine);
      const there = await runner.analyze(await inputFor(persona));
      expect(AnalysisReportSchema.parse(here)).toEqual(here);
      expect(here.mrz.status).toBe('read');
      expect(here.face).toBeUndefined();
      expect(isFaceComparison(there.face) && there.face.band).toBe('same');
      const { face: _face, ...withoutFace } = there;
      expect(withoutFace).toEqual(here);
    },
    120_000,
  );

  it('leaves the caller’s bytes as they were: the process works on its own copy', async () => {
    const input = await inputFor('full');
    const before = input.images.documentBack?.slice();
    await runner.analyze(input);
    // The runner works on its own copy; the caller's bytes are untouched (main zeroes its own).
    expect(input.images.documentBack).toEqual(before);
  }, 120_000);
});
