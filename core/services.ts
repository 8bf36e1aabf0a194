import { IdlensError } from '../shared/errors.ts';
import type {
  AppInfo,
  AuthStatus,
  DocumentsResult,
  EventChannel,
  PayloadOf,
  Progress,
  WipeReason,
  WipeReceipt,
} from '../shared/ipc.ts';
import type { PrivacyReport } from '../shared/privacy.ts';
import type { AnalysisService } from './analysis-service.ts';
import type { Handlers } from './ipc-dispatch.ts';
import type { SignInConfig, SignInHooks } from './auth/auth-service.ts';
import type { ClientSecretStore } from './client-secret.ts';
import type { ConfirmConnection } from './connection-confirm.ts';
import { createConnectionGate } from './session/connection.ts';
import { signInConfigFor } from './session/sign-in-config.ts';
import { settingsHandlers } from './handlers/settings-handlers.ts';
import {
  secretBindingFor,
  sessionEndpointsFor,
  type SessionEndpoints,
} from './session/endpoints.ts';
import type { SettingsService } from './settings.ts';

/**
 * What main does for each contract channel, composed from the Electron-free modules. The
 * Electron glue (`main.ts`) and the browser test bridge both call these same handlers.
 */

/** The sign-in module as main uses it. */
export interface AuthPort {
  signIn(config: SignInConfig, hooks?: SignInHooks): Promise<AuthStatus>;
  cancel(): void;
  signOut(): Promise<unknown>;
  status(): AuthStatus;
  onChange(listener: (status: AuthStatus) => void): () => void;
  getAccessToken(): Promise<string>;
  refreshAccessToken(): Promise<boolean>;
  grantedScopes(): string[];
}

export interface DocumentsRequest {
  apiBase: string;
  allowLoopbackHttp: boolean;
  allowedImageHosts: string[] | undefined;
  onProgress(progress: Progress): void;
  /** False once the session this load was started for has ended: no token goes out then. */
  isSessionCurrent?(): boolean;
}

/** The documents module as main uses it: one load, and the holding of what it returned. */
export interface DocumentsPort {
  load(request: DocumentsRequest): Promise<DocumentsResult>;
  /** Zero-fills every byte array main still holds. */
  wipe(): { imagesCleared: number; bytesZeroed: number };
}

export interface MainServicesDeps {
  settings: SettingsService;
  auth: AuthPort;
  documents: DocumentsPort;
  appInfo: AppInfo;
  demoMode: boolean;
  /**
   * `IDLENS_CLIENT_SECRET`, where it wins over a stored secret. It is sent only with the client id
   * in effect at start and only to an issuer the page cannot choose: the one
   * `IDLENS_CLIENT_SECRET_ISSUER` names (`clientSecretIssuer`) or, without it, a built-in
   * preset's — never one read from the settings.
   */
  clientSecret?: string | undefined;
  /** `IDLENS_CLIENT_SECRET_ISSUER`: the only issuer the environment secret is for. */
  clientSecretIssuer?: string | undefined;
  /**
   * The person's confirmation of a connection or client-secret change asked for over IPC, and of
   * a sign-in to a custom issuer not confirmed since start; owned by main (the app: a native
   * dialog). Absent: every such change is declined.
   */
  confirmConnection?: ConfirmConnection | undefined;
  /** The OS's language, for the dialog when the settings say "system". */
  systemLanguage?: (() => string) | undefined;
  /** The encrypted stored secret, where the platform has a keychain. */
  secretStore?: ClientSecretStore;
  emit<E extends EventChannel>(channel: E, payload: PayloadOf<E>): void;
  /** Ends the renderer process that held the images and starts a fresh one. */
  replaceRenderer(): void;
  /** The on-disk report over the app's folders, looking also for these document hashes. */
  privacyReport?(documentHashes: readonly string[]): Promise<PrivacyReport>;
  /** The review-assist checks, started after each load and ended by every wipe. */
  analysis?: AnalysisService;
  now?(): number;
}

export interface MainServices {
  handlers: Handlers;
  /** A wipe started by main (window close, lock, suspend): zero main's copies. */
  wipeInMain(reason: WipeReason): WipeReceipt;
  shutdown(): Promise<void>;
}

export function createMainServices(deps: MainServicesDeps): MainServices {
  const now = (): number => (deps.now ? deps.now() : Date.now());
  let lastWipe: WipeReceipt | null = null;
  let rendererImages = 0;
  /** Hashes of the documents shown this run, so the privacy report can look for them on disk. */
  const shownHashes = new Set<string>();

  /** The endpoints of the open session, fixed when its sign-in started; null when signed out. */
  let bound: SessionEndpoints | null = null;
  let signInAttempts = 0;
  /** Sign-ins between their start and the moment the auth module shows them as pending. */
  let startingSignIns = 0;
  let settingsRepair = deps.settings.repair;
  /** Who decides where sessions connect, and which secret may go where. */
  const gate = createConnectionGate(deps);
  const isLocked = (): boolean => startingSignIns > 0 || deps.auth.status().state !== 'signedOut';

  /** Signed out, the status names where the next sign-in goes: the settings' environment. */
  const presentStatus = (status: AuthStatus): AuthStatus => {
    if (status.state !== 'signedOut') return status;
    const binding = secretBindingFor(deps.settings.get());
    return {
      ...status,
      environment: deps.settings.get().environment,
      issuerOrigin: binding?.issuerOrigin,
    };
  };

  deps.auth.onChange((status) => {
    if (status.state === 'signedOut') {
      bound = null;
      // A session that ended by itself (expired, revoked) ends the checks on its documents too.
      void deps.analysis?.stop();
    }
    deps.emit('auth:changed', presentStatus(status));
  });

  /** Wipes so far: a load that a wipe overtook starts no checks on what it brought. */
  let wipes = 0;
  const wipeInMain = (reason: WipeReason): WipeReceipt => {
    wipes++;
    // The analysis process ends with the images: it held a copy of them and the report on them.
    void deps.analysis?.stop();
    const cleared = deps.documents.wipe();
    // Several triggers often follow one another (sign-out, then the page's own wipe): one that
    // finds nothing since the last wipe repeats that receipt rather than replacing it with zeros.
    if (cleared.imagesCleared === 0 && rendererImages === 0 && lastWipe !== null) {
      return lastWipe;
    }
    const receipt: WipeReceipt = {
      reason,
      imagesCleared: Math.max(cleared.imagesCleared, rendererImages),
      bytesZeroed: cleared.bytesZeroed,
      at: now(),
    };
    rendererImages = 0;
    lastWipe = receipt;
    return receipt;
  };

  const handlers: Handlers = {
    'app:info': () => {
      // The repair of the settings file is told once, to the first page that asks.
      const repaired = settingsRepair;
      settingsRepair = null;
      return repaired === null ? deps.appInfo : { ...deps.appInfo, settingsRepaired: repaired };
    },
    'auth:status': () => presentStatus(deps.auth.status()),
    'auth:signIn': async () => {
      // The endpoints are fixed here, once: the sign-in, and the session it opens, use these.
      const endpoints = sessionEndpointsFor(deps.settings.get(), deps.demoMode);
      const settings = deps.settings.get();
      const hooks = gate.signInHooks(endpoints);
      startingSignIns++;
      let clientSecret: string | undefined;
      try {
        clientSecret = await gate.secretFor(endpoints);
      } finally {
        startingSignIns--;
      }
      const attempt = ++signInAttempts;
      const status = await deps.auth.signIn(
        signInConfigFor(endpoints, clientSecret, {
          scopes: settings.scopes,
          redirectPort: settings.redirectPort,
          redirectPath: settings.redirectPath,
          timeoutMs: settings.signInTimeoutSeconds * 1000,
        }),
        hooks,
      );
      if (attempt === signInAttempts && status.state === 'signedIn') bound = endpoints;
      return presentStatus(status);
    },
    'auth:cancel': () => {
      deps.auth.cancel();
      return presentStatus(deps.auth.status());
    },
    'auth:signOut': async () => {
      wipeInMain('sign-out');
      bound = null;
      await deps.auth.signOut();
      return presentStatus(deps.auth.status());
    },
    'documents:load': async () => {
      const endpoints = bound;
      if (deps.auth.status().state !== 'signedIn' || endpoints === null) {
        throw new IdlensError('auth_required', 'Sign in to load documents.');
      }
      deps.analysis?.prepare();
      const wipesBefore = wipes;
      const result = await deps.documents.load({
        apiBase: endpoints.apiBase,
        allowLoopbackHttp: endpoints.allowLoopbackHttp,
        allowedImageHosts: endpoints.imageHosts,
        onProgress: (progress) => deps.emit('documents:progress', progress),
        isSessionCurrent: () => bound === endpoints,
      });
      const shown = Object.values(result.documents).filter((d) => d !== null);
      rendererImages = shown.length;
      for (const image of shown) shownHashes.add(image.sha256);
      // Takes its own copy now, before main's held copy is zeroed once the reply is sent; not
      // for a load a wipe or a sign-out overtook (its images are not shown).
      if (bound === endpoints && wipes === wipesBefore) deps.analysis?.start(result);
      return result;
    },
    'documents:wipe': (reason) => {
      const receipt = wipeInMain(reason);
      // Answer first, then replace the renderer that held the images.
      setTimeout(() => deps.replaceRenderer(), 0);
      return receipt;
    },
    'documents:lastWipe': () => lastWipe,
    ...settingsHandlers({ ...deps, gate, isLocked }),
    'privacy:report': () => {
      if (deps.privacyReport === undefined) {
        throw new IdlensError('internal', 'No privacy report is available here.');
      }
      return deps.privacyReport([...shownHashes]);
    },
    'analysis:state': () => deps.analysis?.state() ?? { status: 'idle' },
  };

  return {
    handlers,
    wipeInMain,
    async shutdown() {
      wipeInMain('window-close');
      await Promise.all([deps.analysis?.stop(), deps.auth.signOut().catch(() => undefined)]);
    },
  };
}
