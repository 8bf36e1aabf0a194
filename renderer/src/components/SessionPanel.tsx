import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import type { LoadedDocuments } from '../state/app-state.ts';
import { CopyButton } from './CopyButton.tsx';
import '../styles/panel.css';

/** The verification session as e-Próspera returned it: id (copyable), provider, date, status. */
export function SessionPanel({ docs }: { docs: LoadedDocuments }) {
  const { t, lang } = useI18n();
  const { session, verified } = docs;
  const date = session.date ? formatDateTime(session.date, lang) : null;

  const status = session.status === 'approved' ? t.session.approved : session.status;

  return (
    <section className="panel" aria-labelledby="session-heading" data-testid="session-panel">
      <header className="panel__header">
        <h2 className="section-title" id="session-heading">
          {t.session.heading}
        </h2>
        <span className="pill" data-tone={verified ? 'ok' : 'warn'}>
          {verified ? t.session.verified : t.session.notVerified}
        </span>
      </header>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t.session.id}</dt>
          <dd>
            {session.id ? (
              <span className="copyable">
                <code className="mono selectable" data-testid="session-id">
                  {session.id}
                </code>
                <CopyButton
                  text={session.id}
                  label={t.session.copyId}
                  copied={t.session.copied}
                  failed={t.session.copyFailed}
                />
              </span>
            ) : (
              <span className="muted">{t.session.notProvided}</span>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t.session.type}</dt>
          <dd>{session.type ?? <span className="muted">{t.session.notProvided}</span>}</dd>
        </div>
        <div className="facts__row">
          <dt>{t.session.date}</dt>
          <dd>
            {date ? (
              <>
                <span className="date-line">
                  <span className="date-line__zone">{t.session.localTime}</span>
                  <time dateTime={session.date ?? undefined}>{date.local}</time>
                </span>
                <span className="date-line">
                  <span className="date-line__zone">{t.session.utc}</span>
                  <span className="mono">{date.utc}</span>
                </span>
              </>
            ) : (
              <span className="muted">{session.date ?? t.session.notProvided}</span>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t.session.status}</dt>
          <dd>{status ?? <span className="muted">{t.session.notProvided}</span>}</dd>
        </div>
      </dl>
    </section>
  );
}
