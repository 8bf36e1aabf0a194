import type { Registry } from '../../../shared/ipc.ts';
import { formatCalendarDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import '../styles/panel.css';

/** Registry data (name, birth, citizenships…) beside the documents, when the scope was granted. */
export function RegistryPanel({ registry }: { registry: Registry | null | undefined }) {
  const { t, lang } = useI18n();
  const rows: [string, string][] = [];
  if (registry) {
    const add = (label: string, value: string | null | undefined) => {
      if (value) rows.push([label, value]);
    };
    add(t.registry.name, registry.name);
    add(t.registry.givenName, registry.givenName);
    add(t.registry.surname, registry.surname);
    add(
      t.registry.dateOfBirth,
      registry.dateOfBirth ? formatCalendarDate(registry.dateOfBirth, lang) : null,
    );
    add(t.registry.sex, registry.sex);
    add(t.registry.countryOfBirth, registry.countryOfBirth);
    add(t.registry.citizenships, registry.citizenships?.join(', '));
    add(t.registry.residentPermitNumber, registry.residentPermitNumber);
    const address = registry.address;
    if (address) {
      add(
        t.registry.address,
        [
          address.line1,
          address.line2,
          address.city,
          address.state,
          address.postalCode,
          address.country,
        ]
          .filter(Boolean)
          .join(', '),
      );
    }
    add(t.registry.phoneNumber, registry.phoneNumber);
  }
  return (
    <section className="panel" aria-labelledby="registry-heading" data-testid="registry-panel">
      <header className="panel__header">
        <h2 className="section-title" id="registry-heading">
          {t.registry.heading}
        </h2>
      </header>
      {registry === undefined ? (
        <p className="muted small">{t.registry.notRequested}</p>
      ) : rows.length === 0 ? (
        <p className="muted small">{t.registry.empty}</p>
      ) : (
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div className="facts__row" key={label}>
              <dt>{label}</dt>
              <dd className="selectable">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
