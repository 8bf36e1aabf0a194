import type { Agreement, AnalysisNote, CannotTell } from '../analysis.ts';
import { FACE_MATCH_CALIBRATION } from '../face-match.ts';
import { en, type Dictionary } from './en.ts';
import { es } from './es.ts';
import { shareOf } from './words.ts';

export type { Dictionary, ErrorText } from './en.ts';

/**
 * The catalogue of words, one per language, for the app's windows and the `idlens` command alike.
 * What the core reports (analysis findings, error codes) is codes and values; these turn them
 * into sentences.
 */

export const LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

export const DICTIONARIES: Record<UiLanguage, Dictionary> = { en, es };

/** Why a check cannot tell: its finer detail where the report gives one, else its reason. */
export function cannotTellText(t: Dictionary, finding: CannotTell): string {
  return finding.detail ? t.checks.details[finding.detail] : t.checks.reasons[finding.reason];
}

/** Why one registry comparison cannot tell, for its field (else the reason's general words). */
export function agreementText(t: Dictionary, item: Agreement): string | null {
  if (item.verdict !== 'cannot_tell' || !item.reason) return null;
  const byField: Partial<Record<string, string>> = t.checks.agreement[item.field];
  return byField[item.reason] ?? t.checks.reasons[item.reason];
}

/** One quality or metadata note as a sentence. */
export function noteText(t: Dictionary, note: AnalysisNote, lang: UiLanguage): string {
  const words = t.checks.notes;
  switch (note.code) {
    case 'glare':
      return words.glare(shareOf(note.fraction, lang));
    case 'editor':
      return words.editor(note.software);
    case 'far_from_session':
      return words.far_from_session(note.days);
    default:
      return words[note.code];
  }
}

/** The face comparison's "aid" sentence for the shipped calibration. */
export function faceMatchAid(t: Dictionary): string {
  return t.faceMatch.aid(FACE_MATCH_CALIBRATION.model, FACE_MATCH_CALIBRATION.measured);
}
