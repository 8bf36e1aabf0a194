import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { formatCountdown } from '../i18n/format.ts';
import { Modal } from './Modal.tsx';

/** The minute's warning before an idle wipe; any key or the button keeps the documents. */
export function IdleWarning({ deadline, onExtend }: { deadline: number; onExtend: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Modal
      title={t.idle.title}
      onClose={onExtend}
      closeLabel={t.idle.extend}
      tone="alert"
      className="dialog--narrow"
    >
      <p>{t.idle.body(formatCountdown(deadline - now))}</p>
      <p className="muted">{t.idle.hint}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onExtend} data-autofocus>
          {t.idle.extend}
        </button>
      </div>
    </Modal>
  );
}
