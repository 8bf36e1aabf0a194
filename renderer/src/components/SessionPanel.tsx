import { useEffect, useState } from 'react';
import { copyText } from '../clipboard.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import type { LoadedDocuments } from '../state/app-state.ts';
import { CheckIcon, CopyIcon } from './icons.tsx';
import '../styles/panel.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** The verification session as e-Próspera returned it: id (copyable), provider, date, status. */
export function SessionPanel({ docs }: { docs: LoadedDocuments }) {
  const { t, lang } = useI18n();
  const { session, verified } = docs;
  const [copy, setCopy] = useState<CopyState>('idle');
  const date = session.date ? formatDateTime(session.date, lang) : null;

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 4000);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    if (!session.id) return;
    setCopy((await copyText(session.id)) ? 'copied' : 'failed');
  };

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
                <button
                  type="button"
                  className="tool tool--small"
                  onClick={() => void onCopy()}
                  aria-label={t.session.copyId}
                  title={t.session.copyId}
                >
                  {copy === 'copied' ? <CheckIcon size={16} /> : <CopyIcon />}
                </button>
              </span>
            ) : (
              <span className="muted">{t.session.notProvided}</span>
            )}
            <span className="visually-hidden" role="status">
              {copy === 'copied' ? t.session.copied : copy === 'failed' ? t.session.copyFailed : ''}
            </span>
            {copy === 'failed' && <span className="copy-failed">{t.session.copyFailed}</span>}
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
