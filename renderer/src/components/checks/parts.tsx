import type { ReactNode } from 'react';
import type { CannotTell, CannotTellReason } from '../../../../shared/analysis.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The pieces every group of the Checks panel is built from. */

export function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      className="checks__group"
      aria-labelledby={`checks-${id}`}
      data-testid={`checks-${id}`}
    >
      <h3 className="checks__title" id={`checks-${id}`}>
        {title}
      </h3>
      {children}
    </section>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Cannot tell", and the reason in the reader's language. */
export function Unknown({ reason }: { reason: CannotTellReason | undefined }) {
  const { t } = useI18n();
  return (
    <span className="checks__unknown" data-reason={reason}>
      <span className="pill">{t.checks.cannotTell}</span>{' '}
      {reason && <span className="small">{t.checks.reasons[reason]}</span>}
    </span>
  );
}

export const unknown = (c: CannotTell) => <Unknown reason={c.reason} />;

export function Verdict({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <span className="pill" data-tone={ok ? 'ok' : 'warn'}>
      {children}
    </span>
  );
}
