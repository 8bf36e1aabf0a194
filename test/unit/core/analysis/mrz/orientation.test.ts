import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../../../core/analysis/image/decode-image.ts';
import type { ZoneEngine } from '../../../../../core/analysis/mrz/read.ts';
import { readDocumentZone } from '../../../../../core/analysis/mrz/orientation.ts';
import { captureSpecimen, type CaptureCondition } from '../../../../bench/capture-corpus.ts';

/**
 * Which way up a document is, decided by the reading: generated captures turned 90°, 180° and
 * 270° are read as printed, with the turn and the document's corners reported. The OCR engine is
 * left out (its layout analysis finds nothing, its line reading reads nothing): what is read here
 * is the document's outline and the glyph reader's reading at each way up.
 */

const BLIND: ZoneEngine = {
  layoutLines: () => Promise.resolve([]),
  readLine: () => Promise.resolve({ text: '', confidence: 0 }),
};

describe('readDocumentZone', () => {
  it.each([
    { condition: 'rotation', index: 0, turn: 90 },
    { condition: 'rotation', index: 2, turn: 270 },
  ] as { condition: CaptureCondition; index: number; turn: number }[])(
    'reads $condition #$index as printed, turned $turn°',
    async ({ condition, index, turn }) => {
      const s = await captureSpecimen(condition, index);
      const { grey } = decodeImage(s.bytes);
      const attempt = await readDocumentZone(BLIND, 'documentBack', grey);
      if (!('read' in attempt)) throw new Error(`not read: ${JSON.stringify(attempt)}`);
      expect(attempt.read.lines).toEqual(s.lines);
      expect(attempt.read.document?.turn).toBe(turn);
      expect(attempt.read.document?.found).toBe('outline');
      // The corners in the order the document reads: its top-left first.
      const first = attempt.read.document?.corners[0];
      const width = Math.hypot(
        (s.corners[1]?.x ?? 0) - (s.corners[0]?.x ?? 0),
        (s.corners[1]?.y ?? 0) - (s.corners[0]?.y ?? 0),
      );
      expect(
        Math.hypot(
          (first?.x ?? 0) - (s.corners[0]?.x ?? 0),
          (first?.y ?? 0) - (s.corners[0]?.y ?? 0),
        ),
      ).toBeLessThan(0.03 * width);
      // The zone's box lies inside the document, in the frame's pixels.
      const { box } = attempt.read;
      const xs = s.corners.map((c) => c.x);
      const ys = s.corners.map((c) => c.y);
      expect(box.left).toBeGreaterThanOrEqual(Math.min(...xs) - 2);
      expect(box.top).toBeGreaterThanOrEqual(Math.min(...ys) - 2);
      expect(box.left + box.width).toBeLessThanOrEqual(Math.max(...xs) + 2);
      expect(box.top + box.height).toBeLessThanOrEqual(Math.max(...ys) + 2);
      // Each character carries its confidence and runner-up.
      expect(attempt.read.characters?.map((c) => c.confidence.length)).toEqual(
        s.lines.map((l) => l.length),
      );
    },
    30_000,
  );

  it('reports no zone, and nothing as read, on a page without one', async () => {
    const s = await captureSpecimen('upright', 0);
    const { grey } = decodeImage(s.bytes);
    // The zone's rows painted over with the paper's tone: a document without a zone.
    const top = Math.round(
      Math.min(...s.corners.map((c) => c.y)) +
        0.6 * (Math.max(...s.corners.map((c) => c.y)) - Math.min(...s.corners.map((c) => c.y))),
    );
    grey.data.fill(235, top * grey.width);
    const attempt = await readDocumentZone(BLIND, 'documentBack', grey);
    expect('read' in attempt).toBe(false);
  }, 30_000);
});
