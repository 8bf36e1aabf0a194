import { useCallback, useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors.ts';
// Loaded on demand (this module is a separate chunk): the explanations come with zod, which the
// main bundle does not need.
import {
  KNOWN_ITEM_EXPLANATIONS,
  type PrivacyEntry,
  type PrivacyReport,
} from '../../../shared/privacy.ts';
import { formatBytes, formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { useController } from '../state/context.tsx';
import { CopyButton } from './CopyButton.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { privacyReportJson, privacyReportText } from './privacy-text.ts';
import { AlertIcon, ShieldIcon } from './icons.tsx';
import { Modal } from './Modal.tsx';
import '../styles/privacy.css';

/** The colour each verdict is shown in. */
const VERDICT_TONE = { clean: 'ok', sensitive: 'danger', unreadable: 'warn' } as const;

/** Entries shown at most; the summary counts them all. */
const MAX_ROWS = 400;

type Load =
  | { status: 'loading' }
  | { status: 'ready'; report: PrivacyReport }
  | { status: 'error'; error: ErrorInfo };

/**
 * The privacy report: what idlens and its browser engine keep on disk, scanned for anything of a
 * person. An auditor's view, reachable from every screen; nothing here leaves the window.
 */
export default function PrivacyDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const controller = useController();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const scan = useCallback(() => {
    setLoad({ status: 'loading' });
    void controller.privacyReport().then((result) => {
      setLoad(
        result.ok
          ? { status: 'ready', report: result.data }
          : { status: 'error', error: result.error },
      );
    });
  }, [controller]);

  useEffect(() => {
    let live = true;
    void controller.privacyReport().then((result) => {
      if (!live) return;
      setLoad(
        result.ok
          ? { status: 'ready', report: result.data }
          : { status: 'error', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [controller]);

  return (
    <Modal
      title={t.privacy.title}
      onClose={onClose}
      closeLabel={t.help.close}
      className="dialog--wide"
      footer={
        <>
          <span className="dialog__status" role="status">
            {load.status === 'loading'
              ? t.privacy.scanning
              : load.status === 'ready'
                ? t.privacy.generated(formatDateTime(load.report.generatedAt, lang)?.local ?? '')
                : ''}
          </span>
          {load.status === 'ready' && (
            <>
              <CopyButton
                text={privacyReportText(load.report, t, lang)}
                label={t.privacy.copyText}
                copied={t.privacy.copied}
                failed={t.privacy.copyFailed}
              >
                {t.privacy.copyText}
              </CopyButton>
              <CopyButton
                text={privacyReportJson(load.report)}
                label={t.privacy.copyJson}
                copied={t.privacy.copied}
                failed={t.privacy.copyFailed}
              >
                {t.privacy.copyJson}
              </CopyButton>
            </>
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={scan}
            disabled={load.status === 'loading'}
          >
            {t.privacy.rescan}
          </button>
        </>
      }
    >
      <p className="muted">{t.privacy.intro}</p>
      {load.status === 'loading' && (
        <p className="privacy__loading">
          <span className="spinner" aria-hidden="true" /> {t.privacy.scanning}
        </p>
      )}
      {load.status === 'error' && <ErrorNotice error={load.error} />}
      {load.status === 'ready' && <Report report={load.report} />}
    </Modal>
  );
}

function Report({ report }: { report: PrivacyReport }) {
  const { t, lang } = useI18n();
  const { summary } = report;
  const known = [...new Set(report.entries.flatMap((e) => (e.known ? [e.known] : [])))];
  return (
    <div className="privacy" data-testid="privacy-report" data-verdict={report.verdict}>
      <div className="verdict" data-tone={VERDICT_TONE[report.verdict]} role="status">
        {report.verdict === 'clean' ? <ShieldIcon size={22} /> : <AlertIcon size={22} />}
        <div>
          <p className="verdict__title">{t.privacy.verdictTitle[report.verdict]}</p>
          <p>{t.privacy.verdictBody[report.verdict]}</p>
        </div>
      </div>
      <dl className="privacy__summary">
        <div>
          <dt>{t.privacy.files}</dt>
          <dd>{summary.files}</dd>
        </div>
        <div>
          <dt>{t.privacy.folders}</dt>
          <dd>{summary.directories}</dd>
        </div>
        <div>
          <dt>{t.privacy.size}</dt>
          <dd>{formatBytes(summary.bytes, lang)}</dd>
        </div>
        <div>
          <dt>{t.privacy.sessionFolders}</dt>
          <dd>{summary.sessionFolders}</dd>
        </div>
        <div>
          <dt>{t.privacy.hashes}</dt>
          <dd>{report.documentHashesChecked}</dd>
        </div>
      </dl>

      <section className="privacy__section">
        <h3 className="section-title">{t.privacy.locations}</h3>
        <ul className="privacy__locations">
          {report.locations.map((loc) => (
            <li key={`${loc.role}:${loc.path}`}>
              <span className="privacy__role">{t.privacy.roles[loc.role]}</span>
              <code className="mono selectable">{loc.path}</code>
              <span className="pill" data-tone={loc.exists ? 'ok' : undefined}>
                {loc.exists ? t.privacy.present : t.privacy.absent}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section className="privacy__section">
        <h3 className="section-title">{t.privacy.entries}</h3>
        {report.entries.length === 0 ? (
          <p className="muted">{t.privacy.nothing}</p>
        ) : (
          <ul className="privacy__entries">
            {report.entries.slice(0, MAX_ROWS).map((entry) => (
              <Entry key={entry.path} entry={entry} />
            ))}
          </ul>
        )}
        {report.entries.length > MAX_ROWS && (
          <p className="muted small">{t.privacy.truncated(report.entries.length - MAX_ROWS)}</p>
        )}
        {report.truncated > 0 && (
          <p className="muted small">{t.privacy.truncated(report.truncated)}</p>
        )}
      </section>

      {known.length > 0 && (
        <section className="privacy__section">
          <dl className="privacy__known">
            {known.map((item) => {
              const text = KNOWN_ITEM_EXPLANATIONS[lang][item];
              return (
                <div key={item}>
                  <dt>{t.privacy.known[item]}</dt>
                  <dd>
                    {text.holds}
                    <br />
                    <span className="muted">
                      {t.privacy.canHold} {text.personal}
                    </span>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}
    </div>
  );
}

function Entry({ entry }: { entry: PrivacyEntry }) {
  const { t, lang } = useI18n();
  const modified = formatDateTime(entry.mtime, lang);
  const kind =
    entry.type === 'directory'
      ? t.privacy.folder
      : entry.type === 'symlink'
        ? t.privacy.link
        : entry.type === 'other'
          ? t.privacy.special[entry.special ?? 'unknown']
          : formatBytes(entry.size, lang);
  return (
    <li
      className="privacy__entry"
      data-verdict={entry.verdict}
      data-tone={entry.verdict === 'sensitive' ? 'danger' : undefined}
    >
      <span className="pill verdict-pill" data-tone={VERDICT_TONE[entry.verdict]}>
        {t.privacy.verdictTitle[entry.verdict]}
      </span>
      <span className="privacy__path">
        <code className="mono selectable" title={entry.path}>
          {entry.relativePath || entry.path}
        </code>
        <span className="muted small">
          {t.privacy.roles[entry.location]}
          {entry.known ? ` · ${t.privacy.known[entry.known]}` : ''}
          {entry.expected ? ` · ${t.privacy.expected}` : ''}
          {modified ? ` · ${t.privacy.modified} ${modified.local}` : ''}
        </span>
        {entry.findings.length > 0 && (
          <span className="privacy__findings">
            {entry.findings.map((f) => `${t.privacy.findings[f.kind]} × ${f.count}`).join(', ')}
          </span>
        )}
        {entry.error && (
          <span className="privacy__findings">{t.privacy.unreadableFile(entry.error)}</span>
        )}
      </span>
      <span className="privacy__size">{kind}</span>
    </li>
  );
}
