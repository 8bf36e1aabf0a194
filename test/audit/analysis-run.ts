/**
 * One analysis run as the audit traces it: reads the specimen JPEGs named on the command line
 * (reading is not writing), runs every check in the analysis worker — the face comparison
 * included when a front and a selfie are given — ends the worker, and prints
 * one JSON line with what was found — so the audit knows the run did real work.
 *
 *   node test/audit/analysis-run.ts <front.jpg|-> <back.jpg|-> <face.jpg|->
 */
import { readFileSync } from 'node:fs';
import { AnalysisRunner } from '../../core/analysis/process/runner.ts';
import { isFaceComparison } from '../../shared/face-match.ts';

const [front, back, face] = process.argv.slice(2);
const load = (path: string | undefined) =>
  path && path !== '-' ? new Uint8Array(readFileSync(path)) : null;

const runner = new AnalysisRunner();
try {
  const report = await runner.analyze({
    images: { documentFront: load(front), documentBack: load(back), face: load(face) },
    sessionDate: '2024-01-15T10:30:00.000Z',
    now: new Date().toISOString(),
  });
  console.log(
    JSON.stringify({
      mrz: report.mrz.status,
      format: report.mrz.status === 'read' ? report.mrz.format : null,
      checkDigitsValid: report.mrz.status === 'read' ? report.mrz.checkDigitsValid : null,
      quality: Object.values(report.images).filter((i) => i?.quality.status === 'measured').length,
      face: isFaceComparison(report.face) ? report.face.band : null,
    }),
  );
} finally {
  await runner.dispose();
}
