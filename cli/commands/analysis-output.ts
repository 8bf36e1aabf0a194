import type { AnalysisReport, CannotTell } from '../../shared/analysis.ts';
import {
  FACE_MATCH_CALIBRATION,
  isFaceComparison,
  type DetectedFace,
  type FaceComparison,
  type FaceFindingResult,
} from '../../shared/face-match.ts';
import {
  DICTIONARIES,
  agreementText,
  cannotTellText,
  noteText,
  type Dictionary,
} from '../../shared/i18n/index.ts';
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
        orientations: {
          documentFront: held.documents.documentFront?.orientation,
          documentBack: held.documents.documentBack?.orientation,
          face: held.documents.face?.orientation,
        },
        sessionDate: held.session.date,
        registry: held.registry,
        now: new Date().toISOString(),
      },
      { signal, faceStep },
    );
  } catch (error) {
    if (error instanceof AnalysisError) {
      return { status: 'cannot_tell', reason: error.reason };
    }
    throw error;
  } finally {
    await runner.dispose();
  }
}

/** Why it cannot tell, in words (its detail's, where it has one) and as its reason's code. */
function why(c: CannotTell, t: Dictionary): string {
  return t.cli.analysis.cannotTell(cannotTellText(t, c), c.reason);
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
  const all = DICTIONARIES[lang];
  const words = all.faceMatch;
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
    ...(
      [
        [face.selfieFace, all.checks.face.selfieFace],
        [face.portraitFace, all.checks.face.portraitFace],
      ] as const
    ).flatMap(([found, which]) =>
      found?.turn ? [`${indent}${all.checks.face.foundTurned(which, found.turn)}`] : [],
    ),
    `${indent}${words.aid(face.model, FACE_MATCH_CALIBRATION.measured)}`,
    `${indent}${words.notLiveness}`,
  ];
}

/** A label and its value, the value in a column. */
const row = (label: string, value: string): string => `  ${`${label}:`.padEnd(11)} ${value}`;
const INDENT = '              ';

/** The text block, in the run's language: findings with their evidence, "cannot tell" with why. */

/** Each printed value beside the MRZ's, and whether the sides are of one card. */
function consistencyLines(report: AnalysisReport, all: Dictionary): string[] {
  const c = report.consistency;
  if (!c) return [];
  const w = all.checks.consistency;
  const lines = c.fields.map(
    (f) =>
      `  ${`${w.fields[f.field]}:`.padEnd(20)} ${w.verdicts[f.verdict]} — ${w.printed} ${
        f.printed ?? w.notFound
      } / ${w.inMrz} ${f.mrz}${f.reason ? ` (${w.reasons[f.reason]})` : ''}`,
  );
  if (c.fields.length === 0)
    lines.push(row(w.heading, `${w.notCompared} ${c.reason ? w.reasons[c.reason] : ''}`));
  lines.push(row(w.sides, w.sidesVerdicts[c.sides]));
  return lines;
}
export function analysisLines(outcome: AnalysisOutcome, lang: Lang, t: CliStrings): string[] {
  const all = DICTIONARIES[lang];
  const a = t.analysis;
  const lines = [a.heading];
  if (!('ranOn' in outcome)) return [...lines, `  ${why(outcome, all)}`];
  const { mrz, document, registry, images } = outcome;
  if (mrz.status === 'read') {
    const digits = Object.entries(mrz.checkDigits)
      .map(([field, ok]) => `${field} ${ok ? a.digitOk : a.digitWrong}`)
      .join(', ');
    lines.push(
      row(a.labels.mrz, a.mrzRead(mrz.format, t.check.slots[mrz.slot], mrz.confidence)),
      ...mrz.lines.map((l) => `${INDENT}${l}`),
      `  ${a.labels.checkDigits}: ${digits}`,
    );
    const doc = mrz.document;
    if (doc)
      lines.push(
        doc.found === 'outline'
          ? `  document:   found in the photo, turned ${doc.angle}°, read turned back by ${doc.turn}°; corners ${doc.corners.map((p) => `(${Math.round(p.x)}, ${Math.round(p.y)})`).join(' ')}`
          : `  document:   no outline found, the whole image read turned back by ${doc.turn}°`,
      );
  } else {
    lines.push(row(a.labels.mrz, why(mrz, all)));
  }
  if (document.status === 'known') {
    const country = document.issuingCountry;
    const { expiry } = document;
    const expiryText =
      expiry.status === 'known'
        ? a.expiry(
            expiry.date,
            a.expiryStatus[expiry.today],
            typeof expiry.atSession === 'string'
              ? a.expiryStatus[expiry.atSession]
              : a.cannotTellShort,
          )
        : why(expiry, all);
    lines.push(
      row(
        a.labels.document,
        `${document.type ? a.documentType[document.type] : a.unknownType}, ${a.issuedBy(
          country ? `${country.name ?? a.unknownState} (${country.code})` : a.unknownCountry,
        )}`,
      ),
      row(a.labels.expiry, expiryText),
      ...(document.backMissing ? [row(a.labels.back, a.backMissing)] : []),
    );
  }
  if (registry.status === 'compared') {
    for (const item of registry.items) {
      const because = agreementText(all, item);
      lines.push(
        `  ${a.labels.registry} ${item.field.padEnd(12)} ${a.registryItem(
          a.verdicts[item.verdict],
          item.document ?? '—',
          item.registry ?? '—',
        )}`,
        ...(because ? [`${INDENT}${because} (${item.reason ?? ''})`] : []),
      );
    }
  } else {
    lines.push(row(a.labels.registry, why(registry, all)));
  }
  lines.push(...consistencyLines(outcome, all));
  for (const slot of ['documentFront', 'documentBack', 'face'] as const) {
    const image = images[slot];
    if (!image) continue;
    const q = image.quality;
    const m = image.metadata;
    const quality =
      q.status === 'measured'
        ? a.quality(
            a.sharpness[q.sharpness.verdict],
            a.glare[q.glare.verdict],
            a.exposure[q.exposure.verdict],
          )
        : why(q, all);
    const notes = [
      ...(q.status === 'measured' ? q.notes : []),
      ...(m.status === 'read' ? m.notes : []),
    ];
    lines.push(
      `  ${t.check.slots[slot].padEnd(10)}  ${quality}${
        image.tone ? `, ${all.checks.consistency.tones[image.tone.verdict]}` : ''
      }`,
      ...notes.map((n) => `${INDENT}${noteText(all, n, lang)}`),
      ...(m.status === 'read' && m.thumbnailRegion
        ? [
            `${INDENT}${all.checks.consistency.thumbnailRegionMark}: ${m.thumbnailRegion.width}×${m.thumbnailRegion.height} at (${m.thumbnailRegion.left}, ${m.thumbnailRegion.top})`,
          ]
        : []),
    );
  }
  if (outcome.face) lines.push(...faceLines(outcome.face, lang, t));
  return lines;
}
