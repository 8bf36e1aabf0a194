import type { AnalysisReport, AnalysisState } from '../../../../shared/analysis.ts';
import { isFaceComparison } from '../../../../shared/face-match.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConsistencyGroup } from './ConsistencyGroup.tsx';
import { DocumentGroup } from './DocumentGroup.tsx';
import { FaceFinding, FaceNotRunFinding } from './FaceFinding.tsx';
import { MetadataGroup, QualityGroup } from './ImageGroups.tsx';
import { MrzGroup } from './MrzGroup.tsx';
import { RegistryGroup } from './RegistryGroup.tsx';
import type { FindingRegion } from './regions.ts';
import '../../styles/checks.css';

/**
 * The review-assist checks main ran on the documents shown, in a process on this computer: what
 * the document says (type, country, expiry), its machine-readable zone with every check digit,
 * agreement with the registry, and per image the capture quality and the file's metadata. Every
 * "cannot tell" says why. A finding with a place on an image (the zone, a face) can be marked
 * there. An aid with its evidence, never a verdict. When the user turned the checks off in
 * Settings, it says so and where to turn them on; with documents only, the face finding says it
 * was not run by that choice.
 */
export function ChecksPanel({
  analysis,
  shown,
  onShow,
  onCompareFaces,
}: {
  analysis: AnalysisState;
  /** The key of the finding marked on the image, if any. */
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
  /** Shows the two faces found side by side; absent when the comparison did not crop both. */
  onCompareFaces?: (() => void) | undefined;
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
        {analysis.status === 'off' && (
          <p className="muted small" data-testid="checks-off">
            {t.checks.off}
          </p>
        )}
        {analysis.status === 'failed' && (
          <p data-tone="warn" className="checks__failed">
            {t.checks.failed} {t.checks.failedReasons[analysis.reason]}
          </p>
        )}
        {analysis.status === 'done' && <p className="small">{t.checks.ranHere}</p>}
      </div>
      {analysis.status === 'done' && (
        <Findings
          report={analysis.report}
          shown={shown}
          onShow={onShow}
          onCompareFaces={onCompareFaces}
        />
      )}
      <p className="muted small">{t.checks.aid}</p>
    </section>
  );
}

function Findings({
  report,
  shown,
  onShow,
  onCompareFaces,
}: {
  report: AnalysisReport;
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
  onCompareFaces: (() => void) | undefined;
}) {
  return (
    <>
      <DocumentGroup report={report} />
      <MrzGroup mrz={report.mrz} shown={shown} onShow={onShow} />
      <ConsistencyGroup report={report} shown={shown} onShow={onShow} />
      <RegistryGroup report={report} />
      <QualityGroup report={report} />
      <MetadataGroup report={report} shown={shown} onShow={onShow} />
      {isFaceComparison(report.face) ? (
        <FaceFinding
          face={report.face}
          shown={shown}
          onShow={onShow}
          onCompareFaces={onCompareFaces}
        />
      ) : (
        report.face && <FaceNotRunFinding reason={report.face.reason} />
      )}
    </>
  );
}
