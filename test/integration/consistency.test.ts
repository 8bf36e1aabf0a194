import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../../core/analysis/analyze.ts';
import { OcrEngine } from '../../core/analysis/mrz/ocr-engine.ts';
import { getReviewSpecimens, getSpecimens } from '../../demo/specimens.ts';
import { AnalysisReportSchema, type AnalysisReport } from '../../shared/analysis.ts';

/**
 * The document against itself, end to end on generated specimens (the demo's cards, read by the
 * real OCR engine): an honest card agrees with itself everywhere; each doctored persona yields
 * its finding — the printed surname that is not the MRZ's, the front of another card, the
 * portrait pasted over after capture (where), the greyscale copy — and nothing else differs.
 */

const NOW = '2026-11-29T12:00:00.000Z';
/** Where the demo card's portrait is. */
const PORTRAIT = { left: 130, top: 280, width: 420, height: 550 };
let engine: OcrEngine;

beforeAll(async () => {
  engine = await OcrEngine.start();
}, 60_000);
afterAll(async () => {
  await engine.stop();
});

async function check(
  persona: 'full' | 'misprinted' | 'mixed' | 'swapped' | 'greycopy' | 'passport',
) {
  const shared = await getSpecimens();
  const card =
    persona === 'full'
      ? shared
      : persona === 'passport'
        ? { documentFront: shared.passportPage, documentBack: null }
        : await getReviewSpecimens(persona);
  const report = await analyzeDocuments(
    {
      images: {
        documentFront: new Uint8Array(card.documentFront.bytes),
        documentBack: card.documentBack ? new Uint8Array(card.documentBack.bytes) : null,
        face: null,
      },
      sessionDate: null,
      now: NOW,
    },
    engine,
  );
  expect(AnalysisReportSchema.parse(report)).toEqual(report);
  return report;
}

const fieldsOf = (r: AnalysisReport) =>
  Object.fromEntries((r.consistency?.fields ?? []).map((f) => [f.field, f]));
const differing = (r: AnalysisReport) =>
  (r.consistency?.fields ?? []).filter((f) => f.verdict === 'differs').map((f) => f.field);

describe('the document agrees with itself', () => {
  it('an honest card: the printed values agree, one document, in colour, no thumbnail', async () => {
    const report = await check('full');
    expect(report.consistency?.status).toBe('compared');
    expect(differing(report)).toEqual([]);
    expect(report.consistency?.sides).toBe('same_document');
    const f = fieldsOf(report);
    expect(f.documentNumber).toMatchObject({
      verdict: 'agrees',
      mrz: 'SPC000001',
      printed: 'SPC000001',
    });
    expect(f.expiryDate).toMatchObject({ verdict: 'agrees', mrz: '2034-01-15' });
    expect(f.documentNumber?.region?.slot).toBe('documentFront');
    expect(report.consistency?.mrzRegion?.slot).toBe('documentBack');
    expect(report.images.documentFront?.tone).toEqual({ verdict: 'colour' });
    expect(report.images.documentBack?.tone).toEqual({ verdict: 'colour' });
  });

  it('a passport page: its printed data agrees with its own MRZ; sides not applicable', async () => {
    const report = await check('passport');
    expect(differing(report)).toEqual([]);
    expect(report.consistency?.sides).toBe('not_applicable');
    const agreeing = (report.consistency?.fields ?? []).filter((f) => f.verdict === 'agrees');
    expect(agreeing.length).toBeGreaterThanOrEqual(4);
  });

  it('misprinted: the printed surname differs from the MRZ, both shown; the card is still one', async () => {
    const report = await check('misprinted');
    expect(fieldsOf(report).surname).toMatchObject({
      verdict: 'differs',
      mrz: 'SPECIMEN',
      printed: 'EXAMPLE',
    });
    expect(differing(report)).toEqual(['surname']);
    expect(report.consistency?.sides).not.toBe('different_documents');
  });

  it('mixed: the front of one card with the back of another', async () => {
    const report = await check('mixed');
    expect(report.consistency?.sides).toBe('different_documents');
    expect(fieldsOf(report).documentNumber).toMatchObject({
      verdict: 'differs',
      printed: 'SPC70Q349',
    });
  });

  it('swapped: the thumbnail differs where the portrait was replaced; the print agrees', async () => {
    const report = await check('swapped');
    const metadata = report.images.documentFront?.metadata;
    expect(metadata).toMatchObject({ status: 'read', thumbnail: 'differs' });
    const region = metadata?.status === 'read' ? metadata.thumbnailRegion : undefined;
    expect(region).toBeDefined();
    if (!region) return;
    const w =
      Math.min(region.left + region.width, PORTRAIT.left + PORTRAIT.width) -
      Math.max(region.left, PORTRAIT.left);
    const h =
      Math.min(region.top + region.height, PORTRAIT.top + PORTRAIT.height) -
      Math.max(region.top, PORTRAIT.top);
    expect((w * h) / (PORTRAIT.width * PORTRAIT.height)).toBeGreaterThan(0.5);
    expect(differing(report)).toEqual([]);
  });

  it('greycopy: the front is a greyscale copy, the back in colour', async () => {
    const report = await check('greycopy');
    expect(report.images.documentFront?.tone).toEqual({ verdict: 'greyscale' });
    expect(report.images.documentBack?.tone).toEqual({ verdict: 'colour' });
    expect(differing(report)).toEqual([]);
  });
});
