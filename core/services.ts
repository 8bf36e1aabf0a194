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
import type { Handlers } from './ipc-dispatch.ts';
import type { SignInConfig } from './auth/auth-service.ts';
import type { ClientSecretStore } from './client-secret.ts';
import { resolveEndpoints, type SettingsService } from './settings.ts';

/**
 * What main does for each contract channel, composed from the Electron-free modules. The
 * Electron glue (`main.ts`) and the browser test bridge both call these same handlers.
 */

/** The sign-in module as main uses it. */
export interface AuthPort {
  signIn(config: SignInConfig): Promise<AuthStatus>;
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
  /** `IDLENS_CLIENT_SECRET`, which wins over a stored secret. */
  clientSecret?: string | undefined;
  /** The encrypted stored secret, where the platform has a keychain. */
  secretStore?: ClientSecretStore;
  emit<E extends EventChannel>(channel: E, payload: PayloadOf<E>): void;
  /** Ends the renderer process that held the images and starts a fresh one. */
  replaceRenderer(): void;
  /** The on-disk report over the app's folders, looking also for these document hashes. */
  privacyReport?(documentHashes: readonly string[]): Promise<PrivacyReport>;
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

  deps.auth.onChange((status) => deps.emit('auth:changed', status));

  const wipeInMain = (reason: WipeReason): WipeReceipt => {
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
    'app:info': () => deps.appInfo,
    'auth:status': () => deps.auth.status(),
    'auth:signIn': async () => {
      const settings = deps.settings.get();
      const endpoints = resolveEndpoints(settings);
      if (endpoints.environment === 'demo' && !deps.demoMode) {
        throw new IdlensError(
          'config_invalid',
          'The demo environment is available only when idlens runs with the demo backend.',
        );
      }
      const clientSecret = deps.clientSecret ?? (await deps.secretStore?.reveal());
      return deps.auth.signIn({
        environment: endpoints.environment,
        issuer: endpoints.issuer,
        clientId: settings.clientId,
        ...(clientSecret ? { clientSecret } : {}),
        scopes: settings.scopes,
        redirectPort: settings.redirectPort,
        redirectPath: settings.redirectPath,
        timeoutMs: settings.signInTimeoutSeconds * 1000,
        allowInsecureLoopback: deps.demoMode,
      });
    },
    'auth:cancel': () => {
      deps.auth.cancel();
      return deps.auth.status();
    },
    'auth:signOut': async () => {
      wipeInMain('sign-out');
      await deps.auth.signOut();
      return deps.auth.status();
    },
    'documents:load': async () => {
      if (deps.auth.status().state !== 'signedIn') {
        throw new IdlensError('auth_required', 'Sign in to load documents.');
      }
      const settings = deps.settings.get();
      const { apiBase } = resolveEndpoints(settings);
      const result = await deps.documents.load({
        apiBase,
        allowLoopbackHttp: deps.demoMode,
        // The demo image store is on loopback; outside demo mode only S3 and listed hosts.
        allowedImageHosts: deps.demoMode
          ? [...(settings.imageHosts ?? []), '127.0.0.1']
          : settings.imageHosts,
        onProgress: (progress) => deps.emit('documents:progress', progress),
      });
      const shown = Object.values(result.documents).filter((d) => d !== null);
      rendererImages = shown.length;
      for (const image of shown) shownHashes.add(image.sha256);
      return result;
    },
    'documents:wipe': (reason) => {
      const receipt = wipeInMain(reason);
      // Answer first, then replace the renderer that held the images.
      setTimeout(() => deps.replaceRenderer(), 0);
      return receipt;
    },
    'documents:lastWipe': () => lastWipe,
    'settings:get': () => deps.settings.get(),
    'settings:set': (patch) => deps.settings.set(patch),
    'settings:secretStatus': () =>
      deps.secretStore?.status() ?? { hasClientSecret: false, encryptionAvailable: false },
    'settings:setSecret': (secret) => {
      if (deps.secretStore === undefined) {
        throw new IdlensError('config_invalid', 'A client secret cannot be stored here.');
      }
      return deps.secretStore.set(secret);
    },
    'privacy:report': () => {
      if (deps.privacyReport === undefined) {
        throw new IdlensError('internal', 'No privacy report is available here.');
      }
      return deps.privacyReport([...shownHashes]);
    },
  };

  return {
    handlers,
    wipeInMain,
    async shutdown() {
      wipeInMain('window-close');
      await deps.auth.signOut().catch(() => undefined);
    },
  };
}
