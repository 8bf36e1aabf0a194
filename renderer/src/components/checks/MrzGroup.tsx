import type { ReactNode } from 'react';
import type { AnalysisReport, MrzRead } from '../../../../shared/analysis.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Group, Row, unknown } from './parts.tsx';
import type { FindingRegion } from './regions.ts';
import { ShowButton } from './ShowButton.tsx';

/**
 * The machine-readable zone: where it was read, its lines, the reading confidence, each field,
 * every check digit (✓/✗) with the composite, the characters corrected; the zone can be marked.
 */
/** A field or check digit by its name in the reader's language, or as the parser names it. */
function fieldLabel(names: Record<string, string>, key: string): ReactNode {
  return names[key] ?? <code className="mono">{key}</code>;
}

export function MrzGroup({
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
          box: { x: mrz.box.x, y: mrz.box.y, w: mrz.box.width, h: mrz.box.height },
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
