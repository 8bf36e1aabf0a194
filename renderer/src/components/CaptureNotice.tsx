import type { AppInfo } from '../../../shared/ipc.ts';
import { useI18n } from '../i18n/index.tsx';
import { ShieldIcon, ShieldOffIcon } from './icons.tsx';
import '../styles/notices.css';

/** Says plainly whether screenshots and screen sharing can see this window. */
export function CaptureNotice({ info, compact = false }: { info: AppInfo; compact?: boolean }) {
  const { t } = useI18n();
  const on = info.contentProtection;
  const detail = on
    ? t.capture.onDetail
    : info.platform === 'linux'
      ? t.capture.offLinux
      : t.capture.offOther;
  return (
    <div
      className={`capture${compact ? ' capture--compact' : ''}`}
      data-tone={on ? 'ok' : 'warn'}
      title={compact ? detail : undefined}
      data-testid="capture-notice"
    >
      {on ? <ShieldIcon size={16} /> : <ShieldOffIcon size={16} />}
      <span className="capture__label">
        {compact
          ? on
            ? t.capture.onShort
            : t.capture.offShort
          : on
            ? t.capture.on
            : t.capture.off}
      </span>
      {compact ? (
        <span className="visually-hidden">{detail}</span>
      ) : (
        <span className="capture__detail">{detail}</span>
      )}
    </div>
  );
}
