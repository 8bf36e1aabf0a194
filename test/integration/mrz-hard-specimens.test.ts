import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { corpusSpecimen } from '../bench/mrz-corpus.ts';

/**
 * Hard specimens of the benchmark corpus — turned by 2.7° to 4.4°, tilted, blurred, with glare
 * and low JPEG quality — must be read exactly, through the real worker and OCR model. The
 * corpus is deterministic, so these are the same images on every run.
 */

const HARD = [
  { index: 0, why: 'TD3 turned −3.1°, JPEG q60' },
  { index: 9, why: 'TD1 turned −2.7°, blur σ 1.04' },
  { index: 10, why: 'TD3 turned −4.2°' },
  { index: 13, why: 'TD1 turned 3.5°, perspective 2.9 %, JPEG q54' },
  { index: 18, why: 'TD3 turned −4.4°, blur σ 1.07' },
  { index: 19, why: 'TD1 blur σ 0.86, perspective 2.7 %, wrong birth-date check digit' },
  { index: 14, why: 'TD3 blur σ 0.81, twice the pitch correlating best' },
  { index: 34, why: 'TD3 perspective 2.9 %, glyphs larger at one end of the row' },
  { index: 56, why: 'TD3 perspective 3 %, a band of shadow and the page edge beside the zone' },
] as const;

let runner: AnalysisRunner;
beforeAll(async () => {
  runner = new AnalysisRunner();
  await runner.ready;
}, 120_000);
afterAll(async () => {
  await runner.dispose();
});

describe('MRZ on hard captures', () => {
  it.each(HARD)(
    'specimen $index ($why) is read exactly, with the printed check-digit verdicts',
    async ({ index }) => {
      const specimen = await corpusSpecimen(42, index);
      const slot = specimen.format === 'TD3' ? 'documentFront' : 'documentBack';
      const report = await runner.analyze({
        images: { documentFront: null, documentBack: null, face: null, [slot]: specimen.bytes },
        sessionDate: null,
        registry: specimen.registry,
        now: '2026-11-29T12:00:00.000Z',
      });
      if (report.mrz.status !== 'read') throw new Error(`not read: ${report.mrz.detail}`);
      expect(report.mrz.format).toBe(specimen.format);
      expect(report.mrz.lines).toEqual(specimen.lines);
      expect(report.mrz.checkDigits).toEqual(specimen.checkDigits);
      expect(
        report.registry.status === 'compared' && report.registry.items.map((i) => i.verdict),
      ).toEqual(['agrees', 'agrees', 'agrees', 'agrees']);
    },
    120_000,
  );

  it.each([
    { index: 19, scale: 0.5, why: 'TD1 with a wrong birth-date digit, at half size' },
    { index: 10, scale: 0.35, why: 'TD3 turned −4.2°, at a third of its size (capitals ≈ 15 px)' },
  ])(
    'specimen $index ($why) is read as printed: a failing check digit is reported, not traded for a reading that holds by chance',
    async ({ index, scale }) => {
      const specimen = await corpusSpecimen(42, index);
      const width = Math.round((await sharp(specimen.bytes).metadata()).width * scale);
      const bytes = new Uint8Array(
        await sharp(specimen.bytes).resize({ width }).jpeg({ quality: 80 }).toBuffer(),
      );
      const slot = specimen.format === 'TD3' ? 'documentFront' : 'documentBack';
      const report = await runner.analyze({
        images: { documentFront: null, documentBack: null, face: null, [slot]: bytes },
        sessionDate: null,
        registry: specimen.registry,
        now: '2026-11-29T12:00:00.000Z',
      });
      if (report.mrz.status !== 'read') throw new Error(`not read: ${report.mrz.detail}`);
      expect(report.mrz.lines).toEqual(specimen.lines);
      expect(report.mrz.checkDigits).toEqual(specimen.checkDigits);
    },
    120_000,
  );
});
