/**
 * The demo e-Próspera, over real HTTP on loopback: its OpenID provider behaves like
 * e-Próspera's where the app depends on it, and its API answers each persona exactly as the
 * endpoint reference page says.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleApi } from '../../demo/api.ts';
import { startDemoBackend, type DemoBackend } from '../../demo/backend.ts';
import { loginWithFetch } from '../../demo/test-login.ts';
import {
  DETAILS_SCOPE,
  ID_SCOPE,
  IDV_PATH,
  apiGet,
  basicAuth,
  buildAuthorize,
  decodeJwtPart,
  referenceExamples,
  signIn,
  tokenRequest,
} from './demo-helpers.ts';

let backend: DemoBackend;
const reference = referenceExamples();
const [EXAMPLE, NO_SESSION, MISSING_TOKEN, INVALID_TOKEN, MISSING_SCOPES, SERVER_ERROR] = reference;

beforeAll(async () => {
  backend = await startDemoBackend({ issuerPort: 0, imagePort: 0 });
});
afterAll(async () => {
  await backend.close();
});
beforeEach(() => {
  backend.control.resetCounters();
});

const bearer = (token: string) => `Bearer ${token}`;

describe('discovery and keys', () => {
  it('publishes e-Próspera’s endpoint paths, S256-only PKCE and the iss response parameter', async () => {
    const res = await fetch(`${backend.issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta).toMatchObject({
      issuer: backend.issuer,
      authorization_endpoint: `${backend.issuer}/api/oauth/authorize`,
      token_endpoint: `${backend.issuer}/api/oauth/token`,
      jwks_uri: `${backend.issuer}/api/oauth/.well-known/jwks.json`,
      userinfo_endpoint: `${backend.issuer}/api/oauth/userinfo`,
      revocation_endpoint: `${backend.issuer}/api/oauth/revoke`,
      introspection_endpoint: `${backend.issuer}/api/oauth/introspect`,
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      response_types_supported: ['code'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(meta.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token']),
    );
    expect(meta.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
    );
    expect(meta.scopes_supported).toEqual(
      expect.arrayContaining([
        'openid',
        'profile',
        'email',
        'offline_access',
        ID_SCOPE,
        DETAILS_SCOPE,
      ]),
    );
    // Nothing e-Próspera does not offer either.
    expect(meta).not.toHaveProperty('pushed_authorization_request_endpoint');
    expect(meta).not.toHaveProperty('end_session_endpoint');

    // The deprecated discovery alias answers the same document.
    const alias = await fetch(`${backend.issuer}/api/oauth/.well-known/openid-configuration`);
    expect(await alias.json()).toEqual(meta);
  });

  it('serves one public RS256 signing key and no private key material', async () => {
    const res = await fetch(`${backend.issuer}/api/oauth/.well-known/jwks.json`);
    const { keys } = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0]?.kid).toEqual(expect.any(String));
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
      expect(keys[0]).not.toHaveProperty(secret);
  });
});

describe('sign-in with openid-client (the app’s library)', () => {
  it('runs code + PKCE with state, nonce and iss checked, and gets an RS256 at+jwt for the API', async () => {
    const config = await client.discovery(
      new URL(backend.issuer),
      backend.clients.public.clientId,
      undefined,
      client.None(),
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the demo issuer is loopback http
      { execute: [client.allowInsecureRequests] },
    );
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'http://127.0.0.1:61234/callback',
      scope: `openid ${ID_SCOPE}`,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const callback = new URL(await loginWithFetch(url.href, 'full'));
    expect(callback.origin + callback.pathname).toBe('http://127.0.0.1:61234/callback');
    expect(callback.searchParams.get('iss')).toBe(backend.issuer);
    expect(callback.searchParams.get('state')).toBe(state);

    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    expect(tokens.claims()?.sub).toBe('demo-full');
    expect(decodeJwtPart(tokens.access_token, 0)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const payload = decodeJwtPart(tokens.access_token, 1);
    expect(payload).toMatchObject({
      iss: backend.issuer,
      aud: backend.resource,
      sub: 'demo-full',
      scope: ID_SCOPE,
    });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(300);

    const res = await client.fetchProtectedResource(
      config,
      tokens.access_token,
      new URL(IDV_PATH, backend.apiBase),
      'GET',
    );
    expect(res.status).toBe(200);
  });
});

describe('e-Próspera’s rules on the authorization endpoint', () => {
  it('refuses openid without nonce with e-Próspera’s JSON error, before any redirect', async () => {
    const { url } = buildAuthorize(backend, { overrides: { nonce: undefined } });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      error_description: 'nonce is required when requesting the openid scope',
    });
  });

  it('accepts a request without nonce when openid is not asked for', async () => {
    const { url } = buildAuthorize(backend, {
      scope: ID_SCOPE,
      overrides: { nonce: undefined },
    });
    const callback = new URL(await loginWithFetch(url, 'full'));
    expect(callback.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('refuses a request without state', async () => {
    const { url } = buildAuthorize(backend, { overrides: { state: undefined } });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toEqual({ error: 'missing_parameters' });
  });

  it('requires PKCE: without a challenge the client gets invalid_request back', async () => {
    const req = buildAuthorize(backend, {
      overrides: { code_challenge: undefined, code_challenge_method: undefined },
    });
    const res = await fetch(req.url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(req.redirectUri);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe(req.state);
  });

  it('accepts any loopback port for the native clients but only 127.0.0.1 and /callback', async () => {
    const otherPort = buildAuthorize(backend, { redirectUri: 'http://127.0.0.1:40001/callback' });
    expect(new URL(await loginWithFetch(otherPort.url, 'full')).port).toBe('40001');

    for (const redirectUri of ['http://localhost:40001/callback', 'http://127.0.0.1:40001/cb']) {
      const res = await fetch(buildAuthorize(backend, { redirectUri }).url, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.json()).toMatchObject({ error: 'invalid_redirect_uri' });
    }
  });

  it('holds the fixed-port client to its exact redirect URI', async () => {
    const { clientId, redirectUri } = backend.clients.fixedPort;
    expect(redirectUri).toBe('http://127.0.0.1:4482/callback');
    const exact = buildAuthorize(backend, { clientId, redirectUri });
    expect(new URL(await loginWithFetch(exact.url, 'full')).port).toBe('4482');

    const wrongPort = buildAuthorize(backend, {
      clientId,
      redirectUri: 'http://127.0.0.1:4483/callback',
    });
    const res = await fetch(wrongPort.url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('sends a denial back to the client as access_denied with state and iss', async () => {
    const req = buildAuthorize(backend);
    const callback = new URL(await loginWithFetch(req.url, 'full', { deny: true }));
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(req.state);
    expect(callback.searchParams.get('iss')).toBe(backend.issuer);
    expect(callback.searchParams.has('code')).toBe(false);
  });

  it('shows an error on the login page for an unknown user name', async () => {
    const req = buildAuthorize(backend);
    await expect(loginWithFetch(req.url, 'nobody' as 'full')).rejects.toThrow(
      /sign-in refused: Unknown user name "nobody"/,
    );
  });

  it('marks its pages as demo data and loads nothing from elsewhere', async () => {
    const start = await fetch(buildAuthorize(backend).url, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const location = new URL(start.headers.get('location') ?? '', backend.issuer);
    expect(location.pathname).toMatch(/^\/api\/oauth\/interaction\//);
    const cookie = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(location, { headers: { cookie } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('DEMO — SPECIMEN DATA');
    expect(page).toMatch(/<input[^>]+name="login"/);
    expect(page).toMatch(/<input[^>]+name="password"/);
    expect(page).toMatch(/<button type="submit"/);
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('the id-verification endpoint, persona by persona', () => {
  it('full: the reference example’s shape, with signed URLs for front, back and face', async () => {
    const { tokens } = await signIn(backend, 'full');
    const res = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/json/);
    const body = res.body as Record<string, unknown> & { documents: Record<string, string> };
    const example = EXAMPLE as Record<string, unknown> & { documents: Record<string, string> };

    // Same fields as the reference example, plus the newer documentType.
    expect(Object.keys(body).sort()).toEqual([...Object.keys(example), 'documentType'].sort());
    expect(Object.keys(body.documents).sort()).toEqual(Object.keys(example.documents).sort());
    expect(body).toMatchObject({
      id: '3f1c2a9e-5b7d-4e8a-9c01-0d2e4f6a8b10',
      type: example.type,
      status: example.status,
      documentType: 'national_id',
      date: '2024-01-15T10:30:00.000Z',
    });
    expect(body.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    for (const kind of ['documentFront', 'documentBack', 'face'] as const) {
      const url = new URL(body.documents[kind] ?? '');
      const refUrl = new URL(example.documents[kind] ?? '');
      expect(url.origin).toBe(backend.imageOrigin);
      expect(url.pathname.split('/').pop()).toBe(refUrl.pathname.split('/').pop());
      // The reference's query starts the same way.
      expect(url.search.startsWith(refUrl.search.replace(/\.\.\.$/, ''))).toBe(true);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
      expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      const image = await fetch(url);
      expect(image.status).toBe(200);
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(backend.specimens[kind].sha256);
    }
    expect(backend.control.apiCalls('full')).toBe(1);
  });

  it('full: the deprecated id_verification alias answers the same', async () => {
    const { tokens } = await signIn(backend, 'full');
    const res = await apiGet(
      backend,
      '/api/v1/me/natural-person/id_verification',
      bearer(tokens.access_token),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: '3f1c2a9e-5b7d-4e8a-9c01-0d2e4f6a8b10',
      status: 'approved',
    });
  });

  it('passport: front and face, documentBack null', async () => {
    const { tokens } = await signIn(backend, 'passport');
    const res = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    expect(res.status).toBe(200);
    const body = res.body as { documentType: string; documents: Record<string, string | null> };
    expect(body.documentType).toBe('passport');
    expect(body.documents.documentBack).toBeNull();
    expect(body.documents.documentFront).toMatch(
      /\/specimen-bucket\/passport\/document-front\.jpg\?/,
    );
    expect(body.documents.face).toMatch(/\/specimen-bucket\/passport\/face\.jpg\?/);
  });

  it('unverified: exactly the reference’s no-session body', async () => {
    const { tokens } = await signIn(backend, 'unverified');
    const res = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(NO_SESSION);
  });

  it('noscope: consent withholds the scope, the token lacks it, the API says missing_scopes', async () => {
    const { tokens } = await signIn(backend, 'noscope');
    const tokenScope = decodeJwtPart(tokens.access_token, 1).scope;
    expect(typeof tokenScope === 'string' ? tokenScope.split(' ') : []).not.toContain(ID_SCOPE);
    expect(tokens.scope ?? '').not.toContain(ID_SCOPE);
    const res = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    expect(res.status).toBe(401);
    expect(res.body).toStrictEqual(MISSING_SCOPES);
  });

  it('broken: 500 with the reference’s body', async () => {
    const { tokens } = await signIn(backend, 'broken');
    const res = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    expect(res.status).toBe(500);
    expect(res.body).toStrictEqual(SERVER_ERROR);
  });

  it('shortlived: the first answer’s URLs are already expired, the next answer’s work', async () => {
    const { tokens } = await signIn(backend, 'shortlived');
    const first = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    const second = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    expect(backend.control.apiCalls('shortlived')).toBe(2);

    const expiry = (u: string) => {
      const p = new URL(u).searchParams;
      const d = p.get('X-Amz-Date') ?? '';
      const start = Date.UTC(
        +d.slice(0, 4),
        +d.slice(4, 6) - 1,
        +d.slice(6, 8),
        +d.slice(9, 11),
        +d.slice(11, 13),
        +d.slice(13, 15),
      );
      return start + Number(p.get('X-Amz-Expires')) * 1000;
    };
    const staleFace = (first.body as { documents: { face: string } }).documents.face;
    const freshFace = (second.body as { documents: { face: string } }).documents.face;
    expect(new URL(staleFace).searchParams.get('X-Amz-Expires')).toBe('5');
    expect(expiry(staleFace)).toBeLessThan(Date.now());
    const refused = await fetch(staleFace);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(
      '<Code>AccessDenied</Code><Message>Request has expired</Message>',
    );

    expect(expiry(freshFace)).toBeGreaterThan(Date.now());
    const ok = await fetch(freshFace);
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
  });

  it('shortlived: the number of stale answers is a test control', async () => {
    backend.control.setShortlivedStaleResponses(0);
    const { tokens } = await signIn(backend, 'shortlived');
    const res = await apiGet(backend, IDV_PATH, bearer(tokens.access_token));
    const face = await fetch((res.body as { documents: { face: string } }).documents.face);
    expect(face.status).toBe(200);
    await face.arrayBuffer();
  });
});

describe('bearer token checks', () => {
  it('missing or non-Bearer credentials: 401 missing_token', async () => {
    expect(await apiGet(backend, IDV_PATH)).toMatchObject({ status: 401, body: MISSING_TOKEN });
    const basic = await apiGet(backend, IDV_PATH, 'Basic dXNlcjpwYXNz');
    expect(basic).toMatchObject({ status: 401, body: MISSING_TOKEN });
  });

  it('garbage, foreign-key and wrong-audience tokens: 401 invalid_token', async () => {
    expect(await apiGet(backend, IDV_PATH, bearer('not.a.jwt'))).toMatchObject({
      status: 401,
      body: INVALID_TOKEN,
    });

    // Right issuer, audience, typ and scope, but signed with someone else's key.
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = (await exportJWK(publicKey)).n?.slice(0, 8);
    const forged = await new SignJWT({ scope: ID_SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid })
      .setIssuer(backend.issuer)
      .setAudience(backend.resource)
      .setSubject('demo-full')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await apiGet(backend, IDV_PATH, bearer(forged))).toMatchObject({
      status: 401,
      body: INVALID_TOKEN,
    });

    // Signed by the provider itself, but for another audience: the ID token (aud = client id).
    const { tokens } = await signIn(backend, 'full');
    expect(tokens.id_token).toBeDefined();
    expect(decodeJwtPart(tokens.id_token ?? '', 1).aud).toBe(backend.clients.public.clientId);
    expect(await apiGet(backend, IDV_PATH, bearer(tokens.id_token ?? ''))).toMatchObject({
      status: 401,
      body: INVALID_TOKEN,
    });
  });

  it('an expired access token: 401 invalid_token', async () => {
    const quick = await startDemoBackend({ accessTokenTtlSeconds: 1 });
    try {
      const { tokens } = await signIn(quick, 'full');
      await new Promise((r) => setTimeout(r, 2100));
      expect(await apiGet(quick, IDV_PATH, bearer(tokens.access_token))).toMatchObject({
        status: 401,
        body: INVALID_TOKEN,
      });
    } finally {
      await quick.close();
    }
    await expect(fetch(`${quick.issuer}/.well-known/openid-configuration`)).rejects.toThrow();
  });
});

describe('bearer token checks, one at a time', () => {
  // The API handler on its own server with a key this test holds, so each check can be broken
  // alone while the signature stays valid.
  const issuer = 'https://issuer.test';
  const resource = 'https://issuer.test/api';
  let server: Server;
  let base: string;
  let key: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    server = createServer((req, res) => {
      void handleApi(req, res, new URL(req.url ?? '/', 'http://x').pathname, {
        issuer,
        resource,
        publicKey: pair.publicKey,
        documentSigner: () => (kind) => `http://127.0.0.1:1/${kind}`,
        onIdVerificationCall: () => undefined,
        log: () => undefined,
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  async function token(
    change: { iss?: string; aud?: string; typ?: string; exp?: number; sub?: string } = {},
  ) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ scope: ID_SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: change.typ ?? 'at+jwt' })
      .setIssuer(change.iss ?? issuer)
      .setAudience(change.aud ?? resource)
      .setSubject(change.sub ?? 'demo-full')
      .setIssuedAt(now - 60)
      .setExpirationTime(change.exp ?? now + 300)
      .sign(key);
  }
  const call = async (t: string) => {
    const res = await fetch(`${base}${IDV_PATH}`, { headers: { authorization: bearer(t) } });
    return { status: res.status, body: await res.json() };
  };

  it('accepts a token that passes every check', async () => {
    expect((await call(await token())).status).toBe(200);
  });

  it.each([
    ['another audience', { aud: 'https://elsewhere.test/api' }],
    ['another issuer', { iss: 'https://elsewhere.test' }],
    ['an ID token type', { typ: 'JWT' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 5 }],
    ['an unknown subject', { sub: 'someone-else' }],
  ])('refuses %s with 401 invalid_token', async (_label, change) => {
    expect(await call(await token(change))).toEqual({ status: 401, body: INVALID_TOKEN });
  });
});

describe('natural-person registry data', () => {
  it('returns invented registry data with the details scope, null for unverified', async () => {
    const { tokens } = await signIn(backend, 'full', { scope: `openid ${DETAILS_SCOPE}` });
    const res = await apiGet(backend, '/api/v1/me/natural-person', bearer(tokens.access_token));
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    expect(body).toMatchObject({
      surname: 'SPECIMEN',
      countryOfBirth: expect.stringContaining('SPECIMEN'),
    });
    expect(body.residentPermitNumber).toMatch(/^\d{14}$/);
    for (const key of [
      'givenName',
      'name',
      'citizenships',
      'dateOfBirth',
      'sex',
      'address',
      'phoneNumber',
    ]) {
      expect(body).toHaveProperty(key);
    }

    const unverified = await signIn(backend, 'unverified', { scope: `openid ${DETAILS_SCOPE}` });
    const nul = await apiGet(
      backend,
      '/api/v1/me/natural-person',
      bearer(unverified.tokens.access_token),
    );
    expect(nul).toMatchObject({ status: 200, body: null });
  });

  it('refuses a token without the details scope', async () => {
    const { tokens } = await signIn(backend, 'full');
    const res = await apiGet(backend, '/api/v1/me/natural-person', bearer(tokens.access_token));
    expect(res).toMatchObject({
      status: 401,
      body: { error: `missing_scopes: ${DETAILS_SCOPE}` },
    });
  });
});

describe('token endpoint', () => {
  it('rotates refresh tokens: the old one stops working, and reusing it ends the grant', async () => {
    const scope = `openid offline_access ${ID_SCOPE}`;
    const { tokens } = await signIn(backend, 'full', { scope });
    const first = tokens.refresh_token;
    expect(first).toEqual(expect.any(String));
    const clientId = backend.clients.public.clientId;

    const refreshed = await tokenRequest(backend, {
      grant_type: 'refresh_token',
      refresh_token: first ?? '',
      client_id: clientId,
    });
    expect(refreshed.status).toBe(200);
    const second = String(refreshed.body.refresh_token);
    expect(second).not.toBe(first);
    const newAccess = String(refreshed.body.access_token);
    expect(decodeJwtPart(newAccess, 1)).toMatchObject({ aud: backend.resource, scope: ID_SCOPE });
    expect((await apiGet(backend, IDV_PATH, bearer(newAccess))).status).toBe(200);

    const reuse = await tokenRequest(backend, {
      grant_type: 'refresh_token',
      refresh_token: first ?? '',
      client_id: clientId,
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_grant');

    // Replay of a rotated token revokes the whole grant, the newest refresh token included.
    const after = await tokenRequest(backend, {
      grant_type: 'refresh_token',
      refresh_token: second,
      client_id: clientId,
    });
    expect(after.body.error).toBe('invalid_grant');
  });

  it('gives no refresh token without offline_access', async () => {
    const { tokens } = await signIn(backend, 'full');
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('revokes a refresh token', async () => {
    const { tokens } = await signIn(backend, 'full', {
      scope: `openid offline_access ${ID_SCOPE}`,
    });
    const clientId = backend.clients.public.clientId;
    const res = await fetch(`${backend.issuer}/api/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: tokens.refresh_token ?? '',
        token_type_hint: 'refresh_token',
        client_id: clientId,
      }).toString(),
    });
    expect(res.status).toBe(200);
    const refresh = await tokenRequest(backend, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: clientId,
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('authenticates the confidential client with client_secret_basic and rejects a wrong secret', async () => {
    const { tokens } = await signIn(backend, 'full', { confidential: true });
    expect(decodeJwtPart(tokens.access_token, 1).client_id).toBe(
      backend.clients.confidential.clientId,
    );

    const { clientId } = backend.clients.confidential;
    const req = buildAuthorize(backend, { clientId });
    const code = new URL(await loginWithFetch(req.url, 'full')).searchParams.get('code') ?? '';
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: req.redirectUri,
      code_verifier: req.verifier,
    };
    const wrong = await tokenRequest(backend, form, basicAuth(clientId, 'not-the-secret'));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const none = await tokenRequest(backend, { ...form, client_id: clientId });
    expect(none.status).toBe(401);
    expect(none.body.error).toBe('invalid_client');
  });

  it('rejects a code exchanged with the wrong PKCE verifier', async () => {
    const req = buildAuthorize(backend);
    const code = new URL(await loginWithFetch(req.url, 'full')).searchParams.get('code') ?? '';
    const res = await tokenRequest(backend, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: req.redirectUri,
      code_verifier: 'x'.repeat(43),
      client_id: req.clientId,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });
});

describe('hygiene', () => {
  it('listens on 127.0.0.1 only', async () => {
    for (const origin of [backend.issuer, backend.imageOrigin]) {
      const { hostname, port } = new URL(origin);
      expect(hostname).toBe('127.0.0.1');
      // Another loopback address reaches a socket bound to all interfaces, not this one.
      await expect(fetch(`http://127.0.0.2:${port}/`)).rejects.toThrow();
    }
  });

  it('never logs tokens, codes, state or signed URL parameters', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    const loud = await startDemoBackend({ quiet: false });
    try {
      const { tokens, callback } = await signIn(loud, 'full', {
        scope: `openid offline_access ${ID_SCOPE}`,
      });
      const res = await apiGet(loud, IDV_PATH, bearer(tokens.access_token));
      const face = (res.body as { documents: { face: string } }).documents.face;
      await (await fetch(face)).arrayBuffer();
      await tokenRequest(loud, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
        client_id: loud.clients.public.clientId,
      });

      const log = lines.join('\n');
      expect(log).toContain('/api/v1/me/natural-person/id-verification');
      const secrets = [
        tokens.access_token,
        tokens.refresh_token ?? '',
        tokens.id_token ?? '',
        callback.searchParams.get('code') ?? '',
        callback.searchParams.get('state') ?? '',
        new URL(face).searchParams.get('X-Amz-Signature') ?? '',
        new URL(face).searchParams.get('X-Amz-Credential') ?? '',
      ];
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(8);
        expect(log).not.toContain(secret);
      }
      expect(log).not.toContain('X-Amz-');
    } finally {
      await loud.close();
      spy.mockRestore();
    }
  });
});
