import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoBackend } from '../../demo/backend.ts';
import type { DemoBackend } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import { DEMO_PORTS, SCOPES } from '../../shared/environments.ts';
import { AuthStatusSchema } from '../../shared/ipc.ts';
import type { AuthStatus } from '../../shared/ipc.ts';
import { AuthService } from '../../core/auth/auth-service.ts';
import type { SignInConfig } from '../../core/auth/auth-service.ts';
import {
  buildAuthorizationRequestUrl,
  discoverClient,
  exchangeCode,
  newAuthorizationChecks,
} from '../../core/auth/oauth.ts';
import { startLoopbackListener } from '../../core/auth/loopback.ts';
import {
  codeOf,
  demoSignInConfig,
  errorCode,
  fakeBrowser,
  installFetchRecorder,
  probe,
  redirectPortOf,
  waitFor,
} from './auth-helpers.ts';
import type { FakeBrowser, FetchRecorder } from './auth-helpers.ts';

/**
 * Sign-in against the demo backend's real oidc-provider (e-Próspera's routes and rules), with
 * the demo's login and consent pages driven by fetch as the "system browser". Every log line,
 * status and error produced here is kept for the final leak check.
 */

let backend: DemoBackend;
let recorder: FetchRecorder | undefined;
const logLines: string[] = [];
const errorsSeen: unknown[] = [];
const statusesSeen: AuthStatus[] = [];
const services: AuthService[] = [];

const OFFLINE_SCOPES = [SCOPES.openid, SCOPES.idVerification, SCOPES.offline];

function service(browser: FakeBrowser): AuthService {
  const auth = new AuthService({
    openExternal: browser.openExternal,
    log: (line) => logLines.push(line),
  });
  auth.onChange((status) => statusesSeen.push(status));
  services.push(auth);
  return auth;
}

function publicConfig(over: Partial<SignInConfig> = {}): SignInConfig {
  return demoSignInConfig(backend, over);
}

/** Runs a sign-in expected to fail and returns its error code (keeping the error for the leak check). */
async function failingSignIn(auth: AuthService, config: SignInConfig): Promise<string> {
  try {
    await auth.signIn(config);
    return 'resolved';
  } catch (err) {
    errorsSeen.push(err);
    return errorCode(err);
  }
}

async function callApi(accessToken: string): Promise<number> {
  const res = await fetch(`${backend.apiBase}/api/v1/me/natural-person/id-verification`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await res.text();
  return res.status;
}

/** The refresh grant sent by hand, as an attacker holding an old refresh token would. */
async function rawRefresh(refreshToken: string): Promise<{ status: number; error?: string }> {
  const res = await fetch(`${backend.issuer}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: backend.clients.public.clientId,
    }),
  });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, error: body.error };
}

beforeAll(async () => {
  backend = await startDemoBackend({ quiet: true });
  recorder = installFetchRecorder();
});

/** The fetch recorder installed for this file. */
function rec(): FetchRecorder {
  if (!recorder) throw new Error('recorder not installed');
  return recorder;
}

afterEach(async () => {
  for (const auth of services.splice(0)) {
    auth.cancel();
    await auth.signOut();
  }
});

afterAll(async () => {
  recorder?.restore();
  await backend.close();
});

describe('sign-in against the demo provider', () => {
  it('public client, ephemeral port: signs in, and the access token works at the API', async () => {
    const browser = fakeBrowser('full');
    const auth = service(browser);
    const status = await auth.signIn(publicConfig());

    expect(AuthStatusSchema.parse(status)).toEqual(status);
    expect(status.state).toBe('signedIn');
    expect(status.environment).toBe('demo');
    expect(status.issuerOrigin).toBe(backend.issuer);
    expect(status.user?.sub).toBe('demo-full');
    expect(status.scopes).toEqual(expect.arrayContaining([SCOPES.openid, SCOPES.idVerification]));
    expect(status.expiresAt).toBeGreaterThan(Date.now());
    expect(JSON.stringify(status)).not.toMatch(/token|code|verifier|secret/i);

    // The request the browser got: PKCE S256, state, nonce, loopback redirect on 127.0.0.1.
    const sent = new URL(browser.opened[0]!);
    expect(sent.origin).toBe(backend.issuer);
    expect(sent.pathname).toBe('/api/oauth/authorize');
    expect(sent.searchParams.get('response_type')).toBe('code');
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(sent.searchParams.get('scope')).toBe(`${SCOPES.openid} ${SCOPES.idVerification}`);

    // The listener is gone once sign-in is over.
    expect(await probe(redirectPortOf(browser.opened[0]!))).toBe('ECONNREFUSED');
    expect(await callApi(await auth.getAccessToken())).toBe(200);

    // The token request sent the verifier and no client secret (public client).
    const call = rec().tokenCalls.findLast(
      (c) => c.params.get('grant_type') === 'authorization_code',
    )!;
    expect(call.params.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(call.params.get('client_secret')).toBeNull();
    expect(call.authorization).toBeNull();
  });

  it('uses fresh state, nonce and PKCE challenge on every attempt', async () => {
    const browser = fakeBrowser('passport');
    const auth = service(browser);
    await auth.signIn(publicConfig());
    await auth.signIn(publicConfig());
    const [a, b] = browser.opened.map((u) => new URL(u).searchParams);
    for (const key of ['state', 'nonce', 'code_challenge']) {
      expect(a!.get(key)).not.toBe(b!.get(key));
    }
    expect(auth.status().user?.sub).toBe('demo-passport');
  });

  it('confidential client: authenticates with HTTP Basic only (never the secret in the body)', async () => {
    const auth = service(fakeBrowser('full'));
    const status = await auth.signIn(
      publicConfig({
        clientId: backend.clients.confidential.clientId,
        clientSecret: backend.clients.confidential.clientSecret,
      }),
    );
    expect(status.state).toBe('signedIn');
    const call = rec().tokenCalls.findLast(
      (c) => c.params.get('grant_type') === 'authorization_code',
    )!;
    expect(call.authorization).toMatch(/^Basic /);
    expect(call.params.get('client_secret')).toBeNull();
    expect(call.params.get('client_id')).toBeNull();
  });

  it('confidential client with a wrong secret: auth_token_rejected, still signed out', async () => {
    const auth = service(fakeBrowser('full'));
    const code = await failingSignIn(
      auth,
      publicConfig({
        clientId: backend.clients.confidential.clientId,
        clientSecret: 'wrong-secret-value',
      }),
    );
    expect(code).toBe('auth_token_rejected');
    expect(auth.status().state).toBe('signedOut');
    expect(auth.status().lastError?.code).toBe('auth_token_rejected');
  });

  it(`fixed port ${DEMO_PORTS.fixedRedirect}: the exact registered redirect URI works`, async () => {
    const free = (await probe(DEMO_PORTS.fixedRedirect)) !== 'connected';
    const browser = fakeBrowser('full');
    const auth = service(browser);
    const config = publicConfig({
      clientId: backend.clients.fixedPort.clientId,
      redirectPort: DEMO_PORTS.fixedRedirect,
    });
    if (!free) {
      // Something else holds the port on this machine: the clear error is what a user would get.
      console.warn(
        `port ${DEMO_PORTS.fixedRedirect} is in use; checked the port-in-use path instead`,
      );
      expect(await failingSignIn(auth, config)).toBe('auth_port_in_use');
      return;
    }
    const status = await auth.signIn(config);
    expect(status.state).toBe('signedIn');
    expect(new URL(browser.opened[0]!).searchParams.get('redirect_uri')).toBe(
      backend.clients.fixedPort.redirectUri,
    );
    expect(await probe(DEMO_PORTS.fixedRedirect)).toBe('ECONNREFUSED');
  });

  it('a client registered with a fixed port cannot use an ephemeral one (exact redirect match)', async () => {
    const browser = fakeBrowser('full');
    const auth = service(browser);
    const code = await failingSignIn(
      auth,
      publicConfig({ clientId: backend.clients.fixedPort.clientId, timeoutMs: 1_500 }),
    );
    expect(code).toBe('auth_timeout');
    await Promise.all(browser.runs);
    expect(String(browser.errors[0])).toMatch(/redirect_uri/);
  });

  it('error=access_denied (the user says no): auth_denied', async () => {
    const auth = service(fakeBrowser('full', { deny: true }));
    expect(await failingSignIn(auth, publicConfig())).toBe('auth_denied');
    expect(auth.status().state).toBe('signedOut');
  });
});

describe('hostile and broken responses', () => {
  it('a callback with a wrong `iss` is refused before any token request (auth_iss_mismatch)', async () => {
    const before = rec().tokenCalls.length;
    const auth = service(
      fakeBrowser('full', {
        editCallbackUrl: (u) => u.searchParams.set('iss', 'http://127.0.0.1:1'),
      }),
    );
    expect(await failingSignIn(auth, publicConfig())).toBe('auth_iss_mismatch');
    expect(rec().tokenCalls.length).toBe(before);
  });

  it('a callback without `iss` from a provider that promises it is refused (mix-up defence)', async () => {
    const auth = service(
      fakeBrowser('full', { editCallbackUrl: (u) => u.searchParams.delete('iss') }),
    );
    expect(await failingSignIn(auth, publicConfig())).toBe('auth_iss_mismatch');
  });

  it('an ID token with another nonce is refused (auth_nonce_mismatch)', async () => {
    // The real provider issues an ID token for whatever nonce the request carried; changing it
    // on the way to the provider yields a genuine token with the wrong nonce.
    const auth = service(
      fakeBrowser('full', {
        editAuthorizationUrl: (u) => u.searchParams.set('nonce', 'a-different-nonce-0123456789'),
      }),
    );
    expect(await failingSignIn(auth, publicConfig())).toBe('auth_nonce_mismatch');
    expect(auth.status().state).toBe('signedOut');
  });

  it('wrong state, missing state and another path get error pages and the sign-in still completes', async () => {
    let callback = '';
    const replies: number[] = [];
    const browser = fakeBrowser('full', {
      editCallbackUrl: (u) => {
        callback = u.href;
      },
    });
    const auth = service({
      ...browser,
      openExternal: async (url) => {
        // Before the real redirect: three stray requests to the listener.
        const port = redirectPortOf(url);
        for (const path of ['/callback?code=x&state=forged', '/callback?code=x', '/other']) {
          const res = await fetch(`http://127.0.0.1:${port}${path}`);
          await res.text();
          replies.push(res.status);
        }
        await browser.openExternal(url);
      },
    });
    const status = await auth.signIn(publicConfig());
    expect(replies).toEqual([400, 400, 404]);
    expect(status.state).toBe('signedIn');
    expect(callback).toContain('code=');
  });

  it('a captured callback replayed into a later sign-in is ignored by its listener', async () => {
    let captured = '';
    const first = service(fakeBrowser('full', { onCallback: (u) => (captured = u) }));
    await first.signIn(publicConfig());
    const browser = fakeBrowser(null);
    const second = service(browser);
    const pending = second.signIn(publicConfig());
    await waitFor(() => browser.opened.length === 1);
    const port = redirectPortOf(browser.opened[0]!);
    const replay = new URL(captured);
    replay.port = String(port);
    const res = await fetch(replay);
    await res.text();
    expect(res.status).toBe(400);
    expect(second.status().state).toBe('pending');
    second.cancel();
    expect(await codeOf(pending)).toBe('auth_cancelled');
  });

  it('a replayed authorization code is rejected at the token endpoint (auth_token_rejected)', async () => {
    const oc = await discoverClient({
      issuer: backend.issuer,
      clientId: backend.clients.public.clientId,
      allowInsecureLoopback: true,
    });
    const scopes = [SCOPES.openid, SCOPES.idVerification];
    const checks = newAuthorizationChecks(scopes);
    const listener = await startLoopbackListener({ expectedState: checks.state });
    const url = await buildAuthorizationRequestUrl(oc, checks, {
      redirectUri: listener.redirectUri,
      scopes,
    });
    const callbackUrl = await loginWithFetch(url.href, 'full');
    await (await fetch(callbackUrl)).text();
    const received = await listener.callback;
    const opts = { redirectUri: listener.redirectUri, scopes };
    const grant = await exchangeCode(oc, received, checks, opts);
    expect(grant.accessToken.length).toBeGreaterThan(20);
    const again = exchangeCode(oc, received, checks, opts);
    again.catch((e: unknown) => errorsSeen.push(e));
    expect(await codeOf(again)).toBe('auth_token_rejected');
  });

  it('the exchange checks state again by itself, before any token request (auth_state_mismatch)', async () => {
    // Defence in depth: the listener already drops wrong states; the exchange must too.
    const oc = await discoverClient({
      issuer: backend.issuer,
      clientId: backend.clients.public.clientId,
      allowInsecureLoopback: true,
    });
    const scopes = [SCOPES.openid];
    const checks = newAuthorizationChecks(scopes);
    const redirectUri = 'http://127.0.0.1:5999/callback';
    const before = rec().tokenCalls.length;
    const iss = encodeURIComponent(backend.issuer);
    const forged = exchangeCode(
      oc,
      `${redirectUri}?code=abc&state=forged-state&iss=${iss}`,
      checks,
      {
        redirectUri,
        scopes,
      },
    );
    forged.catch((e: unknown) => errorsSeen.push(e));
    expect(await codeOf(forged)).toBe('auth_state_mismatch');
    const elsewhere = exchangeCode(
      oc,
      `http://127.0.0.1:6000/callback?code=abc&state=${checks.state}&iss=${iss}`,
      checks,
      { redirectUri, scopes },
    );
    expect(await codeOf(elsewhere)).toBe('auth_state_mismatch');
    expect(rec().tokenCalls.length).toBe(before);
  });

  it('an expired authorization code is rejected (auth_token_rejected)', async () => {
    const oc = await discoverClient({
      issuer: backend.issuer,
      clientId: backend.clients.public.clientId,
      allowInsecureLoopback: true,
    });
    const scopes = [SCOPES.openid, SCOPES.idVerification];
    const checks = newAuthorizationChecks(scopes);
    const listener = await startLoopbackListener({ expectedState: checks.state });
    const url = await buildAuthorizationRequestUrl(oc, checks, {
      redirectUri: listener.redirectUri,
      scopes,
    });
    const callbackUrl = await loginWithFetch(url.href, 'full');
    await (await fetch(callbackUrl)).text();
    const received = await listener.callback;
    // The provider's codes live 60 s. Rather than wait, move the clock of this process (where
    // the provider runs) two minutes ahead before the exchange.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      const late = exchangeCode(oc, received, checks, {
        redirectUri: listener.redirectUri,
        scopes,
      });
      late.catch((e: unknown) => errorsSeen.push(e));
      expect(await codeOf(late)).toBe('auth_token_rejected');
    } finally {
      vi.useRealTimers();
    }
  });

  it('an http:// issuer that is not loopback is refused even in insecure-loopback mode', async () => {
    const browser = fakeBrowser('full');
    const auth = service(browser);
    for (const issuer of ['http://example.com', 'http://127.0.0.2:4480', 'http://10.0.0.1']) {
      expect(await failingSignIn(auth, publicConfig({ issuer }))).toBe('insecure_url');
    }
    // A loopback http issuer still needs the explicit opt-in.
    expect(await failingSignIn(auth, publicConfig({ allowInsecureLoopback: false }))).toBe(
      'insecure_url',
    );
    expect(browser.opened).toEqual([]);
  });

  it('an unreachable issuer is a network error; a non-provider is a discovery failure', async () => {
    const auth = service(fakeBrowser('full'));
    expect(await failingSignIn(auth, publicConfig({ issuer: 'http://127.0.0.1:9' }))).toBe(
      'network_error',
    );
    expect(await failingSignIn(auth, publicConfig({ issuer: backend.imageOrigin }))).toBe(
      'auth_discovery_failed',
    );
  });
});

describe('concurrency, cancel and timeout', () => {
  it('a second sign-in supersedes a pending one: the first rejects with auth_superseded and its port closes', async () => {
    const browser = fakeBrowser(null);
    const auth = service(browser);
    const first = auth.signIn(publicConfig());
    await waitFor(() => browser.opened.length === 1);
    const firstPort = redirectPortOf(browser.opened[0]!);
    expect(auth.status().state).toBe('pending');
    expect(auth.status().pendingDeadline).toBeGreaterThan(Date.now());

    const second = auth.signIn(publicConfig());
    expect(await codeOf(first)).toBe('auth_superseded');
    await waitFor(() => browser.opened.length === 2);
    expect(await probe(firstPort)).toBe('ECONNREFUSED');
    expect(auth.status().state).toBe('pending');

    // The user finishes the first browser tab anyway: nothing is listening for it any more.
    const late = await loginWithFetch(browser.opened[0]!, 'full');
    expect(await codeOf(fetch(late))).toMatch(/fetch failed/);

    const cb = await loginWithFetch(browser.opened[1]!, 'passport');
    await (await fetch(cb)).text();
    const status = await second;
    expect(status.state).toBe('signedIn');
    expect(status.user?.sub).toBe('demo-passport');
    expect(status.lastError).toBeUndefined();
  });

  it('cancel() ends a pending sign-in with auth_cancelled and frees the port', async () => {
    const browser = fakeBrowser(null);
    const auth = service(browser);
    const pending = auth.signIn(publicConfig());
    await waitFor(() => browser.opened.length === 1);
    auth.cancel();
    expect(await codeOf(pending)).toBe('auth_cancelled');
    expect(await probe(redirectPortOf(browser.opened[0]!))).toBe('ECONNREFUSED');
    expect(auth.status()).toMatchObject({
      state: 'signedOut',
      lastError: { code: 'auth_cancelled' },
    });
  });

  it('a sign-in nobody finishes times out with auth_timeout', async () => {
    const browser = fakeBrowser(null);
    const auth = service(browser);
    expect(await failingSignIn(auth, publicConfig({ timeoutMs: 400 }))).toBe('auth_timeout');
    expect(await probe(redirectPortOf(browser.opened[0]!))).toBe('ECONNREFUSED');
  });

  it('while pending, the status names the redirect URI and client id; the timeout repeats them as what to check', async () => {
    const browser = fakeBrowser(null);
    const auth = service(browser);
    const pending = auth.signIn(publicConfig({ timeoutMs: 1500 }));
    await waitFor(() => browser.opened.length === 1);
    const sent = new URL(browser.opened[0]!).searchParams.get('redirect_uri');
    const status = AuthStatusSchema.parse(auth.status());
    expect(status.state).toBe('pending');
    expect(status.redirectUri).toBe(sent);
    expect(status.clientId).toBe(backend.clients.public.clientId);

    const error = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    errorsSeen.push(error);
    expect(errorCode(error)).toBe('auth_timeout');
    const message = (error as Error).message;
    expect(message).toContain(`"${backend.clients.public.clientId}"`);
    expect(message).toContain(`redirect URI ${sent}`);
    // Signed out again: nothing of the attempt stays in the status.
    expect(auth.status().redirectUri).toBeUndefined();
  });

  it('a browser that cannot be opened is auth_browser_failed, and the port is released', async () => {
    let port = 0;
    const auth = service({
      ...fakeBrowser(null),
      openExternal: (url) => {
        port = redirectPortOf(url);
        return Promise.reject(new Error('no browser here'));
      },
    });
    expect(await failingSignIn(auth, publicConfig())).toBe('auth_browser_failed');
    expect(await probe(port)).toBe('ECONNREFUSED');
  });
});

describe('refresh and sign-out', () => {
  it('refresh rotates the refresh token; the old one is then rejected, and its reuse ends the session', async () => {
    const auth = service(fakeBrowser('full'));
    await auth.signIn(publicConfig({ scopes: OFFLINE_SCOPES }));
    expect(auth.grantedScopes()).toContain(SCOPES.offline);
    const issued = rec().issuedRefreshTokens.length;
    const firstRefresh = rec().issuedRefreshTokens[issued - 1]!;
    const firstAccess = await auth.getAccessToken();

    expect(await auth.refreshAccessToken()).toBe(true);
    const secondRefresh = rec().issuedRefreshTokens[issued]!;
    expect(secondRefresh).toBeDefined();
    expect(secondRefresh).not.toBe(firstRefresh);
    const secondAccess = await auth.getAccessToken();
    expect(secondAccess).not.toBe(firstAccess);
    expect(await callApi(secondAccess)).toBe(200);
    // The refresh request carried the first token, and only that one.
    const refreshCall = rec().tokenCalls.findLast(
      (c) => c.params.get('grant_type') === 'refresh_token',
    )!;
    expect(refreshCall.params.get('refresh_token')).toBe(firstRefresh);

    // Someone replays the old refresh token: the provider refuses it and revokes the family.
    expect(await rawRefresh(firstRefresh)).toEqual({ status: 400, error: 'invalid_grant' });
    // Our next refresh is then refused too: the session ends and asks for sign-in.
    expect(await auth.refreshAccessToken()).toBe(false);
    expect(auth.status()).toMatchObject({
      state: 'signedOut',
      lastError: { code: 'auth_required' },
    });
    expect(await codeOf(auth.getAccessToken())).toBe('auth_required');
  });

  it('refreshes by itself when the access token is about to expire', async () => {
    const shortBackend = await startDemoBackend({ accessTokenTtlSeconds: 2, quiet: true });
    try {
      const auth = service(fakeBrowser('full'));
      await auth.signIn(publicConfig({ issuer: shortBackend.issuer, scopes: OFFLINE_SCOPES }));
      const first = await auth.getAccessToken();
      await new Promise((r) => setTimeout(r, 1_100));
      const second = await auth.getAccessToken();
      expect(second).not.toBe(first);
      expect(auth.status().state).toBe('signedIn');
    } finally {
      await shortBackend.close();
    }
  });

  it('sign-out wipes the session and revokes the refresh token', async () => {
    const auth = service(fakeBrowser('full'));
    await auth.signIn(publicConfig({ scopes: OFFLINE_SCOPES }));
    const refreshToken = rec().issuedRefreshTokens.at(-1)!;
    const result = await auth.signOut();
    expect(result.revocation).toBe('revoked');
    expect(result.status.state).toBe('signedOut');
    expect(await codeOf(auth.getAccessToken())).toBe('auth_required');
    const revokeCall = rec().tokenCalls.findLast((c) => c.path === '/api/oauth/revoke')!;
    expect(revokeCall.params.get('token_type_hint')).toBe('refresh_token');
    expect(await rawRefresh(refreshToken)).toEqual({ status: 400, error: 'invalid_grant' });
  });

  it('sign-out without a refresh token has nothing to revoke', async () => {
    const auth = service(fakeBrowser('full'));
    await auth.signIn(publicConfig());
    expect((await auth.signOut()).revocation).toBe('nothing-to-revoke');
  });
});

describe('no secret in any log line, status or error', () => {
  it('none of the codes, verifiers, tokens or client secrets seen on the wire appear anywhere', () => {
    const secrets = [...rec().secrets];
    // The suite above must have produced each kind, or this check proves nothing.
    const calls = rec().tokenCalls;
    expect(calls.some((c) => c.params.get('code_verifier'))).toBe(true);
    expect(calls.some((c) => c.authorization?.startsWith('Basic '))).toBe(true);
    expect(rec().issuedRefreshTokens.length).toBeGreaterThan(2);
    expect(calls.some((c) => typeof c.body?.id_token === 'string')).toBe(true);
    expect(secrets).toContain(backend.clients.confidential.clientSecret);
    expect(secrets).toContain('wrong-secret-value');
    expect(logLines.length).toBeGreaterThan(20);
    expect(errorsSeen.length).toBeGreaterThan(10);

    const haystacks = [
      ...logLines,
      ...statusesSeen.map((s) => JSON.stringify(s)),
      ...errorsSeen.flatMap((e) => [
        String(e),
        e instanceof Error ? e.message : '',
        e instanceof Error ? String(e.stack) : '',
        inspect(e, { depth: 20, showHidden: true }),
        JSON.stringify(e),
      ]),
    ];
    for (const haystack of haystacks) {
      for (const secret of secrets) {
        if (haystack.includes(secret)) {
          throw new Error(`a secret value leaked into: ${haystack.slice(0, 120)}`);
        }
      }
    }
  });
});
