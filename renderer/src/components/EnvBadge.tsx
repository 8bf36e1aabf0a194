import { ENVIRONMENT_PRESETS, type Environment } from '../../../shared/environments.ts';
import { useI18n } from '../i18n/index.tsx';
import '../styles/frame.css';

/** Which e-Próspera this window talks to, always visible once chosen. */
export function EnvBadge({
  environment,
  origin,
}: {
  environment: Environment;
  origin?: string | undefined;
}) {
  const { t } = useI18n();
  const name = t.env[environment];
  // The host is always shown: main's issuer origin, or the preset's before main has named one.
  const shown =
    origin ?? (environment === 'custom' ? undefined : ENVIRONMENT_PRESETS[environment].issuer);
  return (
    <span
      className="env-badge"
      data-env={environment}
      role="status"
      aria-label={t.env.badgeLabel(name)}
      title={shown ?? name}
      data-testid="env-badge"
    >
      <span className="env-badge__dot" aria-hidden="true" />
      {name}
      {shown && <span className="env-badge__origin">{hostOf(shown)}</span>}
    </span>
  );
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
