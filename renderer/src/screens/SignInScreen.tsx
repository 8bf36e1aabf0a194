import { useEffect, useState } from 'react';
import { ENVIRONMENTS, type Environment } from '../../../shared/environments.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { CaptureNotice } from '../components/CaptureNotice.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { BrowserIcon, LockIcon } from '../components/icons.tsx';
import { ReceiptCard } from '../components/ReceiptCard.tsx';
import { SignInCheck } from '../components/SignInCheck.tsx';
import { formatCountdown } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import type { AppState, SignInAttempt } from '../state/app-state.ts';
import { useAppState, useController } from '../state/context.tsx';
import '../styles/signin.css';

const selectSignIn = (s: AppState) => s;

/** Choose where to sign in, start the browser sign-in, wait for it, or read why it failed. */
export function SignInScreen({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useI18n();
  const controller = useController();
  const state = useAppState(selectSignIn);
  const { auth, settings, info, signInError, signInStarting, signInAttempt, wipe } = state;
  const [envError, setEnvError] = useState<ErrorInfo | null>(null);
  const pending = signInStarting || auth?.state === 'pending';
  const environment = settings?.environment ?? auth?.environment ?? 'demo';
  const customMissing = environment === 'custom' && !settings?.issuer;
  // The demo backend exists only when idlens runs with it; elsewhere the choice would only fail.
  const choices = ENVIRONMENTS.filter(
    (env) => env !== 'demo' || info === null || info.demoMode || environment === 'demo',
  );

  const chooseEnvironment = async (env: Environment) => {
    setEnvError(await controller.setEnvironment(env));
  };

  const hints: Record<Environment, string> = {
    production: t.env.hintProduction,
    staging: t.env.hintStaging,
    demo: t.env.hintDemo,
    custom: t.env.hintCustom,
  };

  return (
    <main id="main" className="signin" tabIndex={-1}>
      <div className="signin__column">
        {wipe && <ReceiptCard wipe={wipe} onDismiss={() => controller.dismissReceipt()} />}
        <section className="signin__card" aria-labelledby="signin-title">
          <h1 id="signin-title" tabIndex={-1}>
            {t.signIn.title}
          </h1>
          <p className="lead">{t.signIn.lead}</p>
          <p className="signin__promise">
            <LockIcon size={16} />
            <span>{t.signIn.promise}</span>
          </p>

          {pending ? (
            <Waiting
              deadline={auth?.state === 'pending' ? auth.pendingDeadline : undefined}
              starting={!auth || auth.state !== 'pending'}
              attempt={auth?.state === 'pending' ? signInAttempt : null}
            />
          ) : (
            <>
              <fieldset className="env-picker">
                <legend>{t.env.legend}</legend>
                {choices.map((env) => (
                  <label key={env} className="env-option" data-env={env}>
                    <input
                      type="radio"
                      name="environment"
                      value={env}
                      checked={environment === env}
                      onChange={() => void chooseEnvironment(env)}
                    />
                    <span className="env-option__text">
                      <span className="env-option__name">{t.env[env]}</span>
                      <span className="env-option__hint">{hints[env]}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              {envError && <ErrorNotice error={envError} showDetail />}
              {customMissing && (
                <p className="notice" data-tone="warn">
                  {t.env.customMissing}{' '}
                  <button type="button" className="link" onClick={onOpenSettings}>
                    {t.signIn.settings}
                  </button>
                </p>
              )}
              {signInError && (
                <ErrorNotice error={signInError} heading={t.signIn.errorHeading} showDetail>
                  {signInAttempt && CHECK_CODES.has(signInError.code) && (
                    <SignInCheck attempt={signInAttempt} intro={false} />
                  )}
                </ErrorNotice>
              )}
              <div className="signin__actions">
                <button
                  type="button"
                  className="button button--primary button--large"
                  onClick={() => void controller.signIn()}
                  disabled={customMissing || !settings}
                  data-testid="sign-in"
                >
                  {signInError ? t.signIn.tryAgain : t.signIn.button}
                </button>
                <button type="button" className="button button--ghost" onClick={onOpenSettings}>
                  {t.signIn.settings}
                </button>
              </div>
            </>
          )}
        </section>
        {info && <CaptureNotice info={info} />}
      </div>
    </main>
  );
}

/** Failures where the redirect URI or client id may be what the provider refused. */
const CHECK_CODES: ReadonlySet<string> = new Set(['auth_timeout', 'auth_token_rejected']);

function Waiting({
  deadline,
  starting,
  attempt,
}: {
  deadline: number | undefined;
  starting: boolean;
  attempt: SignInAttempt | null;
}) {
  const { t } = useI18n();
  const controller = useController();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="waiting" role="status" aria-live="polite" data-testid="sign-in-waiting">
      <div className="waiting__icon">
        <BrowserIcon />
      </div>
      <h2 id="signin-waiting-title" tabIndex={-1}>
        {starting ? t.signIn.starting : t.signIn.waitingTitle}
      </h2>
      {!starting && <p>{t.signIn.waitingBody}</p>}
      {deadline !== undefined && (
        <p className="waiting__time" aria-live="off">
          {t.signIn.remaining(formatCountdown(deadline - now))}
        </p>
      )}
      <p className="muted small">{t.signIn.waitingHint}</p>
      {attempt && <SignInCheck attempt={attempt} />}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void controller.cancelSignIn()}
      >
        {t.signIn.cancel}
      </button>
    </div>
  );
}
