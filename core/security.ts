import { isLoopbackHost } from './net/ip-ranges.ts';

/**
 * The window's security settings as pure functions, so that unit tests pin every one of them and
 * a weakening fails a test. `window.ts` and `main.ts` only apply what these return.
 */

/** The custom scheme the renderer is served from (never `file://`). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Partition name of the window's session: no `persist:` prefix, so Chromium keeps it in memory. */
export const VIEWER_PARTITION = 'idlens-viewer';

export interface HardenedWebPreferences {
  preload: string;
  sandbox: true;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  spellcheck: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  disableBlinkFeatures: string;
  devTools: boolean;
  partition: string;
  enableWebSQL: false;
  autoplayPolicy: 'user-gesture-required';
}

export function hardenedWebPreferences(options: {
  preloadPath: string;
  devTools: boolean;
}): HardenedWebPreferences {
  return {
    preload: options.preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Middle-click would otherwise open links in new windows.
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools,
    partition: VIEWER_PARTITION,
    enableWebSQL: false,
    autoplayPolicy: 'user-gesture-required',
  };
}

/** The Content-Security-Policy sent as a header with every page and asset. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    'img-src blob:',
    "font-src 'self'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every response of the app scheme. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), clipboard-read=(), display-capture=(), usb=(), serial=(), hid=()',
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeFor(path: string): string | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  return CONTENT_TYPES[path.slice(dot).toLowerCase()] ?? null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs of the app's own bundle (compared as parsed origins, not prefixes). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Maps a request on the app scheme to a file path relative to the bundle folder, or null when it
 * must be refused: other hosts, encoded or literal `..`, backslashes, unknown file types.
 */
export function appAssetPath(requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const parsed = new URL(requestUrl);
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.join('/');
  if (contentTypeFor(relative) === null) return null;
  return relative;
}

/**
 * Navigation policy: the window may never leave the bundle. In-bundle navigations are only the
 * reload main itself performs, which does not pass through `will-navigate`.
 */
export function isNavigationAllowed(_url: string): boolean {
  return false;
}

/** An IPC sender is trusted only if it is the main frame of our page on the app origin. */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null): boolean {
  if (frame === null || !frame.isMainFrame) return false;
  return isAppUrl(frame.url);
}

/**
 * `shell.openExternal` is used for one thing only: the authorization URL, which must be on the
 * configured issuer's origin over https (or loopback http in demo mode).
 */
export function isAllowedExternalUrl(
  url: string,
  issuer: string,
  options: { allowLoopbackHttp: boolean },
): boolean {
  const target = parse(url);
  const expected = parse(issuer);
  if (target === null || expected === null) return false;
  if (target.username !== '' || target.password !== '') return false;
  if (target.origin !== expected.origin) return false;
  if (target.protocol === 'https:') return true;
  return (
    target.protocol === 'http:' && options.allowLoopbackHttp && isLoopbackHost(target.hostname)
  );
}

/** Every permission request and check is refused: nothing in idlens needs one. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Chromium switches applied before `ready`. */
export function chromiumSwitches(): ReadonlyArray<readonly [string, string?]> {
  return [
    ['disable-http-cache'],
    ['disk-cache-size', '0'],
    ['disable-background-networking'],
    ['disable-component-update'],
    ['disable-breakpad'],
    ['no-pings'],
    ['disable-features', 'SpareRendererForSitePerProcess,MediaRouter,AutofillServerCommunication'],
  ];
}
