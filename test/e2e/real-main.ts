import type { DemoBackend, Persona } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import type { AuthService } from '../../core/auth/auth-service.ts';
import { composeApp } from '../../core/compose.ts';
import type { Handlers } from '../../core/ipc-dispatch.ts';
import { memoryBacking } from '../../core/settings.ts';
import type { MainServices } from '../../core/services.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Harness } from './harness.ts';

/**
 * The real main-side handlers, composed as the app composes them (`composeApp`), against a demo
 * backend. Only the system browser is stood in for: `openExternal` signs in as the chosen persona
 * through the provider's real login and consent pages, then follows the redirect to the loopback
 * listener, as a user's browser would.
 */
export interface RealMain {
  services: MainServices;
  auth: AuthService;
  /** The persona the next sign-in uses. */
  persona: Persona;
  /** Authorization URLs opened (to assert none reached the renderer). */
  readonly openedUrls: string[];
}

export function realMainHandlers(
  backend: DemoBackend,
  bridge: { emit: Harness['emit']; replaceRenderer: () => void },
  initialPersona: Persona = 'full',
): { handlers: Handlers; main: RealMain } {
  const openedUrls: string[] = [];
  // The app's folders for this run (the privacy report scans them).
  const appRoot = mkdtempSync(join(tmpdir(), 'idlens-e2e-app-'));
  const browser = { persona: initialPersona };
  const composed = composeApp({
    demoMode: true,
    // The person at the keyboard set up this demo backend, and confirms it in main's dialog.
    confirmConnection: () => Promise.resolve(true),
    version: '0.1.0',
    os: 'linux',
    settings: memoryBacking({
      environment: 'custom',
      issuer: backend.issuer,
      apiBase: backend.apiBase,
      clientId: backend.clients.public.clientId,
      scopes: ['openid', 'eprospera:person.id_verification.read', 'eprospera:person.details.read'],
      imageHosts: ['127.0.0.1'],
    }),
    openExternal: async (url) => {
      openedUrls.push(url);
      const callback = await loginWithFetch(url, browser.persona);
      await (await fetch(callback)).text();
    },
    emit: (channel, payload) => void bridge.emit(channel, payload).catch(() => undefined),
    replaceRenderer: bridge.replaceRenderer,
    folders: {
      platform: 'linux',
      env: {},
      homedir: appRoot,
      tmpdir: appRoot,
      userData: join(appRoot, 'idlens'),
    },
  });
  const main: RealMain = {
    services: composed.services,
    auth: composed.auth,
    get persona() {
      return browser.persona;
    },
    set persona(next) {
      browser.persona = next;
    },
    openedUrls,
  };
  return { handlers: composed.services.handlers, main };
}
