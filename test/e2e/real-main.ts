import type { DemoBackend, Persona } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { AuthService } from '../../core/auth/auth-service.ts';
import { createDocumentsService } from '../../core/documents-service.ts';
import type { Handlers } from '../../core/ipc-dispatch.ts';
import { createMainServices, type MainServices } from '../../core/services.ts';
import { createSettingsService, memoryBacking } from '../../core/settings.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privacyReportFor } from '../../core/privacy/report.ts';
import type { Harness } from './harness.ts';

/**
 * The real main-side handlers, wired as `electron/main.ts` wires them, against a demo backend.
 * Only the system browser is stood in for: `openExternal` signs in as the chosen persona through
 * the provider's real login and consent pages, then follows the redirect to the loopback
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
  const main = { persona: initialPersona, openedUrls } as RealMain;
  const auth = new AuthService({
    openExternal: async (url) => {
      openedUrls.push(url);
      const callback = await loginWithFetch(url, main.persona);
      await (await fetch(callback)).text();
    },
  });
  const settings = createSettingsService(
    memoryBacking({
      environment: 'custom',
      issuer: backend.issuer,
      apiBase: backend.apiBase,
      clientId: backend.clients.public.clientId,
      scopes: ['openid', 'eprospera:person.id_verification.read', 'eprospera:person.details.read'],
      imageHosts: ['127.0.0.1'],
    }),
  );
  const services = createMainServices({
    settings,
    auth,
    documents: createDocumentsService({ auth }),
    appInfo: {
      version: '0.1.0',
      platform: 'linux',
      contentProtection: false,
      lockScreenEvents: false,
      demoMode: true,
    },
    demoMode: true,
    emit: (channel, payload) => void bridge.emit(channel, payload).catch(() => undefined),
    replaceRenderer: bridge.replaceRenderer,
    privacyReport: (hashes) =>
      privacyReportFor(
        {
          platform: 'linux',
          env: {},
          homedir: appRoot,
          tmpdir: appRoot,
          userData: join(appRoot, 'idlens'),
        },
        hashes,
      ),
  });
  main.services = services;
  main.auth = auth;
  return { handlers: services.handlers, main };
}
