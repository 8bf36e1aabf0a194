import { app, Menu, powerMonitor, protocol, session, type BrowserWindow } from 'electron';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_WORKER_FILE } from '../../core/analysis/process/worker-location.ts';
import { composeApp } from '../../core/compose.ts';
import { APP_SCHEME, VIEWER_PARTITION, chromiumSwitches } from '../../core/security.ts';
import {
  createSessionDir,
  removeSessionDir,
  sweepLeftoverSessionDirs,
} from '../../core/session-dir.ts';
import { appProtocolHandler } from './app-protocol.ts';
import { registerIpc, sendEvent } from './ipc.ts';
import { electronPlatform, isDemoMode } from './platform.ts';
import { createMainWindow, guardSession, guardWebContents } from './window.ts';

/**
 * Lifecycle only: hardening before `ready`, the session folder, the window, IPC, wipes on
 * lock/suspend/close, and a quit that waits for sign-out. What runs is composed in the core
 * (`composeApp`) over the adapter in `platform.ts`.
 */

/** How long quitting waits for the wipe, sign-out and revocation before it goes anyway. */
export const QUIT_SIGN_OUT_LIMIT_MS = 3000;

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'preload.cjs');
/** The analysis process's bundle, built beside main.js (vite.main.config.ts). */
export const ANALYSIS_WORKER_PATH = join(here, BUILT_WORKER_FILE);
const demoMode = isDemoMode(process.argv, process.env);

// --- before ready -------------------------------------------------------------------------------
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
]);
for (const [name, value] of chromiumSwitches()) app.commandLine.appendSwitch(name, value);

// A second instance hands over to the first and leaves before touching any folder: the first
// instance's session folder must not be swept from under it.
const primary = app.requestSingleInstanceLock();
const sessionDir = primary ? createSessionDir(tmpdir()) : '';
if (primary) {
  sweepLeftoverSessionDirs(tmpdir(), sessionDir);
  app.setPath('sessionData', sessionDir);
  app.setPath('crashDumps', join(sessionDir, 'crash'));
  app.setAppLogsPath(join(sessionDir, 'logs'));
}

app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

let win: BrowserWindow | null = null;

async function start(): Promise<void> {
  await app.whenReady();

  const viewer = session.fromPartition(VIEWER_PARTITION, { cache: false });
  if (viewer.storagePath !== null) throw new Error('The viewer session must be in memory.');
  guardSession(viewer);
  guardSession(session.defaultSession);
  // Nothing may use the persistent default session: refuse every request made through it.
  session.defaultSession.webRequest.onBeforeRequest((_details, callback) =>
    callback({ cancel: true }),
  );
  viewer.protocol.handle(APP_SCHEME, appProtocolHandler(rendererRoot));

  const contents = () => win?.webContents ?? null;
  const composed = composeApp(
    electronPlatform({ demoMode, contents, analysisWorker: ANALYSIS_WORKER_PATH }),
  );
  const { services, appInfo } = composed;
  registerIpc(services.handlers, contents);

  // No View menu (reload, zoom, devtools roles): on macOS only the app and edit menus remain.
  Menu.setApplicationMenu(
    process.platform === 'darwin'
      ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }])
      : null,
  );

  win = createMainWindow({
    preloadPath,
    devTools: !app.isPackaged,
    contentProtection: appInfo.contentProtection,
  });
  win.on('close', () => services.wipeInMain('window-close'));
  win.on('closed', () => {
    win = null;
  });

  const requestWipe = (reason: 'lock-screen' | 'suspend') => {
    services.wipeInMain(reason);
    sendEvent(contents(), 'documents:wipeRequested', reason);
  };
  powerMonitor.on('lock-screen', () => requestWipe('lock-screen'));
  powerMonitor.on('suspend', () => requestWipe('suspend'));
  if (!appInfo.lockScreenEvents) {
    // Linux has no lock-screen event: poll the idle state instead.
    const timer = setInterval(() => {
      if (powerMonitor.getSystemIdleState(60) === 'locked') requestWipe('lock-screen');
    }, 15_000);
    app.on('will-quit', () => clearInterval(timer));
  }

  app.on('second-instance', () => {
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());
  // Quitting waits (bounded) for the wipe of main's copies, the sign-out and the revocation of
  // the refresh token, then quits for real — once.
  let shutdown: 'running' | 'done' | null = null;
  app.on('before-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'running') return;
    shutdown = 'running';
    void composed.shutdownWithin(QUIT_SIGN_OUT_LIMIT_MS).then(() => {
      shutdown = 'done';
      app.quit();
    });
  });
  app.on('will-quit', () => {
    void Promise.allSettled([viewer.clearData(), session.defaultSession.clearData()]);
  });
  app.on('quit', () => removeSessionDir(sessionDir));
}

if (primary) {
  start().catch((error: unknown) => {
    process.stderr.write(
      `idlens could not start: ${error instanceof Error ? error.name : 'error'}\n`,
    );
    removeSessionDir(sessionDir);
    app.exit(1);
  });
} else {
  app.exit(0);
}
