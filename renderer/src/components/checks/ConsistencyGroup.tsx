import type { AnalysisReport, ConsistencyField, SlotRegion } from '../../../../shared/analysis.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Group, Row } from './parts.tsx';
import type { FindingRegion } from './regions.ts';
import { ShowButton } from './ShowButton.tsx';

/**
 * The document against itself: each value the MRZ states beside what the document
 * prints (✓ agrees / ✗ differs / cannot tell, with why), each place markable on its image — the
 * printed value and the zone; whether the front and the back are of one card; per document
 * image, whether it is in colour. An aid with its evidence, never a verdict.
 */

function toBox(r: SlotRegion) {
  return { x: r.left, y: r.top, w: r.width, h: r.height };
}

export function ConsistencyGroup({
  report,
  shown,
  onShow,
}: {
  report: AnalysisReport;
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
}) {
  const { t } = useI18n();
  const c = t.checks.consistency;
  const consistency = report.consistency;
  const tones = (['documentFront', 'documentBack'] as const).flatMap((slot) => {
    const tone = report.images[slot]?.tone;
    return tone ? [{ slot, verdict: tone.verdict }] : [];
  });
  return (
    <Group id="consistency" title={c.heading}>
      {consistency && consistency.fields.length > 0 ? (
        <>
          <p className="small muted">{c.intro}</p>
          <ul className="checks__list">
            {consistency.fields.map((field) => (
              <FieldRow
                key={field.field}
                field={field}
                mrzRegion={consistency.mrzRegion}
                shown={shown}
                onShow={onShow}
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="small" data-testid="consistency-not-compared">
          {c.notCompared} {consistency?.reason && c.reasons[consistency.reason]}
        </p>
      )}
      <dl className="facts facts--compact">
        {consistency && (
          <Row label={c.sides}>
            <span
              data-testid="consistency-sides"
              data-verdict={consistency.sides}
              data-tone={
                consistency.sides === 'different_documents'
                  ? 'warn'
                  : consistency.sides === 'same_document'
                    ? 'ok'
                    : undefined
              }
            >
              {c.sidesVerdicts[consistency.sides]}
            </span>
          </Row>
        )}
        {tones.map(({ slot, verdict }) => (
          <Row key={slot} label={`${c.tone} · ${t.slots[slot]}`}>
            <span
              data-testid={`consistency-tone-${slot}`}
              data-verdict={verdict}
              data-tone={verdict === 'greyscale' ? 'warn' : undefined}
            >
              {c.tones[verdict]}
            </span>
          </Row>
        ))}
      </dl>
    </Group>
  );
}

function FieldRow({
  field,
  mrzRegion,
  shown,
  onShow,
}: {
  field: ConsistencyField;
  mrzRegion: SlotRegion | undefined;
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
}) {
  const { t } = useI18n();
  const c = t.checks.consistency;
  const name = c.fields[field.field];
  return (
    <li
      className="checks__agreement"
      data-verdict={field.verdict}
      data-testid={`consistency-${field.field}`}
    >
      <span className="checks__line">
        <strong>{name}</strong>
        <span
          className="pill"
          data-tone={
            field.verdict === 'agrees' ? 'ok' : field.verdict === 'differs' ? 'warn' : undefined
          }
        >
          {c.verdicts[field.verdict]}
        </span>
        {field.reason && <span className="small">{c.reasons[field.reason]}</span>}
      </span>
      <dl className="facts facts--compact">
        <Row label={c.printed}>
          <code className="mono">{field.printed ?? c.notFound}</code>
        </Row>
        <Row label={c.inMrz}>
          <code className="mono">{field.mrz}</code>
        </Row>
      </dl>
      {field.region && (
        <ShowButton
          region={{
            key: `consistency-${field.field}`,
            slot: field.region.slot,
            box: toBox(field.region),
            label: c.printedMark(name),
            action: c.showPrinted,
          }}
          shown={shown}
          onShow={onShow}
        />
      )}
      {mrzRegion && (
        <ShowButton
          region={{
            key: `consistency-${field.field}-mrz`,
            slot: mrzRegion.slot,
            box: toBox(mrzRegion),
            label: c.mrzMark,
            action: c.showMrz,
          }}
          shown={shown}
          onShow={onShow}
        />
      )}
    </li>
  );
}
