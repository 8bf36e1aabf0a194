import { connect } from 'node:net';
import { loginWithFetch } from '../../demo/test-login.ts';
import type { DemoBackend, Persona } from '../../demo/backend.ts';
import type { SignInConfig } from '../../core/auth/auth-service.ts';
import { IdlensError } from '../../shared/errors.ts';

/**
 * Test helpers for the sign-in suites: a "system browser" that drives the demo provider's pages,
 * and a fetch recorder that notes every secret crossing the wire (codes, verifiers, tokens,
 * client secrets) so a test can prove none of them reached a log line or an error message.
 * The recorder only observes: every request still goes to the real provider.
 */

export interface TokenCall {
  path: string;
  params: URLSearchParams;
  authorization: string | null;
  status: number;
  body: Record<string, unknown> | undefined;
}

export interface FetchRecorder {
  /** Every secret value seen: codes, verifiers, refresh/access/ID tokens, client secrets. */
  readonly secrets: Set<string>;
  readonly tokenCalls: TokenCall[];
  /** Refresh tokens in the order the provider issued them. */
  readonly issuedRefreshTokens: string[];
  restore(): void;
}

function paramsOf(body: unknown): URLSearchParams {
  if (body instanceof URLSearchParams) return new URLSearchParams(body);
  if (typeof body === 'string') return new URLSearchParams(body);
  return new URLSearchParams();
}

export function installFetchRecorder(): FetchRecorder {
  const original = globalThis.fetch;
  const secrets = new Set<string>();
  const tokenCalls: TokenCall[] = [];
  const issuedRefreshTokens: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.length >= 8) secrets.add(v);
  };
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const isOAuth = /\/api\/oauth\/(token|revoke|introspect)$/.test(url.pathname);
    if (url.searchParams.has('code')) add(url.searchParams.get('code'));
    const response = await original(input, init);
    if (!isOAuth) return response;
    const params = paramsOf(init?.body);
    for (const key of ['code', 'code_verifier', 'refresh_token', 'client_secret', 'token']) {
      add(params.get(key));
    }
    const headers = new Headers(init?.headers);
    const authorization = headers.get('authorization');
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const secret = decoded.slice(decoded.indexOf(':') + 1);
      add(decodeURIComponent(secret));
      add(authorization.slice(6));
    }
    let body: Record<string, unknown> | undefined;
    try {
      const text = await response.clone().text();
      body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    if (body) {
      add(body.access_token);
      add(body.id_token);
      add(body.refresh_token);
      if (typeof body.refresh_token === 'string') issuedRefreshTokens.push(body.refresh_token);
    }
    tokenCalls.push({ path: url.pathname, params, authorization, status: response.status, body });
    return response;
  };
  globalThis.fetch = wrapped;
  return {
    secrets,
    tokenCalls,
    issuedRefreshTokens,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

export interface BrowserOptions {
  deny?: boolean;
  /** Changes the authorization URL before the "browser" opens it. */
  editAuthorizationUrl?: (url: URL) => void;
  /** Changes the callback URL before the "browser" follows it. */
  editCallbackUrl?: (url: URL) => void;
  /** Records each callback URL the provider sent the browser to (before any edit). */
  onCallback?: (url: string) => void;
}

export interface FakeBrowser {
  openExternal: (url: string) => Promise<void>;
  /** URLs handed to openExternal. */
  opened: string[];
  /** Errors of the background browser runs (e.g. the provider refused the request). */
  errors: unknown[];
  /** Resolves when the background run of the n-th opened URL has ended. */
  runs: Promise<void>[];
}

/**
 * Plays the user's browser: openExternal returns at once (like shell.openExternal) while the
 * login, consent and redirect to the loopback listener happen in the background.
 */
export function fakeBrowser(persona: Persona | null, opts: BrowserOptions = {}): FakeBrowser {
  const opened: string[] = [];
  const errors: unknown[] = [];
  const runs: Promise<void>[] = [];
  return {
    opened,
    errors,
    runs,
    openExternal: (url: string) => {
      opened.push(url);
      if (persona === null) return Promise.resolve();
      const run = (async () => {
        const authUrl = new URL(url);
        opts.editAuthorizationUrl?.(authUrl);
        const callback = await loginWithFetch(authUrl.href, persona, { deny: opts.deny });
        opts.onCallback?.(callback);
        const target = new URL(callback);
        opts.editCallbackUrl?.(target);
        const res = await fetch(target);
        await res.text();
      })().catch((err: unknown) => {
        errors.push(err);
      });
      runs.push(run);
      return Promise.resolve();
    },
  };
}

export function errorCode(err: unknown): string {
  return err instanceof IdlensError ? err.code : `non-idlens: ${String(err)}`;
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return errorCode(err);
  }
}

/** 'connected' when something accepts TCP connections on 127.0.0.1:port, else the error code. */
export function probe(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

/** Waits until `check` holds, polling; fails the test after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Port of a redirect_uri inside an authorization URL. */
export function redirectPortOf(authorizationUrl: string): number {
  const redirect = new URL(new URL(authorizationUrl).searchParams.get('redirect_uri') ?? '');
  return Number(redirect.port);
}

/** Sign-in settings for the demo backend's public client (loopback http allowed). */
export function demoSignInConfig(
  backend: DemoBackend,
  over: Partial<SignInConfig> = {},
): SignInConfig {
  return {
    environment: 'demo',
    issuer: backend.issuer,
    clientId: backend.clients.public.clientId,
    allowInsecureLoopback: true,
    timeoutMs: 20_000,
    ...over,
  };
}
