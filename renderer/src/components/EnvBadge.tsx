import type { Environment } from '../../../shared/environments.ts';
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
  return (
    <span
      className="env-badge"
      data-env={environment}
      role="status"
      aria-label={t.env.badgeLabel(name)}
      title={origin ?? name}
      data-testid="env-badge"
    >
      <span className="env-badge__dot" aria-hidden="true" />
      {name}
      {origin && <span className="env-badge__origin">{hostOf(origin)}</span>}
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
