import type { AnalysisReport, AnalysisSlot, ImageFindings } from '../../../../shared/analysis.ts';
import { LOCALE_TAG, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SLOTS } from '../../state/app-state.ts';
import { Group, Row, Verdict, unknown } from './parts.tsx';
import type { FindingRegion } from './regions.ts';
import { ShowButton } from './ShowButton.tsx';

/** Per image: the capture quality with its numbers, and what the file's metadata says. */

function perImage(report: AnalysisReport): [AnalysisSlot, ImageFindings][] {
  return SLOTS.flatMap((slot) => {
    const findings = report.images[slot];
    return findings ? [[slot, findings] as [AnalysisSlot, ImageFindings]] : [];
  });
}

export function QualityGroup({ report }: { report: AnalysisReport }) {
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

export function MetadataGroup({
  report,
  shown,
  onShow,
}: {
  report: AnalysisReport;
  shown?: string | null;
  onShow?: (region: FindingRegion | null) => void;
}) {
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
                  {metadata.thumbnailRegion && onShow && slot !== 'face' && (
                    <ShowButton
                      region={{
                        key: `thumbnail-${slot}`,
                        slot,
                        box: {
                          x: metadata.thumbnailRegion.left,
                          y: metadata.thumbnailRegion.top,
                          w: metadata.thumbnailRegion.width,
                          h: metadata.thumbnailRegion.height,
                        },
                        label: t.checks.consistency.thumbnailRegionMark,
                        action: t.checks.consistency.showThumbnailRegion,
                      }}
                      shown={shown ?? null}
                      onShow={onShow}
                    />
                  )}
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
