import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { captureSpecimen, type CaptureCondition } from '../bench/capture-corpus.ts';

/**
 * Captures as phones make them (test/bench/capture-corpus.ts), one of each condition, through the
 * real worker and OCR model: the document found in the frame and its zone read as printed, every
 * check digit holding, the registry agreeing; and a bent page, which the reader cannot read, is
 * never reported as read with lines that are not the printed ones. The full measurement, ten
 * captures per condition, is `test/bench/capture.bench.ts`.
 */

const READ: { condition: CaptureCondition; index: number }[] = [
  { condition: 'upright', index: 0 },
  { condition: 'perspective10', index: 0 },
  { condition: 'perspective20', index: 0 },
  { condition: 'perspective30', index: 1 },
  { condition: 'rotation', index: 1 },
  { condition: 'upsideDown', index: 4 },
  { condition: 'glare', index: 1 },
  { condition: 'small', index: 1 },
  { condition: 'motion', index: 0 },
  { condition: 'background', index: 2 },
];

let runner: AnalysisRunner;
beforeAll(async () => {
  runner = new AnalysisRunner();
  await runner.ready;
}, 120_000);
afterAll(async () => {
  await runner.dispose();
});

async function check(condition: CaptureCondition, index: number) {
  const s = await captureSpecimen(condition, index);
  const slot = s.format === 'TD3' ? 'documentFront' : 'documentBack';
  const report = await runner.analyze({
    images: { documentFront: null, documentBack: null, face: null, [slot]: s.bytes },
    sessionDate: null,
    registry: s.registry,
    now: '2026-11-29T12:00:00.000Z',
  });
  return { s, report };
}

describe('MRZ on phone captures', () => {
  it.each(READ)(
    '$condition #$index: the document is found and its zone read as printed',
    async ({ condition, index }) => {
      const { s, report } = await check(condition, index);
      if (report.mrz.status !== 'read') throw new Error(`not read: ${report.mrz.detail}`);
      expect(report.mrz.lines).toEqual(s.lines);
      expect(report.mrz.checkDigitsValid).toBe(true);
      expect(report.mrz.document?.found).toBe('outline');
      expect(report.mrz.document?.turn).toBe((Math.round(s.angle / 90) % 4) * 90);
      expect(
        report.registry.status === 'compared' && report.registry.items.map((i) => i.verdict),
      ).toEqual(['agrees', 'agrees', 'agrees', 'agrees']);
    },
    120_000,
  );

  it('a bent page is read as printed or not reported as read', async () => {
    const { s, report } = await check('bent', 1);
    if (report.mrz.status === 'read') expect(report.mrz.lines).toEqual(s.lines);
    else
      expect(['no_mrz', 'mrz_unreadable', 'mrz_implausible', 'upside_down_unresolved']).toContain(
        report.mrz.reason,
      );
  }, 120_000);
});
