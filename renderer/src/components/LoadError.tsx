import { SCOPES } from '../../../shared/environments.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import type { AppState } from '../state/app-state.ts';
import { useAppState, useController } from '../state/context.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/** Codes a new sign-in can cure: the token is missing, stale or lacks a scope. */
const SIGN_IN_CODES: ReadonlySet<string> = new Set([
  'auth_required',
  'missing_token',
  'invalid_token',
  'missing_scope',
]);

export type ScopeGap = 'notRequested' | 'withheld' | 'unknown';

/**
 * Why the identity-verification scope is missing: the settings never asked for it, or they did
 * and the consent screen left it out (the granted scopes of the sign-in lack it).
 */
export function scopeGap(requested: readonly string[], granted: readonly string[]): ScopeGap {
  if (!requested.includes(SCOPES.idVerification)) return 'notRequested';
  if (!granted.includes(SCOPES.idVerification)) return 'withheld';
  return 'unknown';
}

const selectScopes = (s: AppState) => s.settings?.scopes;
const selectGranted = (s: AppState) => s.auth?.scopes;

/** The documents could not be loaded: why, and the one action most likely to fix it first. */
export function LoadError({
  error,
  onOpenSettings,
}: {
  error: ErrorInfo;
  onOpenSettings: () => void;
}) {
  const { t } = useI18n();
  const controller = useController();
  const requested = useAppState(selectScopes) ?? [];
  const granted = useAppState(selectGranted) ?? [];
  const signIn = SIGN_IN_CODES.has(error.code);
  const gap = error.code === 'missing_scope' ? scopeGap(requested, granted) : null;
  const signInAgain = () => void controller.signOut().then(() => controller.signIn());
  const retry = () => void controller.loadDocuments();

  return (
    <section aria-labelledby="load-error-title" data-scope-gap={gap ?? undefined}>
      {/* Where focus moves when the load fails; the alert below says it for the eye. */}
      <h1 id="load-error-title" className="visually-hidden" tabIndex={-1}>
        {t.docs.loadErrorTitle}
      </h1>
      <ErrorNotice error={error} heading={t.docs.loadErrorTitle}>
        {gap === 'notRequested' && (
          <div className="notice__explain" data-testid="scope-explain">
            <p className="notice__title">{t.docs.scopeNotRequestedTitle}</p>
            <p>{t.docs.scopeNotRequestedBody(SCOPES.idVerification)}</p>
          </div>
        )}
        {gap === 'withheld' && (
          <div className="notice__explain" data-testid="scope-explain">
            <p className="notice__title">{t.docs.scopeWithheldTitle}</p>
            <p>{t.docs.scopeWithheldBody(SCOPES.idVerification)}</p>
          </div>
        )}
        <div className="notice__buttons">
          {signIn && (
            <button type="button" className="button button--primary" onClick={signInAgain}>
              {t.docs.signInAgain}
            </button>
          )}
          {gap === 'notRequested' && (
            <button type="button" className="button button--secondary" onClick={onOpenSettings}>
              {t.docs.openSettings}
            </button>
          )}
          <button
            type="button"
            className={`button ${signIn ? 'button--ghost' : 'button--primary'}`}
            onClick={retry}
          >
            {t.docs.retry}
          </button>
        </div>
      </ErrorNotice>
    </section>
  );
}
