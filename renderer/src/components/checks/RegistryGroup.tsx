import type { AnalysisReport } from '../../../../shared/analysis.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Group, Row, Unknown, unknown } from './parts.tsx';

/** Each registry field against the document: agrees / differs / cannot tell, both values shown. */
export function RegistryGroup({ report }: { report: AnalysisReport }) {
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
