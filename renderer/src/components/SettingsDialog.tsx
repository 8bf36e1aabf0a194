import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { ENVIRONMENTS, SCOPES, type Environment } from '../../../shared/environments.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { ClientSecretStatus } from '../../../shared/ipc.ts';
import {
  CHECKS_SETTINGS,
  SETTING_RANGES,
  type ChecksSetting,
  type Language,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings.ts';
import { checkConnection } from '../../../shared/endpoint-rules.ts';
import { useI18n } from '../i18n/index.tsx';
import { useController } from '../state/context.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field, TextField } from './Field.tsx';
import { Modal } from './Modal.tsx';
import '../styles/settings.css';

interface Draft {
  environment: Environment;
  issuer: string;
  apiBase: string;
  clientId: string;
  redirectPort: string;
  redirectPath: string;
  scopes: string;
  idleMinutes: string;
  signInTimeoutSeconds: string;
  language: Language;
  singleKeyShortcuts: boolean;
  checks: ChecksSetting;
}

type FieldErrors = Partial<Record<keyof Draft, string>>;

/** The draft values typed as free text (the rest are picked from lists or ticked). */
type TextKey = Exclude<keyof Draft, 'environment' | 'language' | 'singleKeyShortcuts' | 'checks'>;

function toDraft(settings: Settings): Draft {
  return {
    environment: settings.environment,
    issuer: settings.issuer ?? '',
    apiBase: settings.apiBase ?? '',
    clientId: settings.clientId,
    redirectPort: String(settings.redirectPort),
    redirectPath: settings.redirectPath,
    scopes: settings.scopes.join(' '),
    idleMinutes: String(settings.idleMinutes),
    signInTimeoutSeconds: String(settings.signInTimeoutSeconds),
    language: settings.language,
    singleKeyShortcuts: settings.singleKeyShortcuts,
    checks: settings.checks,
  };
}

type Range = (typeof SETTING_RANGES)[keyof typeof SETTING_RANGES];

function wholeNumber(text: string, { min, max }: Range): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Sign-in and privacy settings. Values are checked here for quick feedback, but main is the
 * judge: whatever it refuses comes back as an error and is shown with its explanation.
 */
export function SettingsDialog({
  settings,
  signedIn,
  demoMode,
  onClose,
}: {
  settings: Settings;
  signedIn: boolean;
  /** Whether idlens runs with the demo backend (loopback http and the demo preset allowed). */
  demoMode: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const controller = useController();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };

  /** What a `TextField` needs to show and edit one text value of the draft. */
  const text = (key: TextKey) => ({
    value: draft[key],
    error: errors[key],
    onChange: (value: string) => set(key, value),
  });

  const scopeList = draft.scopes.split(/\s+/).filter(Boolean);
  const details = scopeList.includes(SCOPES.details);
  const toggleDetails = (on: boolean) => {
    const rest = scopeList.filter((s) => s !== SCOPES.details);
    set('scopes', (on ? [...rest, SCOPES.details] : rest).join(' '));
  };

  const buildPatch = (): { patch: SettingsPatch; errors: FieldErrors } => {
    const fieldErrors: FieldErrors = {};
    const patch: SettingsPatch = {};
    const { redirectPort, idleMinutes, signInTimeoutSeconds } = SETTING_RANGES;
    const port = wholeNumber(draft.redirectPort, redirectPort);
    const idle = wholeNumber(draft.idleMinutes, idleMinutes);
    const timeout = wholeNumber(draft.signInTimeoutSeconds, signInTimeoutSeconds);
    if (port === null)
      fieldErrors.redirectPort = t.settings.wholeNumber(redirectPort.min, redirectPort.max);
    if (idle === null)
      fieldErrors.idleMinutes = t.settings.wholeNumber(idleMinutes.min, idleMinutes.max);
    if (timeout === null)
      fieldErrors.signInTimeoutSeconds = t.settings.wholeNumber(
        signInTimeoutSeconds.min,
        signInTimeoutSeconds.max,
      );
    if (draft.issuer && !isWebUrl(draft.issuer)) fieldErrors.issuer = t.settings.urlNeeded;
    if (draft.apiBase && !isWebUrl(draft.apiBase)) fieldErrors.apiBase = t.settings.urlNeeded;
    // The rules main and the CLI apply (shared/endpoint-rules.ts), said in this page's words.
    const connection = checkConnection(
      {
        environment: draft.environment,
        issuer: draft.issuer || undefined,
        apiBase: draft.apiBase || undefined,
      },
      demoMode,
    );
    if (!signedIn && !connection.ok) {
      fieldErrors[connection.field] = t.settings.endpoint[connection.problem];
    }
    if (!draft.clientId.trim()) fieldErrors.clientId = t.settings.required;
    if (scopeList.length === 0) fieldErrors.scopes = t.settings.required;

    if (!signedIn) {
      if (draft.environment !== settings.environment) patch.environment = draft.environment;
      if (draft.issuer !== (settings.issuer ?? '')) patch.issuer = draft.issuer || undefined;
      if (draft.apiBase !== (settings.apiBase ?? '')) patch.apiBase = draft.apiBase || undefined;
      if (draft.clientId.trim() !== settings.clientId) patch.clientId = draft.clientId.trim();
      if (port !== null && port !== settings.redirectPort) patch.redirectPort = port;
      if (draft.redirectPath !== settings.redirectPath) patch.redirectPath = draft.redirectPath;
      if (scopeList.join(' ') !== settings.scopes.join(' ')) patch.scopes = scopeList;
      if (timeout !== null && timeout !== settings.signInTimeoutSeconds)
        patch.signInTimeoutSeconds = timeout;
    }
    if (idle !== null && idle !== settings.idleMinutes) patch.idleMinutes = idle;
    if (draft.language !== settings.language) patch.language = draft.language;
    if (draft.singleKeyShortcuts !== settings.singleKeyShortcuts)
      patch.singleKeyShortcuts = draft.singleKeyShortcuts;
    if (draft.checks !== settings.checks) patch.checks = draft.checks;
    return { patch, errors: fieldErrors };
  };

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { patch, errors: fieldErrors } = buildPatch();
    setErrors(fieldErrors);
    setRefused(null);
    if (Object.keys(fieldErrors).length > 0) return;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    const result = await controller.saveSettings(patch);
    setSaving(false);
    if (result.ok) {
      setDraft(toDraft(result.data));
      setSaved(true);
      onClose();
    } else {
      setRefused(result.error);
    }
  };

  const locked = signedIn;

  return (
    <Modal
      title={t.settings.title}
      onClose={onClose}
      closeLabel={t.settings.cancel}
      className="dialog--wide"
      footer={
        <>
          <span className="dialog__status" role="status">
            {saving ? t.settings.saving : saved ? t.settings.saved : ''}
          </span>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t.settings.cancel}
          </button>
          <button
            type="submit"
            form="settings-form"
            className="button button--primary"
            disabled={saving}
          >
            {t.settings.save}
          </button>
        </>
      }
    >
      <form
        id="settings-form"
        className="settings"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
      >
        {refused && <ErrorNotice error={refused} heading={t.settings.notSaved} showDetail />}
        <fieldset className="settings__group" disabled={locked}>
          <legend>{t.settings.connection}</legend>
          <p className="notice" data-tone="info">
            {locked ? t.settings.lockedWhileSignedIn : t.settings.confirmedOutside}
          </p>
          <Field label={t.env.label} error={errors.environment}>
            {(id, describedBy) => (
              <select
                id={id}
                aria-describedby={describedBy}
                value={draft.environment}
                onChange={(event) => set('environment', event.target.value as Environment)}
              >
                {ENVIRONMENTS.map((env) => (
                  <option key={env} value={env}>
                    {t.env[env]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label={t.settings.issuer}
            help={t.settings.issuerHelp}
            kind="url"
            {...text('issuer')}
          />
          <TextField
            label={t.settings.apiBase}
            help={t.settings.apiBaseHelp}
            kind="url"
            {...text('apiBase')}
          />
          <TextField label={t.settings.clientId} kind="code" {...text('clientId')} />
          <div className="settings__row">
            <TextField
              label={t.settings.redirectPort}
              help={t.settings.redirectPortHelp}
              kind="number"
              {...text('redirectPort')}
            />
            <TextField label={t.settings.redirectPath} kind="path" {...text('redirectPath')} />
          </div>
          <TextField
            label={t.settings.scopes}
            help={t.settings.scopesHelp}
            kind="code"
            {...text('scopes')}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={details}
              onChange={(event) => toggleDetails(event.target.checked)}
            />
            <span>{t.settings.includeDetails}</span>
          </label>
          <TextField
            label={t.settings.signInTimeout}
            kind="number"
            {...text('signInTimeoutSeconds')}
          />
          <SecretField />
        </fieldset>
        <fieldset className="settings__group">
          <legend>{t.settings.privacy}</legend>
          <TextField label={t.settings.idleMinutes} kind="number" {...text('idleMinutes')} />
          <Field label={t.settings.language}>
            {(id, describedBy) => (
              <select
                id={id}
                aria-describedby={describedBy}
                value={draft.language}
                onChange={(event) => set('language', event.target.value as Language)}
              >
                <option value="system">{t.lang.system}</option>
                <option value="en">{t.lang.en}</option>
                <option value="es">{t.lang.es}</option>
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.singleKeyShortcuts}
              onChange={(event) => set('singleKeyShortcuts', event.target.checked)}
              aria-describedby="single-key-help"
            />
            <span>{t.settings.singleKey}</span>
          </label>
          <p id="single-key-help" className="field__help">
            {t.settings.singleKeyHelp}
          </p>
          <ChecksChoice value={draft.checks} onChange={(value) => set('checks', value)} />
        </fieldset>
      </form>
    </Modal>
  );
}

/**
 * "Checks on this computer": documents and faces, documents only, or off — each with what it
 * does, the first saying plainly that comparing faces is biometric processing. Native radios in a
 * named group: Tab reaches the group, the arrow keys move between the choices. Not a connection
 * setting, so it stays changeable while signed in.
 */
function ChecksChoice({
  value,
  onChange,
}: {
  value: ChecksSetting;
  onChange: (value: ChecksSetting) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset
      className="settings__choices"
      aria-describedby={`${id}-when`}
      data-testid="checks-setting"
    >
      <legend>{t.settings.checks}</legend>
      {CHECKS_SETTINGS.map((choice) => (
        <div key={choice} className="settings__choice">
          <label className="check">
            <input
              type="radio"
              name={`${id}-checks`}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
              aria-describedby={`${id}-${choice}`}
            />
            <span>{t.settings.checksChoices[choice]}</span>
          </label>
          <p id={`${id}-${choice}`} className="field__help settings__choice-help">
            {t.settings.checksHelp[choice]}
          </p>
        </div>
      ))}
      <p id={`${id}-when`} className="field__help">
        {t.settings.checksWhen}
      </p>
    </fieldset>
  );
}

type SecretNote = 'saved' | 'cleared' | null;

/**
 * The confidential client's secret: write-only. Typed here, handed to main (which encrypts it
 * with the system keychain), and forgotten by this page; only "stored or not" ever comes back.
 */
function SecretField() {
  const { t } = useI18n();
  const controller = useController();
  const id = useId();
  const [status, setStatus] = useState<ClientSecretStatus | null>(null);
  const [value, setValue] = useState('');
  const [refused, setRefused] = useState<ErrorInfo | null>(null);
  const [note, setNote] = useState<SecretNote>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void controller.secretStatus().then((result) => {
      if (live && result.ok) setStatus(result.data);
    });
    return () => {
      live = false;
    };
  }, [controller]);

  const store = async (secret: string | null) => {
    setBusy(true);
    setRefused(null);
    const result = await controller.setSecret(secret);
    setBusy(false);
    setValue('');
    if (result.ok) {
      setStatus(result.data);
      setNote(secret === null ? 'cleared' : 'saved');
    } else {
      setRefused(result.error);
      setNote(null);
    }
  };

  const unavailable = status !== null && !status.encryptionAvailable;
  return (
    <div className="field secret" data-testid="client-secret">
      <label htmlFor={id}>{t.settings.secret}</label>
      <div className="secret__row">
        <input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          disabled={unavailable || busy}
          aria-describedby={`${id}-help ${id}-status`}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            if (value) void store(value);
          }}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={!value || unavailable || busy}
          onClick={() => void store(value)}
        >
          {t.settings.secretSave}
        </button>
        {status?.hasClientSecret && (
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => void store(null)}
          >
            {t.settings.secretClear}
          </button>
        )}
      </div>
      <p id={`${id}-help`} className="field__help">
        {t.settings.secretHelp}
      </p>
      <p id={`${id}-status`} className="field__help" role="status">
        {note === 'saved'
          ? t.settings.secretSaved
          : note === 'cleared'
            ? t.settings.secretCleared
            : status === null
              ? ''
              : unavailable
                ? t.settings.secretUnavailable
                : status.hasClientSecret
                  ? t.settings.secretStored
                  : t.settings.secretNone}
      </p>
      {refused && <ErrorNotice error={refused} showDetail />}
    </div>
  );
}
