import {
  app,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  type BrowserWindow,
} from 'electron';
import Store from 'electron-store';
import { readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IdlensError } from '../../shared/errors.ts';
import type { Settings } from '../../shared/settings.ts';
import { sendEvent, registerIpc } from './ipc.ts';
import {
  APP_SCHEME,
  VIEWER_PARTITION,
  appAssetPath,
  appResponseHeaders,
  chromiumSwitches,
  contentTypeFor,
  isAllowedExternalUrl,
} from '../../core/security.ts';
import { AuthService } from '../../core/auth/auth-service.ts';
import { createClientSecretStore } from '../../core/client-secret.ts';
import { createDocumentsService } from '../../core/documents-service.ts';
import { privacyReportFor } from '../../core/privacy/report.ts';
import { createMainServices } from '../../core/services.ts';
import {
  createSessionDir,
  removeSessionDir,
  sweepLeftoverSessionDirs,
} from '../../core/session-dir.ts';
import { createSettingsService, resolveEndpoints } from '../../core/settings.ts';
import { createMainWindow, guardSession, guardWebContents } from './window.ts';

/**
 * Lifecycle only: hardening before `ready`, the window, IPC wiring, wipes on lock/suspend/close,
 * and removal of the temporary session folder at quit. Everything else lives in Electron-free
 * modules that take what Electron offers as parameters.
 */

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'preload.cjs');
const demoMode = process.argv.includes('--demo') || process.env['IDLENS_DEMO'] === '1';

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

async function serveBundle(request: Request): Promise<Response> {
  const relative = appAssetPath(request.url);
  if (relative === null || request.method !== 'GET') {
    return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain') });
  }
  const full = normalize(join(rendererRoot, relative));
  if (!full.startsWith(rendererRoot + sep)) {
    return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain') });
  }
  try {
    const body = await readFile(full);
    return new Response(body, {
      headers: appResponseHeaders(contentTypeFor(relative) ?? 'text/plain'),
    });
  } catch {
    return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain') });
  }
}

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
  viewer.protocol.handle(APP_SCHEME, serveBundle);

  const store = new Store<Settings>({ name: 'settings', clearInvalidConfig: false });
  const settings = createSettingsService({
    // Until the user picks one, the environment is the demo in demo mode and production otherwise.
    read: () => ({
      environment: demoMode ? 'demo' : 'production',
      ...(store.store as Record<string, unknown>),
    }),
    write: (value) => {
      store.store = value;
    },
  });

  // The secret lives in its own store file, as ciphertext only.
  const secretFile = new Store<{ clientSecret?: string }>({ name: 'client-secret' });
  const secretStore = createClientSecretStore(
    {
      isStrongEncryptionAvailable: async () =>
        (await safeStorage.isAsyncEncryptionAvailable()) &&
        (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      encryptString: (plain) => safeStorage.encryptStringAsync(plain),
      decryptString: async (cipher) =>
        (await safeStorage.decryptStringAsync(Buffer.from(cipher))).result,
    },
    {
      read: () => secretFile.get('clientSecret'),
      write: (value) => {
        if (value === undefined) secretFile.delete('clientSecret');
        else secretFile.set('clientSecret', value);
      },
    },
  );

  const platform = process.platform;
  const lockEvents = platform === 'darwin' || platform === 'win32';
  const auth = new AuthService({
    // The sign-in module has checked the URL already; main checks again before the OS opens it.
    openExternal: async (url) => {
      const { issuer } = resolveEndpoints(settings.get());
      if (!isAllowedExternalUrl(url, issuer, { allowLoopbackHttp: demoMode })) {
        throw new IdlensError('auth_browser_failed', 'The sign-in page is not on the issuer.');
      }
      await shell.openExternal(url, { activate: true });
    },
  });
  const documents = createDocumentsService({ auth });
  const services = createMainServices({
    settings,
    auth,
    documents,
    demoMode,
    clientSecret: process.env['IDLENS_CLIENT_SECRET'],
    secretStore,
    appInfo: {
      version: app.getVersion(),
      platform:
        platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other',
      contentProtection: lockEvents,
      lockScreenEvents: lockEvents,
      demoMode,
    },
    emit: (channel, payload) => sendEvent(win?.webContents ?? null, channel, payload),
    privacyReport: (hashes) =>
      privacyReportFor(
        {
          platform: process.platform,
          env: process.env,
          homedir: homedir(),
          tmpdir: tmpdir(),
          userData: app.getPath('userData'),
        },
        hashes,
      ),
    replaceRenderer: () => {
      const contents = win?.webContents;
      if (contents === undefined || contents.isDestroyed()) return;
      // Blob data and decoded bitmaps cannot be zeroed from JS: end the process that held them.
      contents.forcefullyCrashRenderer();
      contents.reload();
    },
  });

  registerIpc(services.handlers, () => win?.webContents ?? null);

  // No View menu (reload, zoom, devtools roles): on macOS only the app and edit menus remain.
  Menu.setApplicationMenu(
    process.platform === 'darwin'
      ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }])
      : null,
  );

  win = createMainWindow({ preloadPath, devTools: !app.isPackaged, contentProtection: lockEvents });
  win.on('close', () => services.wipeInMain('window-close'));
  win.on('closed', () => {
    win = null;
  });

  const requestWipe = (reason: 'lock-screen' | 'suspend') => {
    services.wipeInMain(reason);
    sendEvent(win?.webContents ?? null, 'documents:wipeRequested', reason);
  };
  powerMonitor.on('lock-screen', () => requestWipe('lock-screen'));
  powerMonitor.on('suspend', () => requestWipe('suspend'));
  if (!lockEvents) {
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
  // shutdown() wipes main's copies and signs out (revoking the refresh token).
  app.on('before-quit', () => void services.shutdown());
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
