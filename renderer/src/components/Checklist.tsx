import { useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import '../styles/panel.css';

const ITEMS = ['corners', 'glare', 'legible', 'portrait', 'match', 'sameDocument'] as const;
type Item = (typeof ITEMS)[number];

/** A reviewer's private checklist. React state only: it dies with the documents on a wipe. */
export function Checklist() {
  const { t } = useI18n();
  const [checked, setChecked] = useState<ReadonlySet<Item>>(new Set());
  const toggle = (item: Item) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(item)) next.delete(item);
      else next.add(item);
      return next;
    });
  return (
    <section className="panel" aria-labelledby="checklist-heading">
      <header className="panel__header">
        <h2 className="section-title" id="checklist-heading">
          {t.checklist.heading}
        </h2>
        <span className="muted small">
          {checked.size}/{ITEMS.length}
        </span>
      </header>
      <ul className="checklist">
        {ITEMS.map((item) => (
          <li key={item}>
            <label className="check">
              <input type="checkbox" checked={checked.has(item)} onChange={() => toggle(item)} />
              <span>{t.checklist[item]}</span>
            </label>
          </li>
        ))}
      </ul>
      <p className="muted small">{t.checklist.note}</p>
    </section>
  );
}
