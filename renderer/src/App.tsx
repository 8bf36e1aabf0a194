import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { CommandProvider, type CommandHandlers } from './commands.tsx';
import { HelpDialog } from './components/HelpDialog.tsx';
import { IdleWarning } from './components/IdleWarning.tsx';
import { SettingsDialog } from './components/SettingsDialog.tsx';
import { TopBar } from './components/TopBar.tsx';
import { I18nProvider, resolveLanguage, systemLanguages, useI18n } from './i18n/index.tsx';
import { LOCALE_TAG } from './i18n/format.ts';
import { DocumentsScreen } from './screens/DocumentsScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { holdsDocuments, type AppState } from './state/app-state.ts';
import { useAppState, useController } from './state/context.tsx';
import { useIdleWipe } from './state/use-idle-wipe.ts';
import { useScreenChange } from './state/use-screen-change.ts';
import type { Announcement } from './state/screen-change.ts';
import type { Dictionary } from './i18n/index.tsx';
import { isTypingTarget, matchShortcut } from './shortcuts.ts';
import './styles/frame.css';

type Dialog = 'help' | 'settings' | 'privacy' | null;

/** A separate chunk, fetched when first opened: it brings the report's explanations (and zod). */
const PrivacyDialog = lazy(() => import('./components/PrivacyDialog.tsx'));

const selectAll = (s: AppState) => s;

export function App() {
  const state = useAppState(selectAll);
  const lang = resolveLanguage(state.settings?.language, systemLanguages());

  useEffect(() => {
    document.documentElement.lang = LOCALE_TAG[lang];
  }, [lang]);

  return (
    <I18nProvider lang={lang}>
      <Shell state={state} />
    </I18nProvider>
  );
}

function Shell({ state }: { state: AppState }) {
  const { t } = useI18n();
  const controller = useController();
  const [dialog, setDialog] = useState<Dialog>(null);
  const commands = useRef<CommandHandlers>({});
  const signedIn = state.auth?.state === 'signedIn';
  const holds = holdsDocuments(state);
  const singleKeys = state.settings?.singleKeyShortcuts ?? true;

  const onIdle = useCallback(() => void controller.wipe('idle'), [controller]);
  const idle = useIdleWipe(holds, state.settings?.idleMinutes ?? 10, onIdle);

  // Closing or reloading the window: clear this page's copies synchronously, tell main.
  useEffect(() => {
    const onHide = () => {
      if (controller.memory.size > 0 || holdsDocuments(controller.store.get())) {
        controller.wipeNow('window-close');
      }
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
    };
  }, [controller]);

  const dialogOpen = dialog !== null || idle.deadline !== null;
  const announcement = useScreenChange(state, dialogOpen);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = matchShortcut(event, { singleKeys, typing: isTypingTarget(event.target) });
      if (!command || command === 'blocked') return;
      if (command === 'help') {
        event.preventDefault();
        setDialog((d) => (d === 'help' ? null : d === null ? 'help' : d));
        return;
      }
      if (event.ctrlKey || event.metaKey) event.preventDefault();
      if (dialogOpen) return;
      if (command === 'wipe') {
        event.preventDefault();
        if (signedIn) void controller.wipe('shortcut');
        return;
      }
      const handler = commands.current[command];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller, singleKeys, dialogOpen, signedIn]);

  if (!state.bridge) {
    return (
      <main className="boot" role="alert">
        <p>{t.app.noBridge}</p>
      </main>
    );
  }

  const screen = !state.auth ? (
    <main className="boot" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <p>{t.app.starting}</p>
    </main>
  ) : signedIn ? (
    <DocumentsScreen onOpenSettings={() => setDialog('settings')} />
  ) : (
    <SignInScreen onOpenSettings={() => setDialog('settings')} />
  );

  return (
    <CommandProvider handlers={commands}>
      <div className="app">
        <a className="skip-link" href="#main">
          {t.app.skipToContent}
        </a>
        <TopBar
          auth={state.auth}
          info={state.info}
          onHelp={() => setDialog('help')}
          onSettings={() => setDialog('settings')}
          onPrivacy={() => setDialog('privacy')}
          onSignOut={signedIn ? () => void controller.signOut() : undefined}
          onWipe={signedIn ? () => void controller.wipe('button') : undefined}
          wipeBusy={state.wipe?.status === 'wiping'}
          wipeQuiet={!holds && controller.memory.size === 0}
          issuer={state.settings?.environment === 'custom' ? state.settings.issuer : undefined}
        />
        {state.info?.demoMode && signedIn && (
          <aside className="ribbon" aria-label={t.app.demoBadge}>
            {t.app.demoRibbon}
          </aside>
        )}
        {state.info?.settingsRepaired && (
          <p className="notice notice--warn" role="status">
            {t.app.settingsRepaired(state.info.settingsRepaired.keptAs)}{' '}
            {t.app.settingsRepairedFields(
              state.info.settingsRepaired.reset.join(', '),
              state.info.settingsRepaired.ignored.join(', '),
            )}
          </p>
        )}
        {screen}
        {dialog === 'privacy' && (
          <Suspense fallback={null}>
            <PrivacyDialog onClose={() => setDialog(null)} />
          </Suspense>
        )}
        {dialog === 'help' && (
          <HelpDialog onClose={() => setDialog(null)} singleKeys={singleKeys} />
        )}
        {dialog === 'settings' && state.settings && (
          <SettingsDialog
            settings={state.settings}
            signedIn={state.auth?.state !== 'signedOut'}
            demoMode={state.info?.demoMode === true}
            onClose={() => setDialog(null)}
          />
        )}
        {idle.deadline !== null && <IdleWarning deadline={idle.deadline} onExtend={idle.extend} />}
        <div
          className="visually-hidden"
          role="status"
          aria-live="polite"
          aria-atomic="true"
          data-testid="announcer"
        >
          {announcement ? announce(t, announcement) : ''}
        </div>
      </div>
    </CommandProvider>
  );
}

/** The shell's live region's words for a screen change. */
function announce(t: Dictionary, a: Announcement): string {
  switch (a.kind) {
    case 'loading':
      return t.announce.loading;
    case 'arrived':
      return t.announce.arrived(a.images);
    case 'loadFailed':
      return t.announce.loadFailed;
    case 'checksDone':
      return t.announce.checksDone;
    case 'checksFailed':
      return t.announce.checksFailed;
    case 'wiped':
      return t.announce.wiped(a.images);
  }
}
