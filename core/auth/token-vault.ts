import { inspect } from 'node:util';
import { IdlensError, isIdlensError } from '../../shared/errors.ts';

/**
 * The only place tokens live: private fields of one object in main-process memory. Nothing here
 * is written to disk, and the object's JSON and inspect views are redacted so that a careless
 * `console.log(vault)` or `JSON.stringify` shows which tokens exist, never their values.
 *
 * JS strings cannot be zeroed; `clear()` drops every reference so the values become garbage.
 */

/** What a token response leaves in the vault. */
export interface TokenGrant {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Seconds, as in the token response's `expires_in`. */
  expiresIn?: number;
  /** Granted scopes. */
  scopes: readonly string[];
  /** The ID token's claims (already validated by the OAuth client). */
  claims?: Readonly<Record<string, unknown>>;
}

/** Runs the refresh-token grant; must throw `IdlensError('auth_token_rejected')` on invalid_grant. */
export type Refresher = (refreshToken: string) => Promise<TokenGrant>;

export interface TokenVaultOptions {
  now?: () => number;
  /** Refresh this long before expiry (capped at half the token's lifetime). Default 60 s. */
  refreshSkewMs?: number;
  /** Called after every store, refresh and clear. */
  onChange?: () => void;
}

export interface VaultSnapshot {
  hasAccessToken: boolean;
  hasRefreshToken: boolean;
  hasIdToken: boolean;
  expiresAt?: number;
  scopes: string[];
}

export class TokenVault {
  #accessToken: string | undefined;
  #refreshToken: string | undefined;
  #idToken: string | undefined;
  #claims: Readonly<Record<string, unknown>> | undefined;
  #scopes: string[] = [];
  #issuedAt: number | undefined;
  #expiresAt: number | undefined;
  #refresher: Refresher | undefined;
  #inflight: Promise<boolean> | undefined;
  #generation = 0;
  readonly #now: () => number;
  readonly #skewMs: number;
  readonly #onChange: () => void;

  constructor(options: TokenVaultOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#skewMs = options.refreshSkewMs ?? 60_000;
    this.#onChange = options.onChange ?? (() => {});
  }

  /** Replaces whatever is held with a fresh grant (after sign-in). */
  store(grant: TokenGrant, refresher?: Refresher): void {
    this.#generation += 1;
    this.#inflight = undefined;
    this.#refresher = refresher;
    this.#apply(grant, true);
    this.#onChange();
  }

  #apply(grant: TokenGrant, replaceAll: boolean): void {
    const now = this.#now();
    this.#accessToken = grant.accessToken;
    // Rotation: a new refresh token replaces the old one, which is dropped. A response without
    // one keeps the current one (providers that do not rotate).
    if (grant.refreshToken !== undefined) this.#refreshToken = grant.refreshToken;
    else if (replaceAll) this.#refreshToken = undefined;
    if (grant.idToken !== undefined) {
      this.#idToken = grant.idToken;
      this.#claims = grant.claims;
    } else if (replaceAll) {
      this.#idToken = undefined;
      this.#claims = undefined;
    }
    if (grant.scopes.length > 0 || replaceAll) this.#scopes = [...grant.scopes];
    this.#issuedAt = now;
    this.#expiresAt =
      typeof grant.expiresIn === 'number' && Number.isFinite(grant.expiresIn)
        ? now + Math.max(0, grant.expiresIn) * 1000
        : undefined;
  }

  get signedIn(): boolean {
    return this.#accessToken !== undefined;
  }

  get expiresAt(): number | undefined {
    return this.#expiresAt;
  }

  get scopes(): string[] {
    return [...this.#scopes];
  }

  get hasRefreshToken(): boolean {
    return this.#refreshToken !== undefined;
  }

  /** The ID token's claims (not the token). */
  get claims(): Readonly<Record<string, unknown>> | undefined {
    return this.#claims;
  }

  /** True when the access token is expired or within the refresh margin. */
  needsRefresh(): boolean {
    if (this.#expiresAt === undefined || this.#issuedAt === undefined) return false;
    const lifetime = this.#expiresAt - this.#issuedAt;
    const skew = Math.min(this.#skewMs, lifetime / 2);
    return this.#now() >= this.#expiresAt - skew;
  }

  isExpired(): boolean {
    return this.#expiresAt !== undefined && this.#now() >= this.#expiresAt;
  }

  /**
   * A usable access token: refreshed first when it is expired or about to expire and a refresh
   * token exists. Throws `auth_required` when there is none (or it expired and cannot be renewed).
   */
  async getAccessToken(): Promise<string> {
    if (this.#accessToken === undefined) {
      throw new IdlensError('auth_required', 'Sign in to continue.');
    }
    if (this.needsRefresh()) {
      if (this.#refreshToken !== undefined && this.#refresher !== undefined) {
        await this.refresh();
      } else if (this.isExpired()) {
        this.clear();
        throw new IdlensError('auth_required', 'The session expired. Sign in again.');
      }
    }
    // A refresh may have cleared the vault meanwhile.
    const token = this.#currentAccessToken();
    if (token === undefined) throw new IdlensError('auth_required', 'Sign in to continue.');
    return token;
  }

  #currentAccessToken(): string | undefined {
    return this.#accessToken;
  }

  /**
   * Uses the refresh token once. Concurrent callers share one request (a rotated refresh token
   * must never be sent twice). Resolves false when there is nothing to refresh with. A rejected
   * refresh token clears the vault and throws `auth_required`; a network failure keeps the
   * tokens and rethrows.
   */
  refresh(): Promise<boolean> {
    if (this.#inflight) return this.#inflight;
    const refreshToken = this.#refreshToken;
    const refresher = this.#refresher;
    if (refreshToken === undefined || refresher === undefined) return Promise.resolve(false);
    const generation = this.#generation;
    const run = (async () => {
      try {
        const grant = await refresher(refreshToken);
        // A sign-out or a new sign-in while the request was out wins over its result.
        if (generation !== this.#generation) return false;
        this.#apply(grant, false);
        this.#onChange();
        return true;
      } catch (err) {
        if (generation !== this.#generation) return false;
        if (isIdlensError(err) && err.code === 'auth_token_rejected') {
          this.clear();
          throw new IdlensError('auth_required', 'The session ended. Sign in again.');
        }
        throw err;
      } finally {
        if (generation === this.#generation) this.#inflight = undefined;
      }
    })();
    this.#inflight = run;
    return run;
  }

  /** Hands the refresh token out once (for revocation at sign-out) and forgets it. */
  takeRefreshToken(): string | undefined {
    const token = this.#refreshToken;
    this.#refreshToken = undefined;
    return token;
  }

  /** Drops every token and claim. */
  clear(): void {
    const had = this.#accessToken !== undefined || this.#refreshToken !== undefined;
    this.#generation += 1;
    this.#accessToken = undefined;
    this.#refreshToken = undefined;
    this.#idToken = undefined;
    this.#claims = undefined;
    this.#scopes = [];
    this.#issuedAt = undefined;
    this.#expiresAt = undefined;
    this.#refresher = undefined;
    this.#inflight = undefined;
    if (had) this.#onChange();
  }

  /** What may be shown or logged: which tokens exist, never their values. */
  snapshot(): VaultSnapshot {
    return {
      hasAccessToken: this.#accessToken !== undefined,
      hasRefreshToken: this.#refreshToken !== undefined,
      hasIdToken: this.#idToken !== undefined,
      expiresAt: this.#expiresAt,
      scopes: [...this.#scopes],
    };
  }

  toJSON(): VaultSnapshot & { redacted: true } {
    return { redacted: true, ...this.snapshot() };
  }

  [inspect.custom](): string {
    return `TokenVault ${inspect({ redacted: true, ...this.snapshot() })}`;
  }

  toString(): string {
    return '[TokenVault redacted]';
  }
}
