import type { AnalysisReport, CannotTell } from '../../shared/analysis.ts';
import {
  FACE_MATCH_CALIBRATION,
  isFaceComparison,
  type DetectedFace,
  type FaceComparison,
  type FaceFindingResult,
} from '../../shared/face-match.ts';
import { FACE_MATCH_WORDING } from '../../shared/face-match-wording.ts';
import type { DocumentsResult } from '../../shared/ipc.ts';
import type { FaceStep } from '../../core/analysis/process/protocol.ts';
import { AnalysisError, AnalysisRunner } from '../../core/analysis/process/runner.ts';
import type { CliStrings, Lang } from '../i18n/index.ts';

/**
 * `idlens check --analyze`: runs the review-assist checks on the images just downloaded, in the
 * analysis worker, and prints them — the `analysis` object of `--json` and a readable block of
 * text. The worker ends before the command does; nothing is written and nothing is sent. With
 * `--no-face` (documents only) the worker is told to leave out the face comparison: it never
 * loads the face models, and `analysis.face` says the comparison was not run, by choice.
 */

export type AnalysisOutcome = AnalysisReport | CannotTell;

export async function analyzeHeld(
  held: DocumentsResult,
  signal: AbortSignal,
  faceStep: FaceStep = 'run',
): Promise<AnalysisOutcome> {
  const runner = new AnalysisRunner();
  try {
    return await runner.analyze(
      {
        images: {
          documentFront: held.documents.documentFront?.bytes ?? null,
          documentBack: held.documents.documentBack?.bytes ?? null,
          face: held.documents.face?.bytes ?? null,
        },
        sessionDate: held.session.date,
        registry: held.registry,
        now: new Date().toISOString(),
      },
      { signal, faceStep },
    );
  } catch (error) {
    if (error instanceof AnalysisError) {
      return { status: 'cannot_tell', reason: error.reason, detail: error.message };
    }
    throw error;
  } finally {
    await runner.dispose();
  }
}

const SLOT_NAMES = { documentFront: 'front', documentBack: 'back', face: 'selfie' } as const;

function why(c: CannotTell): string {
  return `cannot tell — ${c.detail} (${c.reason})`;
}

/**
 * The face comparison, in the run's language: the band and the score (or why it cannot tell),
 * the detector's confidence on each image, which model computed it with the error rates
 * measured for it, and what it does not detect. The descriptors never reach the CLI.
 */
export function faceLines(face: FaceFindingResult, lang: Lang, t: CliStrings): string[] {
  if (!isFaceComparison(face)) {
    return [`  ${`${t.check.face.label}:`.padEnd(11)} ${t.check.face.notRun[face.reason]}`];
  }
  return comparisonLines(face, lang, t);
}

function comparisonLines(face: FaceComparison, lang: Lang, t: CliStrings): string[] {
  const words = FACE_MATCH_WORDING[lang];
  const percent = (f: DetectedFace | null) =>
    f
      ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(
          f.confidence,
        )
      : t.check.face.notFound;
  const detail =
    face.score !== null
      ? words.score(face.score)
      : face.reason
        ? `${words.reasons[face.reason]} (${face.reason})`
        : null;
  const reading = detail ? `${words.bands[face.band]} — ${detail}` : words.bands[face.band];
  const indent = '              ';
  return [
    `  ${`${t.check.face.label}:`.padEnd(11)} ${reading}`,
    ...(face.selfieFace || face.portraitFace
      ? [`${indent}${t.check.face.detected(percent(face.selfieFace), percent(face.portraitFace))}`]
      : []),
    `${indent}${words.aid(face.model, FACE_MATCH_CALIBRATION.measured)}`,
    `${indent}${words.notLiveness}`,
  ];
}

/** The text block: findings with their evidence, "cannot tell" with its reason. */
export function analysisLines(outcome: AnalysisOutcome, lang: Lang, t: CliStrings): string[] {
  const lines = ['Checks (computed on this computer; an aid, not a verdict)'];
  if (!('ranOn' in outcome)) return [...lines, `  ${why(outcome)}`];
  const { mrz, document, registry, images } = outcome;
  if (mrz.status === 'read') {
    const digits = Object.entries(mrz.checkDigits)
      .map(([field, ok]) => `${field} ${ok ? 'ok' : 'WRONG'}`)
      .join(', ');
    lines.push(
      `  MRZ:        ${mrz.format} on the ${SLOT_NAMES[mrz.slot]}, OCR confidence ${mrz.confidence}`,
      ...mrz.lines.map((l) => `              ${l}`),
      `  check digits: ${digits}`,
    );
    const doc = mrz.document;
    if (doc)
      lines.push(
        doc.found === 'outline'
          ? `  document:   found in the photo, turned ${doc.angle}°, read turned back by ${doc.turn}°; corners ${doc.corners.map((p) => `(${Math.round(p.x)}, ${Math.round(p.y)})`).join(' ')}`
          : `  document:   no outline found, the whole image read turned back by ${doc.turn}°`,
      );
  } else {
    lines.push(`  MRZ:        ${why(mrz)}`);
  }
  if (document.status === 'known') {
    const country = document.issuingCountry;
    const expiry =
      document.expiry.status === 'known'
        ? `${document.expiry.date}: today ${document.expiry.today}, at the session ${
            typeof document.expiry.atSession === 'string'
              ? document.expiry.atSession
              : 'cannot tell'
          }`
        : why(document.expiry);
    lines.push(
      `  document:   ${document.type ?? 'unknown type'}, issued by ${
        country ? `${country.name ?? 'unknown state'} (${country.code})` : 'unknown'
      }`,
      `  expiry:     ${expiry}`,
      ...(document.backMissing ? ['  back:       MISSING (an ID card’s zone is on its back)'] : []),
    );
  }
  if (registry.status === 'compared') {
    for (const item of registry.items) {
      lines.push(
        `  registry ${item.field.padEnd(12)} ${item.verdict.replace('_', ' ')}: document ${
          item.document ?? '—'
        } / registry ${item.registry ?? '—'}`,
      );
    }
  } else {
    lines.push(`  registry:   ${why(registry)}`);
  }
  for (const slot of ['documentFront', 'documentBack', 'face'] as const) {
    const image = images[slot];
    if (!image) continue;
    const q = image.quality;
    const m = image.metadata;
    const quality =
      q.status === 'measured'
        ? `${q.sharpness.verdict}, glare ${q.glare.verdict}, exposure ${q.exposure.verdict}`
        : why(q);
    const notes = [
      ...(q.status === 'measured' ? q.notes : []),
      ...(m.status === 'read' ? m.notes : []),
    ];
    lines.push(
      `  ${SLOT_NAMES[slot].padEnd(10)}  ${quality}`,
      ...notes.map((n) => `              ${n}`),
    );
  }
  if (outcome.face) lines.push(...faceLines(outcome.face, lang, t));
  return lines;
}
