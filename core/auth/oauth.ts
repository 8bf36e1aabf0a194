import {
  checkServerAddress,
  endpointErrorCode,
  isLoopbackHost,
  type EndpointProblem,
} from '../../shared/endpoint-rules.ts';
import * as client from 'openid-client';
import { IdlensError } from '../../shared/errors.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { SCOPES } from '../../shared/environments.ts';
import type { TokenGrant } from './token-vault.ts';
import { describeNetFailure, netFailureOf } from '../net/errors.ts';

/**
 * The OAuth 2.0 / OpenID Connect client: discovery, the authorization request (PKCE S256, fresh
 * state and nonce), the code exchange (full callback URL, so RFC 9207 `iss` is checked),
 * refresh and revocation — all through openid-client v6. Every failure leaves as an
 * `IdlensError` with a stable code and fixed text; openid-client's own errors (which can carry
 * the callback parameters or a response body) are never passed on as a cause.
 */

const HTTP_TIMEOUT_SECONDS = 30;

/** Main's words for an endpoint rule's code (`what` names the address, never its value). */
export function endpointProblemText(problem: EndpointProblem, what: string): string {
  switch (problem) {
    case 'not_a_url':
      return `${what} is not a valid URL.`;
    case 'url_parts':
      return `${what} must not contain credentials, a query or a fragment.`;
    case 'not_https':
      return `${what} must be an https address.`;
    case 'http_not_loopback':
      return `${what} uses plain http; http is refused for any host other than 127.0.0.1, localhost or [::1].`;
    case 'http_needs_demo':
      return `${what} uses plain http; on a loopback host that needs the insecure-loopback option (demo and tests only).`;
    case 'api_base_off_issuer':
      return "The API base must be on the issuer's origin (scheme, host and port), as e-Próspera's is.";
    case 'demo_needs_demo_mode':
      return 'The demo environment is available only when idlens runs with the demo backend.';
    case 'custom_needs_issuer':
      return 'A custom environment needs an issuer URL.';
  }
}

/** An endpoint rule's refusal as main's error: the code the rule names, fixed text. */
export function endpointError(problem: EndpointProblem, what: string): IdlensError {
  return new IdlensError(endpointErrorCode(problem), endpointProblemText(problem, what), {
    cause: { problem },
  });
}

/**
 * Parses and vets a URL the app will talk to (issuer, API base) by the shared endpoint rules:
 * https, or http on a loopback host when insecure loopback is allowed. No credentials, query or
 * fragment.
 */
export function checkServerUrl(
  raw: string,
  allowInsecureLoopback: boolean,
  what = 'The issuer address',
): URL {
  const verdict = checkServerAddress(raw, allowInsecureLoopback);
  if (!verdict.ok) throw endpointError(verdict.problem, what);
  return verdict.url;
}

export interface OAuthClientSettings {
  issuer: string;
  clientId: string;
  /** Present for a confidential client (`client_secret_basic`); absent for a public one. */
  clientSecret?: string;
  allowInsecureLoopback?: boolean;
}

export interface OAuthClient {
  readonly issuer: URL;
  readonly clientId: string;
  readonly confidential: boolean;
  readonly allowInsecureLoopback: boolean;
  readonly config: client.Configuration;
  readonly supportsRevocation: boolean;
  /** The provider offers pushed authorization requests (RFC 9126); idlens then uses them. */
  readonly supportsPushedAuthorization: boolean;
  /**
   * Whether the discovery document says sign-in responses carry `iss` (RFC 9207). Without it a
   * mix-up (RFC 9700 §4.4) cannot be told from the response: the issuer must be trusted instead.
   */
  readonly issParameter: 'supported' | 'not-supported';
}

/** Discovers the provider's metadata at `<issuer>/.well-known/openid-configuration`. */
export async function discoverClient(settings: OAuthClientSettings): Promise<OAuthClient> {
  const allowInsecureLoopback = settings.allowInsecureLoopback === true;
  const issuer = checkServerUrl(settings.issuer, allowInsecureLoopback);
  if (!settings.clientId) throw new IdlensError('config_invalid', 'A client id is required.');
  const secret = settings.clientSecret ? settings.clientSecret : undefined;
  const auth = secret !== undefined ? client.ClientSecretBasic(secret) : client.None();
  let config: client.Configuration;
  try {
    config = await client.discovery(issuer, settings.clientId, undefined, auth, {
      // http passed checkServerUrl: a loopback host in insecure-loopback mode (demo, tests).
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out
      execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      timeout: HTTP_TIMEOUT_SECONDS,
    });
  } catch (err) {
    throw toIdlensError(err, 'discovery', issuer);
  }
  config.timeout = HTTP_TIMEOUT_SECONDS;
  const metadata = config.serverMetadata();
  if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
    throw new IdlensError(
      'auth_discovery_failed',
      'The provider does not advertise an authorization and a token endpoint.',
    );
  }
  // The S256 method is the only one we send; refuse a provider that says it cannot check it.
  const methods = metadata.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new IdlensError('auth_discovery_failed', 'The provider does not support PKCE with S256.');
  }
  return {
    issuer,
    clientId: settings.clientId,
    confidential: secret !== undefined,
    allowInsecureLoopback,
    config,
    supportsRevocation: typeof metadata.revocation_endpoint === 'string',
    supportsPushedAuthorization: typeof metadata.pushed_authorization_request_endpoint === 'string',
    issParameter:
      metadata.authorization_response_iss_parameter_supported === true
        ? 'supported'
        : 'not-supported',
  };
}

/** The per-attempt secrets of one authorization request. Never logged, never shown. */
export interface AuthorizationChecks {
  readonly state: string;
  readonly nonce: string | undefined;
  readonly codeVerifier: string;
}

/** Fresh state, PKCE verifier and (when `openid` is asked for) nonce for one attempt. */
export function newAuthorizationChecks(scopes: readonly string[]): AuthorizationChecks {
  return {
    state: client.randomState(),
    nonce: scopes.includes(SCOPES.openid) ? client.randomNonce() : undefined,
    codeVerifier: client.randomPKCECodeVerifier(),
  };
}

export interface AuthorizationRequestOptions {
  redirectUri: string;
  scopes: readonly string[];
  resource?: string;
}

export async function buildAuthorizationRequestUrl(
  oc: OAuthClient,
  checks: AuthorizationChecks,
  options: AuthorizationRequestOptions,
): Promise<URL> {
  const params: Record<string, string> = {
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scopes.join(' '),
    state: checks.state,
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
  };
  if (checks.nonce !== undefined) params.nonce = checks.nonce;
  if (options.resource) params.resource = options.resource;
  const url = oc.supportsPushedAuthorization
    ? await pushAuthorizationRequest(oc, params)
    : client.buildAuthorizationUrl(oc.config, params);
  assertOpenableAuthorizationUrl(url, oc);
  return url;
}

/** OAuth errors of a pushed request that mean "the client's registration does not match". */
const REGISTRATION_ERRORS = new Set(['invalid_client', 'unauthorized_client']);
/**
 * The request idlens builds is well-formed, so `invalid_request` at the PAR endpoint almost always
 * means the redirect URI (oidc-provider answers an unregistered one that way).
 */
const REDIRECT_ERRORS = new Set(['invalid_redirect_uri', 'invalid_request']);

/**
 * RFC 9126: sends the authorization request to the provider first, so that a client id or a
 * redirect URI it does not accept fails here, with its own message, instead of as an error page
 * in the browser while idlens waits. Returns the URL to open (client_id + request_uri).
 */
async function pushAuthorizationRequest(
  oc: OAuthClient,
  params: Record<string, string>,
): Promise<URL> {
  try {
    return await client.buildAuthorizationUrlWithPAR(oc.config, params);
  } catch (err) {
    if (err instanceof client.ResponseBodyError) {
      const oauthError = safeOAuthError(err.error);
      const cause: SafeCause = { source: 'openid-client', name: err.name, oauthError };
      if (oauthError !== undefined && REGISTRATION_ERRORS.has(oauthError)) {
        throw fail(
          'config_invalid',
          `The provider does not accept the client id "${oc.clientId}" (it was asked before opening the browser). Check the client id against the client's registration.`,
          cause,
        );
      }
      if (oauthError !== undefined && REDIRECT_ERRORS.has(oauthError)) {
        throw fail(
          'config_invalid',
          `The provider refused the sign-in request before opening the browser (${oauthError}): most often the redirect URI ${params.redirect_uri ?? ''} is not registered for the client id "${oc.clientId}". Register it, or use the port and path the registration names.`,
          cause,
        );
      }
    }
    throw toIdlensError(err, 'par', endpointOf(oc, 'pushed_authorization_request_endpoint'));
  }
}

/**
 * The only URLs handed to the system browser: https on the issuer's host, or http on a loopback
 * issuer in insecure-loopback mode. Guards against a discovery document that points the user at
 * some other site.
 */
export function assertOpenableAuthorizationUrl(url: URL, oc: OAuthClient): void {
  const sameHost = url.hostname === oc.issuer.hostname;
  const credentials = url.username !== '' || url.password !== '';
  const secure = url.protocol === 'https:';
  const loopbackHttp =
    url.protocol === 'http:' && oc.allowInsecureLoopback && isLoopbackHost(url.hostname);
  if (!sameHost || credentials || !(secure || loopbackHttp)) {
    throw new IdlensError(
      'insecure_url',
      "The provider's authorization address is not on the issuer's host over https; it was not opened.",
    );
  }
}

const KEPT_CLAIMS = [
  'sub',
  'name',
  'given_name',
  'family_name',
  'email',
  'email_verified',
  'iss',
  'aud',
  'auth_time',
] as const;

/** OpenID Connect standard scopes and the ID-token claims only they release. */
const CLAIM_SCOPES: readonly (readonly [string, readonly string[]])[] = [
  ['profile', ['name', 'given_name', 'family_name']],
  ['email', ['email', 'email_verified']],
];

function grantFrom(
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  requestedScopes: readonly string[] | undefined,
): TokenGrant {
  if (typeof tokens.access_token !== 'string' || tokens.access_token === '') {
    throw new IdlensError('auth_token_rejected', 'The provider returned no access token.');
  }
  let scopes: string[];
  if (typeof tokens.scope === 'string') scopes = tokens.scope.split(' ').filter(Boolean);
  else scopes = requestedScopes ? [...requestedScopes] : [];
  const idClaims = tokens.claims();
  // An ID token is proof that `openid` was granted even when the token response's scope (which
  // describes the access token) leaves it out.
  if (idClaims && !scopes.includes(SCOPES.openid)) scopes.unshift(SCOPES.openid);
  // Claims in the ID token are proof that their scopes were granted: the token response's scope
  // may list only the API's scopes, and "not granted: profile" beside a shown name contradicts.
  if (idClaims && requestedScopes !== undefined) {
    for (const [scope, keys] of CLAIM_SCOPES) {
      const present = keys.some((key) => idClaims[key] !== undefined);
      if (present && requestedScopes.includes(scope) && !scopes.includes(scope)) scopes.push(scope);
    }
  }
  // Likewise a refresh token is proof that offline_access was granted.
  if (typeof tokens.refresh_token === 'string' && !scopes.includes(SCOPES.offline)) {
    if (requestedScopes === undefined || requestedScopes.includes(SCOPES.offline)) {
      scopes.push(SCOPES.offline);
    }
  }
  let claims: Record<string, unknown> | undefined;
  if (idClaims) {
    claims = {};
    for (const key of KEPT_CLAIMS) if (idClaims[key] !== undefined) claims[key] = idClaims[key];
  }
  return {
    accessToken: tokens.access_token,
    refreshToken: typeof tokens.refresh_token === 'string' ? tokens.refresh_token : undefined,
    idToken: typeof tokens.id_token === 'string' ? tokens.id_token : undefined,
    expiresIn: typeof tokens.expires_in === 'number' ? tokens.expires_in : undefined,
    scopes,
    claims,
  };
}

export interface ExchangeOptions {
  redirectUri: string;
  scopes: readonly string[];
  resource?: string;
}

/**
 * The callback's `iss` (RFC 9207) and `state`, checked here before openid-client sees them, so
 * each mismatch has its own code without reading any library's message text.
 */
export function checkCallbackParameters(
  oc: OAuthClient,
  params: URLSearchParams,
  checks: AuthorizationChecks,
): void {
  const metadata = oc.config.serverMetadata();
  const iss = params.getAll('iss');
  if (iss.length > 1 || (iss.length === 1 && iss[0] !== metadata.issuer)) {
    throw new IdlensError(
      'auth_iss_mismatch',
      'The sign-in response names a different issuer than the one idlens signed in with.',
    );
  }
  if (iss.length === 0 && metadata.authorization_response_iss_parameter_supported === true) {
    throw new IdlensError(
      'auth_iss_mismatch',
      'The sign-in response does not name its issuer, although the provider says it always does.',
    );
  }
  const state = params.getAll('state');
  if (state.length !== 1 || state[0] !== checks.state) {
    throw new IdlensError(
      'auth_state_mismatch',
      'The sign-in response does not match this sign-in.',
    );
  }
}

/**
 * Exchanges the code from the full callback URL. openid-client checks, in order: `iss` (RFC 9207),
 * `state`, an `error` response, then after the token request the ID token (signature, issuer,
 * audience, expiry, `nonce`).
 */
export async function exchangeCode(
  oc: OAuthClient,
  callbackUrl: string,
  checks: AuthorizationChecks,
  options: ExchangeOptions,
): Promise<TokenGrant> {
  let current: URL;
  try {
    current = new URL(callbackUrl);
  } catch {
    throw new IdlensError('auth_state_mismatch', 'The sign-in response could not be read.');
  }
  // openid-client derives redirect_uri from the callback URL; it must be the one we sent.
  const derived = new URL(current.href);
  derived.search = '';
  derived.hash = '';
  if (derived.href !== new URL(options.redirectUri).href) {
    throw new IdlensError(
      'auth_state_mismatch',
      'The sign-in response arrived at an unexpected address.',
    );
  }
  checkCallbackParameters(oc, current.searchParams, checks);
  const params: Record<string, string> = {};
  if (options.resource) params.resource = options.resource;
  try {
    const tokens = await client.authorizationCodeGrant(
      oc.config,
      current,
      {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: checks.nonce !== undefined,
      },
      params,
    );
    return grantFrom(tokens, options.scopes);
  } catch (err) {
    throw toIdlensError(err, 'token', endpointOf(oc, 'token_endpoint'));
  }
}

export async function refreshGrant(
  oc: OAuthClient,
  refreshToken: string,
  resource?: string,
): Promise<TokenGrant> {
  const params: Record<string, string> = {};
  if (resource) params.resource = resource;
  try {
    const tokens = await client.refreshTokenGrant(oc.config, refreshToken, params);
    return grantFrom(tokens, undefined);
  } catch (err) {
    throw toIdlensError(err, 'refresh', endpointOf(oc, 'token_endpoint'));
  }
}

/** RFC 7009 revocation; the caller decides whether a failure matters. */
export async function revokeToken(
  oc: OAuthClient,
  token: string,
  hint: 'refresh_token' | 'access_token',
): Promise<void> {
  if (!oc.supportsRevocation) {
    throw new IdlensError('config_invalid', 'The provider has no revocation endpoint.');
  }
  try {
    await client.tokenRevocation(oc.config, token, { token_type_hint: hint });
  } catch (err) {
    throw toIdlensError(err, 'revoke', endpointOf(oc, 'revocation_endpoint'));
  }
}

export type OAuthPhase = 'discovery' | 'par' | 'token' | 'refresh' | 'revoke';

/** Only the names of what went wrong: no parameter, body, URL or token. */
interface SafeCause {
  source: 'openid-client' | 'fetch';
  name: string;
  libraryCode?: string;
  oauthError?: string;
  status?: number;
}

function safeOAuthError(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z_]{1,64}$/.test(value) ? value : undefined;
}

function fail(code: ErrorCode, message: string, cause?: SafeCause): IdlensError {
  return new IdlensError(code, message, cause ? { cause } : undefined);
}

/** The provider's endpoint of that name (for naming its host), else the issuer. */
function endpointOf(
  oc: OAuthClient,
  name: 'token_endpoint' | 'revocation_endpoint' | 'pushed_authorization_request_endpoint',
): URL {
  const value = oc.config.serverMetadata()[name];
  return (typeof value === 'string' && URL.parse(value)) || oc.issuer;
}

const TOKEN_REJECTIONS = new Set([
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'invalid_request',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
  'access_denied',
]);

/**
 * Maps anything openid-client or fetch throws to a stable code with fixed text, by error class,
 * openid-client's `code` and the OAuth `error` parameter — never by message text. A request that
 * got no answer names `target`'s host and the cause.
 */
export function toIdlensError(err: unknown, phase: OAuthPhase, target?: URL): IdlensError {
  if (err instanceof IdlensError) return err;

  const net = target ? netFailureOf(err, target) : undefined;
  if (net) {
    const lead =
      phase === 'discovery'
        ? 'The identity provider could not be reached'
        : 'The identity provider could not be reached during sign-in';
    return new IdlensError('network_error', `${lead}: ${describeNetFailure(net)}.`, {
      detail: net,
      cause: { source: 'fetch', name: (err as Error).name } satisfies SafeCause,
    });
  }

  if (err instanceof client.AuthorizationResponseError) {
    const oauthError = safeOAuthError(err.error);
    const cause: SafeCause = { source: 'openid-client', name: err.name, oauthError };
    if (oauthError === 'server_error' || oauthError === 'temporarily_unavailable') {
      return fail('server_error', 'e-Próspera reported an error during sign-in.', cause);
    }
    return fail('auth_denied', 'The sign-in was denied or cancelled at the provider.', cause);
  }

  if (
    err instanceof client.ResponseBodyError ||
    err instanceof client.WWWAuthenticateChallengeError
  ) {
    const oauthError =
      err instanceof client.ResponseBodyError
        ? safeOAuthError(err.error)
        : safeOAuthError(err.cause[0]?.parameters.error);
    const status = err.status;
    const cause: SafeCause = { source: 'openid-client', name: err.name, oauthError, status };
    if (phase === 'discovery') {
      return fail(
        'auth_discovery_failed',
        "The provider's discovery document could not be read.",
        cause,
      );
    }
    if (
      oauthError === 'server_error' ||
      oauthError === 'temporarily_unavailable' ||
      status >= 500
    ) {
      return fail('server_error', 'The identity provider failed to answer.', cause);
    }
    if (status === 429)
      return fail('rate_limited', 'The identity provider asks to slow down.', cause);
    if (phase === 'par') {
      return fail(
        'auth_denied',
        'The provider refused the sign-in request before the browser opened.',
        cause,
      );
    }
    if (phase === 'refresh') {
      return fail('auth_token_rejected', 'The provider no longer accepts this session.', cause);
    }
    if (oauthError === 'invalid_client' || status === 401) {
      return fail(
        'auth_token_rejected',
        'The provider rejected the client credentials (client id or secret).',
        cause,
      );
    }
    if (oauthError === undefined || TOKEN_REJECTIONS.has(oauthError)) {
      return fail(
        'auth_token_rejected',
        'The provider rejected the authorization code (expired, used already, or not issued for this request).',
        cause,
      );
    }
    return fail('auth_token_rejected', 'The provider rejected the token request.', cause);
  }

  if (err instanceof client.ClientError) {
    const libraryCode = typeof err.code === 'string' ? err.code : undefined;
    const inner = err.cause;
    const claim =
      inner instanceof Error &&
      typeof (inner as { cause?: { claim?: unknown } }).cause?.claim === 'string'
        ? (inner as { cause: { claim: string } }).cause.claim
        : undefined;
    const cause: SafeCause = { source: 'openid-client', name: err.name, libraryCode };

    if (
      libraryCode === 'OAUTH_HTTP_REQUEST_FORBIDDEN' ||
      libraryCode === 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN'
    ) {
      return fail('insecure_url', 'The provider advertised an address that is not https.', cause);
    }
    if (phase === 'discovery') {
      return fail(
        'auth_discovery_failed',
        "The provider's discovery document could not be used.",
        cause,
      );
    }
    if (libraryCode === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce') {
      return fail(
        'auth_nonce_mismatch',
        'The ID token was not issued for this sign-in (nonce mismatch).',
        cause,
      );
    }
    if (libraryCode === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'iss') {
      return fail('auth_iss_mismatch', 'The ID token names a different issuer.', cause);
    }
    if (
      libraryCode === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
      libraryCode === 'OAUTH_RESPONSE_IS_NOT_JSON'
    ) {
      const status = inner instanceof Response ? inner.status : undefined;
      if (status !== undefined && status >= 500) {
        return fail('server_error', 'The identity provider failed to answer.', {
          ...cause,
          status,
        });
      }
      return fail('malformed_body', 'The identity provider answered in an unexpected way.', cause);
    }
    return fail('auth_token_rejected', "The provider's token response failed validation.", cause);
  }

  if (phase === 'discovery') {
    return fail('auth_discovery_failed', "The provider's discovery document could not be read.");
  }
  return fail('internal', 'An unexpected error occurred during sign-in.');
}
