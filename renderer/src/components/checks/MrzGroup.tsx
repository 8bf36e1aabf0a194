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
          box: { x: mrz.box.left, y: mrz.box.top, w: mrz.box.width, h: mrz.box.height },
          label: t.checks.mrz.zone,
          action: t.checks.show,
        }}
        shown={shown}
        onShow={onShow}
      />
      {mrz.document?.found === 'outline' && (
        <ShowButton
          region={{
            key: 'mrz-document',
            slot: mrz.slot,
            box: outlineBox(mrz.document.corners),
            label: t.checks.mrz.capture.document,
            action: `${t.checks.show}: ${t.checks.mrz.capture.document.toLowerCase()}`,
          }}
          shown={shown}
          onShow={onShow}
        />
      )}
    </Group>
  );
}

/** The box round the document's corners (the viewer marks boxes). */
function outlineBox(corners: readonly { x: number; y: number }[]) {
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const x = Math.max(0, Math.min(...xs));
  const y = Math.max(0, Math.min(...ys));
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** Below this confidence (0–100) a character is listed as doubtful. */
const DOUBTFUL = 60;
/** Doubtful characters listed at most (the least certain first). */
const MAX_DOUBTFUL = 6;

/** Where the document was found in the photo, the turn it was read at, its least certain characters. */
function CaptureFacts({ mrz }: { mrz: MrzRead }) {
  const { t } = useI18n();
  const words = t.checks.mrz.capture;
  const doc = mrz.document;
  const doubtful = (mrz.characters ?? [])
    .flatMap((line, l) =>
      line.confidence.map((confidence, c) => ({
        line: l,
        column: c,
        confidence,
        char: mrz.lines[l]?.charAt(c) ?? '',
        runnerUp: line.runnerUp.charAt(c) || '?',
      })),
    )
    .filter((c) => c.confidence < DOUBTFUL)
    .sort((a, b) => a.confidence - b.confidence)
    .slice(0, MAX_DOUBTFUL);
  return (
    <>
      {doc && (
        <div data-testid="checks-mrz-document">
          <p className="small">
            {doc.found === 'outline' ? words.outline(doc.turn, doc.angle) : words.frame(doc.turn)}
          </p>
          {doc.found === 'outline' && (
            <p className="small">
              {words.corners}:{' '}
              <code className="mono">
                {doc.corners.map((p) => `(${Math.round(p.x)}, ${Math.round(p.y)})`).join(' ')}
              </code>
            </p>
          )}
        </div>
      )}
      {mrz.characters && (
        <>
          <h4 className="checks__subtitle">{words.doubtful}</h4>
          {doubtful.length === 0 ? (
            <p className="small">{words.noDoubtful}</p>
          ) : (
            <ul className="checks__list small" data-testid="checks-mrz-doubtful">
              {doubtful.map((c) => (
                <li key={`${c.line}:${c.column}`}>
                  {words.doubtfulChar(c.line + 1, c.column + 1, c.char, c.confidence, c.runnerUp)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
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
          {mrz.corrections.map((c) => {
            const runnerUp = mrz.characters?.[c.line]?.runnerUp.charAt(c.column) ?? '';
            return (
              <li key={`${c.line}:${c.column}`}>
                {t.checks.mrz.correction(c.line + 1, c.column + 1, c.from, c.to)}
                {c.cause && ` (${t.checks.mrz.capture.causes[c.cause]})`}
                {runnerUp !== '' &&
                  runnerUp !== '?' &&
                  `; ${t.checks.mrz.capture.runnerUp(runnerUp)}`}
              </li>
            );
          })}
        </ul>
      )}
      <CaptureFacts mrz={mrz} />
    </>
  );
}
