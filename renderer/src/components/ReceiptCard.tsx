import { useI18n } from '../i18n/index.tsx';
import { formatBytes, formatDateTime } from '../i18n/format.ts';
import type { WipeState } from '../state/app-state.ts';
import { AlertIcon, CheckIcon } from './icons.tsx';
import '../styles/receipt.css';

/** What a wipe did: how many images, when, why. Shown wherever the person lands afterwards. */
export function ReceiptCard({
  wipe,
  onDismiss,
}: {
  wipe: NonNullable<WipeState>;
  onDismiss: () => void;
}) {
  const { t, lang } = useI18n();
  if (wipe.status === 'wiping') {
    return (
      <section className="receipt receipt--pending" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <p>{t.wipe.wiping}</p>
      </section>
    );
  }
  const { receipt, confirmed } = wipe;
  const when = formatDateTime(receipt.at, lang);
  return (
    <section
      className="receipt"
      data-tone={confirmed ? 'ok' : 'warn'}
      role="status"
      aria-live="polite"
      data-testid="wipe-receipt"
    >
      <div className="receipt__icon">
        {confirmed ? <CheckIcon size={22} /> : <AlertIcon size={22} />}
      </div>
      <div className="receipt__content">
        <h2 id="receipt-title" className="receipt__title" tabIndex={-1}>
          {t.wipe.receiptTitle}
        </h2>
        <p className="receipt__body">{t.wipe.receiptBody(receipt.imagesCleared)}</p>
        <dl className="receipt__facts">
          {when && (
            <div>
              <dt>{t.wipe.whenLabel}</dt>
              <dd>
                <time dateTime={new Date(receipt.at).toISOString()} title={when.utc}>
                  {when.local}
                </time>
              </dd>
            </div>
          )}
          <div>
            <dt>{t.wipe.reasonLabel}</dt>
            <dd>{t.wipe.reasons[receipt.reason]}</dd>
          </div>
        </dl>
        {receipt.bytesZeroed > 0 && (
          <p className="receipt__note">
            {t.wipe.bytesZeroed(formatBytes(receipt.bytesZeroed, lang))}
          </p>
        )}
        <p className="receipt__note">{confirmed ? t.wipe.replaced : t.wipe.unconfirmed}</p>
      </div>
      <button type="button" className="button button--ghost receipt__dismiss" onClick={onDismiss}>
        {t.wipe.dismiss}
      </button>
    </section>
  );
}
