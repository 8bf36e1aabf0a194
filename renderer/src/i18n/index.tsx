import { createContext, useContext, type ReactNode } from 'react';
import type { Language } from '../../../shared/settings.ts';
import { DICTIONARIES, type Dictionary, type UiLanguage } from '../../../shared/i18n/index.ts';

/** The renderer's side of the catalogue (shared/i18n): the language in use, as React context. */

export { DICTIONARIES, type Dictionary } from '../../../shared/i18n/index.ts';

/** The UI language: the setting when explicit, otherwise the system's (Spanish for any `es-*`). */
export function resolveLanguage(
  setting: Language | undefined,
  systemLanguages: readonly string[],
): UiLanguage {
  if (setting === 'en' || setting === 'es') return setting;
  for (const tag of systemLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'es') return 'es';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

interface I18n {
  lang: UiLanguage;
  t: Dictionary;
}

const I18nContext = createContext<I18n>({ lang: 'en', t: DICTIONARIES.en });

export function I18nProvider({ lang, children }: { lang: UiLanguage; children: ReactNode }) {
  return <I18nContext value={{ lang, t: DICTIONARIES[lang] }}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
