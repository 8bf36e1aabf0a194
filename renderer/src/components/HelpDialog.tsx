import { useI18n } from '../i18n/index.tsx';
import { HELP_SECTIONS } from '../shortcuts.ts';
import { Modal } from './Modal.tsx';
import '../styles/help.css';

/** Every shortcut, plus what idlens does and cannot do for privacy. */
export function HelpDialog({ onClose, singleKeys }: { onClose: () => void; singleKeys: boolean }) {
  const { t } = useI18n();
  return (
    <Modal
      title={t.help.title}
      onClose={onClose}
      closeLabel={t.help.close}
      className="dialog--wide"
    >
      {!singleKeys && (
        <p className="notice" data-tone="info">
          {t.help.singleKeyOff}
        </p>
      )}
      <div className="help-grid">
        {HELP_SECTIONS.map((section) => (
          <section key={section.title} className="help-section">
            <h3 className="section-title">{t.help[section.title]}</h3>
            <dl className="shortcut-list">
              {section.rows.map((row) => (
                <div
                  key={row.label}
                  className={`shortcut${row.single && !singleKeys ? ' shortcut--off' : ''}`}
                >
                  <dt>
                    {row.keys.map((key) => {
                      const cap = typeof key === 'string' ? key : t.help[key.word];
                      return <kbd key={cap}>{cap}</kbd>;
                    })}
                  </dt>
                  <dd>{t.help[row.label]}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="help-grid help-grid--privacy">
        <section className="help-section">
          <h3 className="section-title">{t.help.privacyTitle}</h3>
          <ul>
            <li>{t.help.privacyMemory}</li>
            <li>{t.help.privacyWipe}</li>
          </ul>
        </section>
        <section className="help-section">
          <h3 className="section-title">{t.help.limitsTitle}</h3>
          <ul>
            <li>{t.help.limitCamera}</li>
            <li>{t.help.limitCapture}</li>
            <li>{t.help.limitSwap}</li>
          </ul>
        </section>
      </div>
    </Modal>
  );
}
