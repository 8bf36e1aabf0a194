import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appAssetPath,
  appResponseHeaders,
  chromiumSwitches,
  contentSecurityPolicy,
  hardenedWebPreferences,
  isAllowedExternalUrl,
  isAppUrl,
  isNavigationAllowed,
  isTrustedSender,
  permissionDecision,
  VIEWER_PARTITION,
} from '../../../core/security.ts';

describe('webPreferences', () => {
  const prefs = hardenedWebPreferences({ preloadPath: '/app/preload.cjs', devTools: false });

  it('keeps the renderer sandboxed, isolated and without Node', () => {
    expect(prefs).toMatchObject({
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
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('uses an in-memory partition (no persist: prefix)', () => {
    expect(prefs.partition).toBe(VIEWER_PARTITION);
    expect(prefs.partition.startsWith('persist:')).toBe(false);
  });

  it('passes devTools through so packaged builds can turn them off', () => {
    expect(hardenedWebPreferences({ preloadPath: 'p', devTools: true }).devTools).toBe(true);
    expect(prefs.devTools).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const csp = contentSecurityPolicy();
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('denies by default and allows only the app and blob: images', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe('blob:');
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });

  it('never allows inline or eval scripts, data: or remote sources', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|data:|https?:|\*/);
  });

  it('is sent as a header with every bundle response, with nosniff and no-store', () => {
    const headers = appResponseHeaders('text/html');
    expect(headers['Content-Security-Policy']).toBe(csp);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cache-Control']).toBe('no-store');
  });
});

describe('app scheme', () => {
  it('recognises only app://bundle URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://bundle.evil/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(isAppUrl('https://bundle/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('maps requests to bundle files and refuses traversal and unknown types', () => {
    expect(appAssetPath('app://bundle/')).toBe('index.html');
    expect(appAssetPath('app://bundle/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser resolves dot segments and clamps them at the root: it stays in the bundle.
    expect(appAssetPath('app://bundle/assets/%2e%2e/%2e%2e/etc/passwd.js')).toBe('etc/passwd.js');
    expect(appAssetPath('app://bundle/..%2f..%2fsecret.js')).toBeNull();
    expect(appAssetPath('app://bundle/a%5c..%5cb.js')).toBeNull();
    expect(appAssetPath('app://bundle/%00.js')).toBeNull();
    expect(appAssetPath('app://bundle/keys.pem')).toBeNull();
    expect(appAssetPath('app://bundle/%E0%A4%A.js')).toBeNull();
    expect(appAssetPath('app://elsewhere/index.html')).toBeNull();
  });
});

describe('navigation, senders, external URLs, permissions', () => {
  it('refuses every navigation, even to the bundle itself', () => {
    for (const url of [
      APP_ENTRY_URL,
      'https://portal.eprospera.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(isNavigationAllowed(url)).toBe(false);
    }
  });

  it('trusts only the main frame of the bundle', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://bundle.evil/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('opens externally only the issuer over https (loopback http in demo mode)', () => {
    const prod = 'https://portal.eprospera.com';
    const opts = { allowLoopbackHttp: false };
    expect(isAllowedExternalUrl(`${prod}/api/oauth/authorize?x=1`, prod, opts)).toBe(true);
    expect(isAllowedExternalUrl('https://portal.eprospera.com.evil.io/authorize', prod, opts)).toBe(
      false,
    );
    expect(isAllowedExternalUrl('https://user:pw@portal.eprospera.com/authorize', prod, opts)).toBe(
      false,
    );
    expect(isAllowedExternalUrl('http://portal.eprospera.com/authorize', prod, opts)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', prod, opts)).toBe(false);
    const demo = 'http://127.0.0.1:4480';
    expect(isAllowedExternalUrl(`${demo}/api/oauth/authorize`, demo, opts)).toBe(false);
    expect(
      isAllowedExternalUrl(`${demo}/api/oauth/authorize`, demo, { allowLoopbackHttp: true }),
    ).toBe(true);
    expect(
      isAllowedExternalUrl('http://10.0.0.1/authorize', 'http://10.0.0.1', {
        allowLoopbackHttp: true,
      }),
    ).toBe(false);
  });

  it('refuses every permission', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'fullscreen',
      'openExternal',
    ]) {
      expect(permissionDecision(p)).toBe(false);
    }
  });

  it('turns the HTTP cache off before ready', () => {
    const names = chromiumSwitches().map(([name]) => name);
    expect(names).toContain('disable-http-cache');
    expect(chromiumSwitches()).toContainEqual(['disk-cache-size', '0']);
  });
});
