import { useI18n } from '../i18n/index.tsx';
import type { SignInAttempt } from '../state/app-state.ts';
import '../styles/signin.css';

/**
 * The redirect URI and client id a sign-in uses, with what to check when the browser shows the
 * provider's error page instead of a sign-in form (an unregistered redirect URI or an unknown
 * client id never reaches this window: it would only wait out the time limit).
 */
export function SignInCheck({
  attempt,
  intro = true,
}: {
  attempt: SignInAttempt;
  intro?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="signin-check" data-testid="sign-in-check">
      {intro && <p className="signin-check__title">{t.signIn.checkTitle}</p>}
      {intro && <p className="signin-check__body">{t.signIn.checkBody}</p>}
      <dl className="signin-check__facts">
        {(
          [
            [t.signIn.redirectUri, attempt.redirectUri, 'redirect-uri'],
            [t.signIn.clientId, attempt.clientId, 'client-id'],
          ] as const
        ).map(([label, value, testId]) => (
          <div key={testId}>
            <dt>{label}</dt>
            <dd>
              <code className="mono selectable" data-testid={testId}>
                {value}
              </code>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
