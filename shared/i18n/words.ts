import type { AnalysisNote } from '../analysis.ts';

/** The catalogue's words for each note code: a sentence, or one made from the note's values. */
export type NoteWords = Record<AnalysisNote['code'], string | ((...values: never[]) => string)>;

const percent = (rate: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);

/** A rate with the count behind it ("0.6% (7 of 1121)"): a small sample shows as what it is. */
export const rateOf = (rate: number, pairs: number, locale: 'en' | 'es'): string =>
  `${percent(rate, locale)} (${Math.round(rate * pairs)} ${locale === 'es' ? 'de' : 'of'} ${pairs})`;

/** A share (0–1) as the language writes a percentage, to a tenth ("12.5%", "12,5 %"). */
export const shareOf = (share: number, locale: 'en' | 'es'): string => percent(share, locale);
