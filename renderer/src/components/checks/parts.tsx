import type { ReactNode } from 'react';
import type {
  CannotTell,
  CannotTellDetail,
  CannotTellReason,
} from '../../../../shared/analysis.ts';
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

/** "Cannot tell", and the reason (and its finer detail, if any) in the reader's language. */
export function Unknown({
  reason,
  detail,
}: {
  reason: CannotTellReason | undefined;
  detail?: CannotTellDetail | undefined;
}) {
  const { t } = useI18n();
  return (
    <span className="checks__unknown" data-reason={reason}>
      <span className="pill">{t.checks.cannotTell}</span>{' '}
      {reason && <span className="small">{t.checks.reasons[reason]}</span>}
      {detail && <span className="small"> {t.checks.details[detail]}</span>}
    </span>
  );
}

export const unknown = (c: CannotTell) => <Unknown reason={c.reason} detail={c.detail} />;

export function Verdict({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <span className="pill" data-tone={ok ? 'ok' : 'warn'}>
      {children}
    </span>
  );
}
