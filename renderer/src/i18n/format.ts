/** Locale-aware formatting of sizes, times and durations. Pure functions of their inputs. */

import type { UiLanguage } from '../../../shared/i18n/index.ts';

export type { UiLanguage };

/** The BCP 47 tag each UI language formats with. */
export const LOCALE_TAG: Record<UiLanguage, string> = { en: 'en', es: 'es-419' };

export function formatBytes(bytes: number, lang: UiLanguage): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALE_TAG[lang], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** An angle in degrees, to a tenth, as the UI language's locale writes it ("2.5°" in en, es-419). */
export function formatDegrees(degrees: number, lang: UiLanguage): string {
  const value = new Intl.NumberFormat(LOCALE_TAG[lang], { maximumFractionDigits: 1 }).format(
    degrees,
  );
  return `${value}°`;
}

/** `m:ss` for a countdown; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export interface DateParts {
  local: string;
  utc: string;
}

/** A timestamp in the viewer's time zone and in UTC; null when it does not parse. */
export function formatDateTime(iso: string | number, lang: UiLanguage): DateParts | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const tag = LOCALE_TAG[lang];
  const local = new Intl.DateTimeFormat(tag, {
    dateStyle: 'long',
    timeStyle: 'long',
  }).format(date);
  const utc = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
  return { local, utc: `${utc} UTC` };
}

/** A calendar date as written in the registry (YYYY-MM-DD) without shifting it by time zone. */
export function formatCalendarDate(value: string, lang: UiLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALE_TAG[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}
