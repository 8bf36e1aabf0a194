import type { Language } from '../../../shared/settings.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAppState, useController } from '../state/context.tsx';

const selectLanguage = (s: { settings: { language: Language } | null }) =>
  s.settings?.language ?? 'system';

/** Switches the UI language at once; "system" follows the operating system's language. */
export function LanguageSwitch() {
  const { t } = useI18n();
  const controller = useController();
  const language = useAppState(selectLanguage);
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t.lang.label}</span>
      <select
        value={language}
        onChange={(event) => void controller.setLanguage(event.target.value as Language)}
        aria-label={t.lang.label}
      >
        <option value="system">{t.lang.system}</option>
        <option value="en" lang="en">
          {t.lang.en}
        </option>
        <option value="es" lang="es">
          {t.lang.es}
        </option>
      </select>
    </label>
  );
}
