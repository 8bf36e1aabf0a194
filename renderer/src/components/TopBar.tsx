import type { AppInfo, AuthStatus } from '../../../shared/ipc.ts';
import { useI18n } from '../i18n/index.tsx';
import { CaptureNotice } from './CaptureNotice.tsx';
import { EnvBadge } from './EnvBadge.tsx';
import { DiskIcon, GearIcon, KeyboardIcon, SignOutIcon, WipeIcon } from './icons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ToolButton, useShortcutHint } from './ToolButton.tsx';
import '../styles/frame.css';

/** The bar on every screen: who, where (environment badge), capture protection, and the exits. */
export function TopBar({
  auth,
  info,
  onHelp,
  onSettings,
  onPrivacy,
  onSignOut,
  onWipe,
  wipeBusy,
  wipeQuiet = false,
  issuer,
}: {
  auth: AuthStatus | null;
  info: AppInfo | null;
  onHelp: () => void;
  onSettings: () => void;
  onPrivacy: () => void;
  onSignOut?: (() => void) | undefined;
  onWipe?: (() => void) | undefined;
  wipeBusy?: boolean;
  /** Nothing is loaded: the wipe button stays available but does not call for attention. */
  wipeQuiet?: boolean;
  /** The issuer in the settings, named by the badge until main reports the one in use. */
  issuer?: string | undefined;
}) {
  const { t } = useI18n();
  const who = auth?.user?.name ?? auth?.user?.email ?? auth?.user?.sub;
  const wipeKey = useShortcutHint('wipe');
  const wipeTip = wipeQuiet ? t.wipe.buttonIdle : t.wipe.buttonHint;
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="logo" aria-hidden="true">
          <span className="logo__mark" />
        </span>
        <span className="topbar__name">{t.app.name}</span>
        {auth && <EnvBadge environment={auth.environment} origin={auth.issuerOrigin ?? issuer} />}
        {info?.demoMode && (
          <span className="demo-badge" title={t.app.demoRibbon} data-testid="demo-badge">
            {t.app.demoBadge}
          </span>
        )}
      </div>
      <div className="topbar__middle">
        {auth?.state === 'signedIn' && who && (
          <span className="topbar__user" title={t.app.signedInAs(who)}>
            <span className="visually-hidden">{t.app.signedInAs('')}</span>
            {who}
          </span>
        )}
      </div>
      <div className="topbar__actions">
        {info && <CaptureNotice info={info} compact />}
        <LanguageSwitch />
        <ToolButton label={t.privacy.open} onClick={onPrivacy}>
          <DiskIcon />
        </ToolButton>
        <ToolButton label={t.help.open} command="help" onClick={onHelp}>
          <KeyboardIcon />
        </ToolButton>
        <ToolButton label={t.settings.open} onClick={onSettings}>
          <GearIcon />
        </ToolButton>
        {onSignOut && (
          <button type="button" className="button button--ghost" onClick={onSignOut}>
            <SignOutIcon />
            <span>{t.signOut}</span>
          </button>
        )}
        {onWipe && (
          <button
            type="button"
            className={`button ${wipeQuiet ? 'button--ghost' : 'button--danger'}`}
            onClick={onWipe}
            disabled={wipeBusy}
            title={wipeKey ? `${wipeTip} (${wipeKey})` : wipeTip}
            data-quiet={wipeQuiet}
            data-testid="wipe-button"
          >
            <WipeIcon />
            <span>{t.wipe.button}</span>
          </button>
        )}
      </div>
    </header>
  );
}
