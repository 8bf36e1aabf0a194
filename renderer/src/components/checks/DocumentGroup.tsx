import type { AnalysisReport } from '../../../../shared/analysis.ts';
import { formatCalendarDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Group, Row, unknown } from './parts.tsx';

/** What the document is: type, issuing country, expiry today and at the session, a missing back. */
export function DocumentGroup({ report }: { report: AnalysisReport }) {
  const { t, lang } = useI18n();
  const doc = report.document;
  if (doc.status === 'cannot_tell') {
    return (
      <Group id="document" title={t.checks.document.heading}>
        {unknown(doc)}
      </Group>
    );
  }
  const { expiry } = doc;
  return (
    <Group id="document" title={t.checks.document.heading}>
      <dl className="facts">
        <Row label={t.checks.document.type}>
          {doc.type ? t.checks.document.types[doc.type] : t.checks.document.typeUnknown}
        </Row>
        <Row label={t.checks.document.country}>
          {doc.issuingCountry ? (
            <>
              {doc.issuingCountry.name && <span>{doc.issuingCountry.name} </span>}
              <code className="mono">{doc.issuingCountry.code}</code>
            </>
          ) : (
            t.checks.document.typeUnknown
          )}
        </Row>
        <Row label={t.checks.document.expiry}>
          {expiry.status === 'known' ? (
            <>
              <span className="checks__line">{formatCalendarDate(expiry.date, lang)}</span>
              <span className="checks__line">
                {t.checks.document.today}:{' '}
                <span className="pill" data-tone={expiry.today === 'valid' ? 'ok' : 'warn'}>
                  {t.checks.expiry[expiry.today]}
                </span>
              </span>
              <span className="checks__line">
                {t.checks.document.atSession}:{' '}
                {typeof expiry.atSession === 'string' ? (
                  <span className="pill" data-tone={expiry.atSession === 'valid' ? 'ok' : 'warn'}>
                    {t.checks.expiry[expiry.atSession]}
                  </span>
                ) : (
                  unknown(expiry.atSession)
                )}
              </span>
            </>
          ) : (
            unknown(expiry)
          )}
        </Row>
        <Row label={t.checks.document.back}>
          {doc.backMissing ? (
            <span data-tone="warn" data-testid="checks-back-missing">
              {t.checks.document.backMissing}
            </span>
          ) : (
            t.checks.document.backFine
          )}
        </Row>
      </dl>
    </Group>
  );
}
