import { BrowserWindow, type Session, type WebContents } from 'electron';
import {
  APP_ENTRY_URL,
  hardenedWebPreferences,
  isNavigationAllowed,
  permissionDecision,
} from '../../core/security.ts';
import { allowPageZoom } from './page-zoom.ts';

/**
 * The one window: hardened webPreferences from `security.ts`, content protection where the OS
 * has it, and no way to navigate, open windows, download, or be granted a permission.
 */
export function createMainWindow(options: {
  preloadPath: string;
  devTools: boolean;
  contentProtection: boolean;
}): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'idlens',
    backgroundColor: '#111418',
    webPreferences: {
      ...hardenedWebPreferences({ preloadPath: options.preloadPath, devTools: options.devTools }),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  });
  if (options.contentProtection) win.setContentProtection(true);
  // Pinch zooms the image in the viewer, not the window; the page zooms with Ctrl+Shift +/−/0.
  void win.webContents.setVisualZoomLevelLimits(1, 1);
  allowPageZoom(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Guards for every webContents the app ever creates (applied from `web-contents-created`). */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Session-wide refusals: permissions, downloads, spellchecker. */
export function guardSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerLanguages([]);
}
