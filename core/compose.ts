import { IdlensError } from '../shared/errors.ts';
import type { AppInfo, EventChannel, PayloadOf } from '../shared/ipc.ts';
import { createAnalysisService } from './analysis-service.ts';
import type { AnalysisChannel } from './analysis/process/runner.ts';
import { AuthService } from './auth/auth-service.ts';
import type { ConfirmConnection } from './connection-confirm.ts';
import { createClientSecretStore, type SecretBacking, type SecretCipher } from './client-secret.ts';
import { createDocumentsService } from './documents-service.ts';
import type { LocationInput } from './privacy/locations.ts';
import { privacyReportFor } from './privacy/report.ts';
import { isAllowedExternalUrl } from './security.ts';
import { createMainServices, type MainServices } from './services.ts';
import {
  createSettingsService,
  resolveEndpoints,
  type SettingsBacking,
  type SettingsService,
} from './settings.ts';

/**
 * The one composition of main's Electron-free modules: settings, the client-secret store, sign-in,
 * documents, the privacy report and the IPC handlers over them. The app (through an adapter over
 * Electron), the audits and the UI test stacks all call `composeApp`; only `platform` differs.
 */

/** What the host (Electron, or a test standing in for the OS) provides. */
export interface AppPlatform {
  /** Started with the demo backend (`--demo`): loopback http allowed, the demo by default. */
  demoMode: boolean;
  /** The app's version, as shown in the about line. */
  version: string;
  /** `process.platform` of the OS the app runs on. */
  os: string;
  /** Where the settings are kept (`settings.json` in the user-data folder, in the app). */
  settings: SettingsBacking;
  /** The OS keychain and the file holding its ciphertext; absent where none can be offered. */
  secret?: { cipher: SecretCipher; backing: SecretBacking } | undefined;
  /**
   * `IDLENS_CLIENT_SECRET`, which wins over a stored secret, for the issuer that
   * `IDLENS_CLIENT_SECRET_ISSUER` names or, without it, for a built-in preset's only.
   */
  clientSecretFromEnv?: string | undefined;
  /** `IDLENS_CLIENT_SECRET_ISSUER`: the issuer the environment secret is for. */
  clientSecretIssuerFromEnv?: string | undefined;
  /**
   * Asks the person, outside the page, to confirm a connection or client-secret change that came
   * over IPC (the app: a native message box on the window). Resolves true only on a yes. Absent:
   * such changes are all declined.
   */
  confirmConnection?: ConfirmConnection | undefined;
  /** The OS's language (e.g. `es-HN`), for the confirmation when the settings say "system". */
  systemLanguage?: (() => string) | undefined;
  /** Opens the sign-in page in the system browser; called only with a URL on the issuer. */
  openExternal(url: string): Promise<void>;
  /** Sends a contract event to the window, if there is one. */
  emit<E extends EventChannel>(channel: E, payload: PayloadOf<E>): void;
  /** Ends the renderer process that held the images and starts a fresh one. */
  replaceRenderer(): void;
  /** The folders the privacy report scans (this OS's, or a test's own). */
  folders: LocationInput;
  /** Runs `fn` once an IPC reply has been serialised (main's copy of the images is zeroed then). */
  afterReply?: ((fn: () => void) => void) | undefined;
  /**
   * Starts the analysis process the review-assist checks run in (the app: a `utilityProcess`
   * on the built worker; Node hosts: `workerChannel()`). Absent: no checks, the state stays idle.
   */
  analysisChannel?: (() => AnalysisChannel) | undefined;
  now?: (() => number) | undefined;
}

export interface ComposedApp {
  services: MainServices;
  auth: AuthService;
  settings: SettingsService;
  appInfo: AppInfo;
  /**
   * Wipes main's copies and signs out (revoking the refresh token), but waits at most `limitMs`:
   * quitting must not hang on an issuer that does not answer. Never rejects.
   */
  shutdownWithin(limitMs: number): Promise<'signed-out' | 'timed-out'>;
}

/** What the OS offers this window: capture protection and lock events exist on macOS and Windows. */
export function appInfoFor(platform: Pick<AppPlatform, 'version' | 'os' | 'demoMode'>): AppInfo {
  const { os } = platform;
  const lockEvents = os === 'darwin' || os === 'win32';
  return {
    version: platform.version,
    platform: os === 'darwin' || os === 'win32' || os === 'linux' ? os : 'other',
    contentProtection: lockEvents,
    lockScreenEvents: lockEvents,
    demoMode: platform.demoMode,
  };
}

export function composeApp(platform: AppPlatform): ComposedApp {
  const { demoMode } = platform;
  // Until the user picks one, the environment is the demo in demo mode and production otherwise.
  const settings = createSettingsService(platform.settings, { demoMode });
  const secretStore = platform.secret
    ? createClientSecretStore(platform.secret.cipher, platform.secret.backing)
    : undefined;
  const auth = new AuthService({
    environment: settings.get().environment,
    ...(platform.now ? { now: platform.now } : {}),
    // The sign-in module has checked the URL already; checked again before the OS opens it.
    openExternal: async (url) => {
      const { issuer } = resolveEndpoints(settings.get());
      if (!isAllowedExternalUrl(url, issuer, { allowLoopbackHttp: demoMode })) {
        throw new IdlensError('auth_browser_failed', 'The sign-in page is not on the issuer.');
      }
      await platform.openExternal(url);
    },
  });
  const documents = createDocumentsService({
    auth,
    ...(platform.afterReply ? { afterReply: platform.afterReply } : {}),
  });
  const appInfo = appInfoFor(platform);
  const analysis = createAnalysisService({
    channel: platform.analysisChannel,
    checks: () => settings.get().checks,
    emit: (state) => platform.emit('analysis:changed', state),
    now: platform.now,
  });
  const services = createMainServices({
    analysis,
    settings,
    auth,
    documents,
    demoMode,
    clientSecret: platform.clientSecretFromEnv,
    clientSecretIssuer: platform.clientSecretIssuerFromEnv,
    confirmConnection: platform.confirmConnection,
    systemLanguage: platform.systemLanguage,

    ...(secretStore ? { secretStore } : {}),
    appInfo,
    emit: (channel, payload) => platform.emit(channel, payload),
    replaceRenderer: () => platform.replaceRenderer(),
    privacyReport: (hashes) => privacyReportFor(platform.folders, hashes),
    ...(platform.now ? { now: platform.now } : {}),
  });

  return {
    services,
    auth,
    settings,
    appInfo,
    async shutdownWithin(limitMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<'timed-out'>((resolve) => {
        timer = setTimeout(() => resolve('timed-out'), limitMs);
      });
      const done = services.shutdown().then(
        () => 'signed-out' as const,
        () => 'signed-out' as const,
      );
      try {
        return await Promise.race([done, limit]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
