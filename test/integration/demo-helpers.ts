/**
 * Helpers for the demo backend's own suites: a raw OAuth client (PKCE, token requests with
 * fetch, no library in between, so the provider's answers are seen exactly as sent) and small
 * readers for the reference page and for JWTs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DemoBackend, Persona } from '../../demo/backend.ts';
import { ID_VERIFICATION_EXAMPLES } from '../fixtures/id-verification-reference.ts';
import { loginWithFetch } from '../../demo/test-login.ts';

export const ID_SCOPE = 'eprospera:person.id_verification.read';
export const DETAILS_SCOPE = 'eprospera:person.details.read';
export const IDV_PATH = '/api/v1/me/natural-person/id-verification';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce?: string;
  verifier: string;
  url: string;
}

/** Builds an authorization URL; `overrides` set (or with `undefined`, remove) parameters. */
export function buildAuthorize(
  backend: DemoBackend,
  opts: {
    clientId?: string;
    redirectUri?: string;
    scope?: string;
    overrides?: Record<string, string | undefined>;
  } = {},
): AuthorizeRequest {
  const { verifier, challenge } = pkcePair();
  const clientId = opts.clientId ?? backend.clients.public.clientId;
  const redirectUri = opts.redirectUri ?? 'http://127.0.0.1:53682/callback';
  const scope = opts.scope ?? `openid ${ID_SCOPE}`;
  const state = randomBytes(12).toString('base64url');
  const nonce = randomBytes(12).toString('base64url');
  const params: Record<string, string | undefined> = {
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...opts.overrides,
  };
  const url = new URL('/api/oauth/authorize', backend.issuer);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return {
    clientId,
    redirectUri,
    scope,
    state: params.state ?? '',
    nonce: params.nonce,
    verifier,
    url: url.href,
  };
}

const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string().optional(),
  refresh_token: z.string().optional(),
  id_token: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export function basicAuth(clientId: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s);
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`).toString('base64')}`;
}

/** POST to the token endpoint, form-encoded, exactly as given. */
export async function tokenRequest(
  backend: DemoBackend,
  form: Record<string, string>,
  authorization?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (authorization) headers.authorization = authorization;
  const res = await fetch(new URL('/api/oauth/token', backend.issuer), {
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: z.record(z.string(), z.unknown()).parse(await res.json()) };
}

/** Signs in as `persona` through the real pages and exchanges the code. */
export async function signIn(
  backend: DemoBackend,
  persona: Persona,
  opts: { scope?: string; confidential?: boolean } = {},
): Promise<{ tokens: TokenResponse; request: AuthorizeRequest; callback: URL }> {
  const clientId = opts.confidential
    ? backend.clients.confidential.clientId
    : backend.clients.public.clientId;
  const request = buildAuthorize(backend, { clientId, scope: opts.scope });
  const callback = new URL(await loginWithFetch(request.url, persona));
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in the callback: ${callback.search}`);
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: request.redirectUri,
    code_verifier: request.verifier,
  };
  let authorization: string | undefined;
  if (opts.confidential) {
    authorization = basicAuth(clientId, backend.clients.confidential.clientSecret);
  } else {
    form.client_id = clientId;
  }
  const res = await tokenRequest(backend, form, authorization);
  if (res.status !== 200) throw new Error(`token request failed: ${JSON.stringify(res.body)}`);
  return { tokens: TokenResponse.parse(res.body), request, callback };
}

export async function apiGet(
  backend: DemoBackend,
  path: string,
  authorization?: string,
): Promise<{ status: number; contentType: string; body: unknown }> {
  const res = await fetch(new URL(path, backend.apiBase), {
    headers: authorization ? { authorization } : {},
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body: await res.json(),
  };
}

export function decodeJwtPart(token: string, part: 0 | 1): Record<string, unknown> {
  const segment = token.split('.')[part];
  if (segment === undefined) throw new Error('not a JWT');
  return z
    .record(z.string(), z.unknown())
    .parse(JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')));
}

/**
 * The JSON examples of the endpoint reference (the project's contract), kept in the repository's
 * fixtures, in page order: success example, no-session body, missing_token, invalid_token,
 * missing_scopes, 500.
 */
export function referenceExamples(): unknown[] {
  return structuredClone(Object.values(ID_VERIFICATION_EXAMPLES));
}
