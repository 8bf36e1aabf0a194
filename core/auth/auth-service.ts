import { z } from 'zod';
import { IdlensError, isIdlensError, toErrorInfo } from '../../shared/errors.ts';
import type { ErrorCode, ErrorInfo } from '../../shared/errors.ts';
import { DEFAULT_SCOPES, ENVIRONMENTS } from '../../shared/environments.ts';
import type { Environment } from '../../shared/environments.ts';
import type { AuthStatus } from '../../shared/ipc.ts';
import {
  RedirectPathSchema,
  RedirectPortSchema,
  ScopeTokenSchema,
  defaultEnvironment,
} from '../../shared/settings.ts';
import {
  DEFAULT_REDIRECT_PATH,
  DEFAULT_SIGN_IN_TIMEOUT_MS,
  startLoopbackListener,
} from './loopback.ts';
import type { LoopbackListener } from './loopback.ts';
import {
  buildAuthorizationRequestUrl,
  discoverClient,
  exchangeCode,
  newAuthorizationChecks,
  refreshGrant,
  revokeToken,
} from './oauth.ts';
import type { OAuthClient } from './oauth.ts';
import type { IssParameter } from '../connection-confirm.ts';
import { TokenVault } from './token-vault.ts';

/**
 * Sign-in orchestration for main and the CLI: discovery → loopback listener → system browser →
 * callback → code exchange → vault. One attempt at a time: a newer one supersedes the older
 * (which rejects with `auth_superseded`). Status is what the renderer may learn — state, who,
 * scopes, environment, expiry, an error code — never a token, code, verifier or URL.
 */

/**
 * One sign-in's settings. `clientSecret` is for confidential clients only (IDLENS_CLIENT_SECRET or
 * the safeStorage-encrypted store); `scopes` default to openid + the id-verification scope;
 * `resource` is an RFC 8707 resource indicator; `redirectPort` 0 (default) is ephemeral;
 * `redirectPath` defaults to /callback, `timeoutMs` to 5 minutes; `allowInsecureLoopback` allows
 * http:// on 127.0.0.1/localhost/[::1] (demo and tests).
 */
export const SignInConfigSchema = z.object({
  environment: z.enum(ENVIRONMENTS),
  issuer: z.string().min(1).max(2000),
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(2000).optional(),
  scopes: z.array(ScopeTokenSchema).min(1).max(50).readonly().optional(),
  resource: z.url().optional(),
  redirectPort: RedirectPortSchema.optional(),
  redirectPath: RedirectPathSchema.optional(),
  timeoutMs: z
    .int()
    .min(1)
    .max(24 * 3600_000)
    .optional(),
  allowInsecureLoopback: z.boolean().optional(),
});

export type SignInConfig = z.input<typeof SignInConfigSchema>;

/** What the caller may decide in the middle of one sign-in flow. */
export interface SignInHooks {
  /**
   * Called once the provider's discovery document for this flow was read and before anything is
   * sent to it (no pushed request, no browser, no code, no secret); throwing ends the sign-in with
   * that error. The token request then goes to that same document's token endpoint.
   */
  afterDiscovery?(provider: { issParameter: IssParameter }): Promise<void>;
}

export interface AuthServiceDeps {
  /** Opens the URL in the user's browser (Electron: shell.openExternal; CLI: $BROWSER). */
  openExternal(url: string): Promise<void>;
  now?: () => number;
  /** Event lines: never a token, code, verifier, secret or a URL with a query. */
  log?: (line: string) => void;
  /** Environment shown while signed out, before any sign-in. Default: an installed app's. */
  environment?: Environment;
}

export type RevocationOutcome = 'revoked' | 'unsupported' | 'nothing-to-revoke' | 'failed';

export interface SignOutResult {
  status: AuthStatus;
  revocation: RevocationOutcome;
  /** Why revocation failed (it never makes sign-out fail). */
  revocationError?: ErrorCode;
}

interface Session {
  environment: Environment;
  issuerOrigin: string;
  oauth: OAuthClient;
  vault: TokenVault;
}

interface Pending {
  controller: AbortController;
  environment: Environment;
  issuerOrigin: string;
  deadline: number;
  clientId: string;
  /** Set once the loopback listener is up. */
  redirectUri?: string;
}

/**
 * What to check when the provider showed an error page instead of coming back: the two values
 * that must match the client's registration.
 */
export function registrationHint(clientId: string, redirectUri: string | undefined): string {
  const uri = redirectUri ?? 'http://127.0.0.1:<port>/callback';
  return `If the browser showed an error, check that the client id "${clientId}" is registered at the provider and that its registration allows the redirect URI ${uri}.`;
}

type Listener = (status: AuthStatus) => void;

function stringClaim(claims: Readonly<Record<string, unknown>> | undefined, key: string) {
  const value = claims?.[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function originOf(issuer: string): string {
  try {
    return new URL(issuer).origin;
  } catch {
    return '';
  }
}

export class AuthService {
  readonly #deps: AuthServiceDeps;
  readonly #now: () => number;
  readonly #log: (line: string) => void;
  readonly #listeners = new Set<Listener>();
  #session: Session | undefined;
  #pending: Pending | undefined;
  #environment: Environment;
  #issuerOrigin: string | undefined;
  #lastError: ErrorInfo | undefined;

  constructor(deps: AuthServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#log = deps.log ?? (() => {});
    this.#environment = deps.environment ?? defaultEnvironment(false);
  }

  status(): AuthStatus {
    const pending = this.#pending;
    const session = this.#session;
    const base = {
      lastError: this.#lastError ? { ...this.#lastError } : undefined,
    };
    if (pending) {
      return {
        state: 'pending',
        environment: pending.environment,
        issuerOrigin: pending.issuerOrigin || undefined,
        scopes: [],
        pendingDeadline: pending.deadline,
        clientId: pending.clientId,
        ...(pending.redirectUri !== undefined && { redirectUri: pending.redirectUri }),
        ...base,
      };
    }
    if (session && session.vault.signedIn) {
      const claims = session.vault.claims;
      const sub = stringClaim(claims, 'sub');
      return {
        state: 'signedIn',
        environment: session.environment,
        issuerOrigin: session.issuerOrigin,
        user: sub
          ? { sub, name: stringClaim(claims, 'name'), email: stringClaim(claims, 'email') }
          : undefined,
        scopes: session.vault.scopes,
        expiresAt: session.vault.expiresAt,
        ...base,
      };
    }
    return {
      state: 'signedOut',
      environment: this.#environment,
      issuerOrigin: this.#issuerOrigin,
      scopes: [],
      ...base,
    };
  }

  /** Subscribes to status changes; returns an unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    const status = this.status();
    for (const listener of [...this.#listeners]) {
      try {
        listener(status);
      } catch {
        this.#log('auth: a status listener threw');
      }
    }
  }

  grantedScopes(): string[] {
    return this.#session?.vault.signedIn ? this.#session.vault.scopes : [];
  }

  /**
   * Runs one sign-in through the system browser. Resolves with the signed-in status; rejects with
   * an `IdlensError` (auth_superseded when a newer sign-in started, auth_cancelled on cancel(),
   * auth_timeout, auth_denied, auth_*_mismatch, auth_token_rejected, network_error, …).
   */
  async signIn(input: SignInConfig, hooks: SignInHooks = {}): Promise<AuthStatus> {
    const parsed = SignInConfigSchema.safeParse(input);
    if (!parsed.success) {
      throw new IdlensError('config_invalid', 'The sign-in settings are not valid.');
    }
    const config = parsed.data;
    const scopes = config.scopes ?? [...DEFAULT_SCOPES];
    const timeoutMs = config.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;

    this.#pending?.controller.abort(
      new IdlensError('auth_superseded', 'A newer sign-in replaced this one.'),
    );
    const controller = new AbortController();
    const signal = controller.signal;
    const started = this.#now();
    const pending: Pending = {
      controller,
      environment: config.environment,
      issuerOrigin: originOf(config.issuer),
      deadline: started + timeoutMs,
      clientId: config.clientId,
    };
    this.#pending = pending;
    this.#lastError = undefined;
    this.#emit();
    this.#log(`auth: sign-in started (${config.environment})`);

    /** Throws the abort reason once this attempt was cancelled or superseded. */
    const stopIfAborted = (): void => {
      if (!signal.aborted) return;
      const reason: unknown = signal.reason;
      throw reason instanceof IdlensError
        ? reason
        : new IdlensError('auth_cancelled', 'The sign-in was cancelled.');
    };

    let listener: LoopbackListener | undefined;
    try {
      const oauth = await discoverClient({
        issuer: config.issuer,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        allowInsecureLoopback: config.allowInsecureLoopback,
      });
      stopIfAborted();
      this.#log('auth: provider metadata loaded');
      await hooks.afterDiscovery?.({ issParameter: oauth.issParameter });
      stopIfAborted();

      const checks = newAuthorizationChecks(scopes);
      const remaining = Math.max(1, pending.deadline - this.#now());
      listener = await startLoopbackListener({
        expectedState: checks.state,
        port: config.redirectPort ?? 0,
        path: config.redirectPath ?? DEFAULT_REDIRECT_PATH,
        timeoutMs: remaining,
        signal,
        log: this.#log,
      });
      if (this.#pending === pending) {
        pending.redirectUri = listener.redirectUri;
        this.#emit();
      }
      const url = await buildAuthorizationRequestUrl(oauth, checks, {
        redirectUri: listener.redirectUri,
        scopes,
        resource: config.resource,
      });
      stopIfAborted();

      this.#log('auth: opening the system browser');
      try {
        await this.#deps.openExternal(url.href);
      } catch {
        throw new IdlensError('auth_browser_failed', 'The system browser could not be opened.');
      }

      const callbackUrl = await listener.callback;
      stopIfAborted();

      const grant = await exchangeCode(oauth, callbackUrl, checks, {
        redirectUri: listener.redirectUri,
        scopes,
        resource: config.resource,
      });
      stopIfAborted();

      const previous = this.#session;
      const vault: TokenVault = new TokenVault({
        now: this.#now,
        // Only the live session's vault speaks; a retired one clearing itself says nothing.
        onChange: () => {
          if (this.#session?.vault === vault) this.#emit();
        },
      });
      this.#pending = undefined;
      this.#session = {
        environment: config.environment,
        issuerOrigin: oauth.issuer.origin,
        oauth,
        vault,
      };
      this.#environment = config.environment;
      this.#issuerOrigin = oauth.issuer.origin;
      const resource = config.resource;
      vault.store(grant, (refreshToken) => refreshGrant(oauth, refreshToken, resource));
      this.#log('auth: signed in');
      if (previous) void this.#retire(previous);
      return this.status();
    } catch (err) {
      let error = isIdlensError(err)
        ? err
        : new IdlensError('internal', 'An unexpected error occurred during sign-in.');
      if (error.code === 'auth_timeout') {
        error = new IdlensError(
          'auth_timeout',
          `The sign-in was not completed in time. ${registrationHint(config.clientId, pending.redirectUri)}`,
        );
      }
      if (this.#pending === pending) {
        this.#pending = undefined;
        this.#lastError = error.toInfo();
        this.#emit();
      }
      this.#log(`auth: sign-in ended without a session (${error.code})`);
      throw error;
    } finally {
      if (listener) await listener.close();
    }
  }

  /** Cancels a pending sign-in (it rejects with `auth_cancelled`). */
  cancel(): AuthStatus {
    this.#pending?.controller.abort(
      new IdlensError('auth_cancelled', 'The sign-in was cancelled.'),
    );
    return this.status();
  }

  /** An access token for the API, refreshed first when it is about to expire. */
  async getAccessToken(): Promise<string> {
    const session = this.#session;
    if (!session) throw new IdlensError('auth_required', 'Sign in to continue.');
    try {
      return await session.vault.getAccessToken();
    } catch (err) {
      throw this.#afterVaultError(session, err);
    }
  }

  /**
   * For the API client's one retry after `invalid_token`: true when a fresh access token is now
   * held; false when the session cannot be renewed (no refresh token, or it was rejected — then
   * the user is signed out with `auth_required`). Rejects only on network or server failure.
   */
  async refreshAccessToken(): Promise<boolean> {
    const session = this.#session;
    if (!session) return false;
    try {
      return await session.vault.refresh();
    } catch (err) {
      const error = this.#afterVaultError(session, err);
      if (error.code === 'auth_required') return false;
      throw error;
    }
  }

  #afterVaultError(session: Session, err: unknown): IdlensError {
    const error = isIdlensError(err)
      ? err
      : new IdlensError('internal', 'An unexpected error occurred.');
    if (error.code === 'auth_required' && this.#session === session) {
      this.#session = undefined;
      this.#lastError = error.toInfo();
      this.#log('auth: session ended, sign-in required');
      this.#emit();
    }
    return error;
  }

  /** Wipes the tokens and revokes the refresh token where the provider offers revocation. */
  async signOut(): Promise<SignOutResult> {
    this.cancel();
    const session = this.#session;
    this.#session = undefined;
    this.#lastError = undefined;
    if (!session) {
      this.#emit();
      return { status: this.status(), revocation: 'nothing-to-revoke' };
    }
    const refreshToken = session.vault.takeRefreshToken();
    session.vault.clear();
    this.#emit();
    this.#log('auth: signed out');
    const outcome = await this.#revoke(session.oauth, refreshToken);
    return { status: this.status(), ...outcome };
  }

  async #revoke(
    oauth: OAuthClient,
    refreshToken: string | undefined,
  ): Promise<{ revocation: RevocationOutcome; revocationError?: ErrorCode }> {
    if (refreshToken === undefined) return { revocation: 'nothing-to-revoke' };
    if (!oauth.supportsRevocation) return { revocation: 'unsupported' };
    try {
      await revokeToken(oauth, refreshToken, 'refresh_token');
      this.#log('auth: refresh token revoked');
      return { revocation: 'revoked' };
    } catch (err) {
      const code = toErrorInfo(err).code;
      this.#log(`auth: revocation failed (${code})`);
      return { revocation: 'failed', revocationError: code };
    }
  }

  /** A session replaced by a newer sign-in: wipe it and revoke its refresh token, quietly. */
  async #retire(session: Session): Promise<void> {
    const refreshToken = session.vault.takeRefreshToken();
    session.vault.clear();
    await this.#revoke(session.oauth, refreshToken);
  }
}
