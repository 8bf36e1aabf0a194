import type { ReactNode } from 'react';
import type {
  AnalysisReport,
  AnalysisSlot,
  AnalysisState,
  CannotTell,
  CannotTellReason,
  ImageFindings,
  MrzRead,
} from '../../../../shared/analysis.ts';
import { LOCALE_TAG, formatCalendarDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SLOTS } from '../../state/app-state.ts';
import { FaceFinding } from './FaceFinding.tsx';
import type { FindingRegion } from './regions.ts';
import { ShowButton } from './ShowButton.tsx';
import '../../styles/checks.css';

/**
 * The review-assist checks main ran on the documents shown, in a process on this computer: what
 * the document says (type, country, expiry), its machine-readable zone with every check digit,
 * agreement with the registry, and per image the capture quality and the file's metadata. Every
 * "cannot tell" says why. A finding with a place on an image (the zone, a face) can be marked
 * there. An aid with its evidence, never a verdict.
 */
export function ChecksPanel({
  analysis,
  shown,
  onShow,
}: {
  analysis: AnalysisState;
  /** The key of the finding marked on the image, if any. */
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
}) {
  const { t } = useI18n();
  return (
    <section
      className="panel checks"
      aria-labelledby="checks-heading"
      aria-busy={analysis.status === 'running'}
      data-testid="checks-panel"
      data-status={analysis.status}
    >
      <header className="panel__header">
        <h2 className="section-title" id="checks-heading">
          {t.checks.heading}
        </h2>
      </header>
      <div className="checks__status" role="status" data-testid="checks-status">
        {analysis.status === 'running' && (
          <p className="checks__line">
            <span className="spinner" aria-hidden="true" />
            {t.checks.running}
          </p>
        )}
        {analysis.status === 'idle' && <p className="muted small">{t.checks.idle}</p>}
        {analysis.status === 'failed' && (
          <p data-tone="warn" className="checks__failed">
            {t.checks.failed} {t.checks.failedReasons[analysis.reason]}
          </p>
        )}
        {analysis.status === 'done' && <p className="small">{t.checks.ranHere}</p>}
      </div>
      {analysis.status === 'done' && (
        <Findings report={analysis.report} shown={shown} onShow={onShow} />
      )}
      <p className="muted small">{t.checks.aid}</p>
    </section>
  );
}

function Findings({
  report,
  shown,
  onShow,
}: {
  report: AnalysisReport;
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
}) {
  return (
    <>
      <DocumentGroup report={report} />
      <MrzGroup mrz={report.mrz} shown={shown} onShow={onShow} />
      <RegistryGroup report={report} />
      <QualityGroup report={report} />
      <MetadataGroup report={report} />
      {report.face && <FaceFinding face={report.face} shown={shown} onShow={onShow} />}
    </>
  );
}

function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
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

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Cannot tell", and the reason in the reader's language. */
function Unknown({ reason }: { reason: CannotTellReason | undefined }) {
  const { t } = useI18n();
  return (
    <span className="checks__unknown" data-reason={reason}>
      <span className="pill">{t.checks.cannotTell}</span>{' '}
      {reason && <span className="small">{t.checks.reasons[reason]}</span>}
    </span>
  );
}

const unknown = (c: CannotTell) => <Unknown reason={c.reason} />;

function DocumentGroup({ report }: { report: AnalysisReport }) {
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

/** Check-digit keys as the parser names them, in the order a reader expects. */
function fieldLabel(names: Record<string, string>, key: string): ReactNode {
  return names[key] ?? <code className="mono">{key}</code>;
}

function MrzGroup({
  mrz,
  shown,
  onShow,
}: {
  mrz: AnalysisReport['mrz'];
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
}) {
  const { t } = useI18n();
  if (mrz.status === 'cannot_tell') {
    return (
      <Group id="mrz" title={t.checks.mrz.heading}>
        {unknown(mrz)}
      </Group>
    );
  }
  return (
    <Group id="mrz" title={t.checks.mrz.heading}>
      <MrzRead mrz={mrz} />
      <ShowButton
        region={{
          key: 'mrz',
          slot: mrz.slot,
          box: { x: mrz.box.left, y: mrz.box.top, w: mrz.box.width, h: mrz.box.height },
          label: t.checks.mrz.zone,
          action: t.checks.show,
        }}
        shown={shown}
        onShow={onShow}
      />
    </Group>
  );
}

function MrzRead({ mrz }: { mrz: MrzRead }) {
  const { t } = useI18n();
  const names = t.checks.mrz.fieldNames;
  // Check digits are listed on their own; an optional field left as fillers says nothing.
  const fields = Object.entries(mrz.fields).filter(
    ([key, field]) => !key.endsWith('CheckDigit') && field.raw.replaceAll('<', '') !== '',
  );
  return (
    <>
      <p className="small">{t.checks.mrz.where(mrz.format, t.slots[mrz.slot])}</p>
      <pre
        className="checks__zone mono"
        aria-label={t.checks.mrz.lines}
        data-testid="checks-mrz-lines"
      >
        <code>{mrz.lines.join('\n')}</code>
      </pre>
      <p className="small">{t.checks.mrz.confidence(Math.round(mrz.confidence))}</p>
      <h4 className="checks__subtitle">{t.checks.mrz.fields}</h4>
      <dl className="facts facts--compact">
        {fields.map(([key, field]) => (
          <Row key={key} label={names[key] ?? key}>
            {field.value !== null && field.value !== '' ? (
              <code className="mono">{field.value}</code>
            ) : (
              <span className="muted">
                <code className="mono">{field.raw}</code> ({t.checks.mrz.notParsed})
              </span>
            )}
          </Row>
        ))}
      </dl>
      <h4 className="checks__subtitle">{t.checks.mrz.checkDigits}</h4>
      <ul className="checks__digits" data-testid="checks-digits">
        {Object.entries(mrz.checkDigits).map(([key, ok]) => (
          <li key={key} data-ok={ok}>
            <span aria-hidden="true" className="checks__mark">
              {ok ? '✓' : '✗'}
            </span>{' '}
            {fieldLabel(names, key)}: {ok ? t.checks.mrz.digitHolds : t.checks.mrz.digitFails}
          </li>
        ))}
      </ul>
      <p className="small" data-tone={mrz.checkDigitsValid ? 'ok' : 'warn'}>
        {mrz.checkDigitsValid ? t.checks.mrz.allHold : t.checks.mrz.notAllHold}
      </p>
      <h4 className="checks__subtitle">{t.checks.mrz.corrections}</h4>
      {mrz.corrections.length === 0 ? (
        <p className="small">{t.checks.mrz.noCorrections}</p>
      ) : (
        <ul className="checks__list small">
          {mrz.corrections.map((c) => (
            <li key={`${c.line}:${c.column}`}>
              {t.checks.mrz.correction(c.line + 1, c.column + 1, c.from, c.to)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RegistryGroup({ report }: { report: AnalysisReport }) {
  const { t } = useI18n();
  const { registry } = report;
  if (registry.status === 'cannot_tell') {
    return (
      <Group id="registry" title={t.checks.registry.heading}>
        {unknown(registry)}
      </Group>
    );
  }
  return (
    <Group id="registry" title={t.checks.registry.heading}>
      <ul className="checks__list">
        {registry.items.map((item) => (
          <li key={item.field} className="checks__agreement" data-verdict={item.verdict}>
            <span className="checks__line">
              <strong>{t.checks.registry.fields[item.field]}</strong>
              {item.verdict === 'cannot_tell' ? (
                <Unknown reason={item.reason} />
              ) : (
                <span className="pill" data-tone={item.verdict === 'agrees' ? 'ok' : 'warn'}>
                  {t.checks.registry.verdicts[item.verdict]}
                </span>
              )}
            </span>
            <dl className="facts facts--compact">
              <Row label={t.checks.registry.onDocument}>
                <code className="mono">{item.document ?? t.checks.registry.none}</code>
              </Row>
              <Row label={t.checks.registry.inRegistry}>
                <code className="mono">{item.registry ?? t.checks.registry.none}</code>
              </Row>
            </dl>
          </li>
        ))}
      </ul>
    </Group>
  );
}

function perImage(report: AnalysisReport): [AnalysisSlot, ImageFindings][] {
  return SLOTS.flatMap((slot) => {
    const findings = report.images[slot];
    return findings ? [[slot, findings] as [AnalysisSlot, ImageFindings]] : [];
  });
}

function QualityGroup({ report }: { report: AnalysisReport }) {
  const { t, lang } = useI18n();
  const q = t.checks.quality;
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(LOCALE_TAG[lang], { maximumFractionDigits: digits }).format(value);
  const percent = (value: number) =>
    new Intl.NumberFormat(LOCALE_TAG[lang], { style: 'percent', maximumFractionDigits: 1 }).format(
      value,
    );
  return (
    <Group id="quality" title={q.heading}>
      {perImage(report).map(([slot, { quality }]) => (
        <div key={slot} className="checks__image" data-testid={`checks-quality-${slot}`}>
          <h4 className="checks__subtitle">{t.checks.slotOf(t.slots[slot])}</h4>
          {quality.status === 'cannot_tell' ? (
            unknown(quality)
          ) : (
            <dl className="facts facts--compact">
              <Row label={q.dimensions}>{q.size(quality.width, quality.height)}</Row>
              <Row label={q.sharpness}>
                <Verdict ok={quality.sharpness.verdict === 'sharp'}>
                  {q.sharpnessVerdicts[quality.sharpness.verdict]}
                </Verdict>{' '}
                <span className="small">
                  {q.sharpnessValue(number(quality.sharpness.laplacianVariance))}
                </span>
              </Row>
              <Row label={q.glare}>
                <Verdict ok={quality.glare.verdict === 'none'}>
                  {q.glareVerdicts[quality.glare.verdict]}
                </Verdict>{' '}
                <span className="small">{q.glareValue(percent(quality.glare.glareFraction))}</span>
              </Row>
              <Row label={q.exposure}>
                <Verdict ok={quality.exposure.verdict === 'good'}>
                  {q.exposureVerdicts[quality.exposure.verdict]}
                </Verdict>{' '}
                <span className="small">{q.exposureValue(number(quality.exposure.meanLuma))}</span>
              </Row>
            </dl>
          )}
        </div>
      ))}
    </Group>
  );
}

function Verdict({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <span className="pill" data-tone={ok ? 'ok' : 'warn'}>
      {children}
    </span>
  );
}

function MetadataGroup({ report }: { report: AnalysisReport }) {
  const { t, lang } = useI18n();
  const m = t.checks.metadata;
  return (
    <Group id="metadata" title={m.heading}>
      {perImage(report).map(([slot, { metadata }]) => {
        const taken =
          metadata.status === 'read' && metadata.captureTime
            ? formatDateTime(metadata.captureTime, lang)
            : null;
        return (
          <div key={slot} className="checks__image" data-testid={`checks-metadata-${slot}`}>
            <h4 className="checks__subtitle">{t.checks.slotOf(t.slots[slot])}</h4>
            {metadata.status === 'cannot_tell' ? (
              unknown(metadata)
            ) : (
              <dl className="facts facts--compact">
                <Row label={m.camera}>
                  {metadata.camera ? <code className="mono">{metadata.camera}</code> : m.notInFile}
                </Row>
                <Row label={m.taken}>
                  {taken ? (
                    <>
                      <span className="mono">{taken.utc}</span>
                      {metadata.daysFromSession !== null && (
                        <span className="small">
                          {' '}
                          · {m.daysFromSession(metadata.daysFromSession)}
                        </span>
                      )}
                    </>
                  ) : (
                    m.notInFile
                  )}
                </Row>
                {metadata.software && (
                  <Row label={m.software}>
                    <code className="mono">{metadata.software}</code>
                  </Row>
                )}
                <Row label={m.editor}>
                  {metadata.editedWith ? (
                    <span className="pill" data-tone="warn" data-testid={`checks-editor-${slot}`}>
                      {metadata.editedWith}
                    </span>
                  ) : (
                    m.noEditor
                  )}
                </Row>
                <Row label={m.thumbnail}>
                  <span data-tone={metadata.thumbnail === 'differs' ? 'warn' : undefined}>
                    {m.thumbnails[metadata.thumbnail]}
                  </span>
                </Row>
                <Row label={m.gps}>
                  {metadata.gps ? (
                    <span data-tone="warn" data-testid={`checks-gps-${slot}`}>
                      {m.gpsPresent}
                    </span>
                  ) : (
                    m.gpsAbsent
                  )}
                </Row>
              </dl>
            )}
          </div>
        );
      })}
    </Group>
  );
}
