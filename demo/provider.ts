/**
 * The demo's OpenID provider: oidc-provider v9 configured like e-Próspera's authorization server
 * (its routes, PKCE S256, `iss` in the authorization response, RS256 JWT access tokens for the
 * `eprospera:*` scopes, rotating refresh tokens, revocation, introspection), plus e-Próspera's own
 * rules in front of it (`state` required; `nonce` required with `openid`) and its own login and
 * consent pages.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import Provider, { errors } from 'oidc-provider';
import type {
  Adapter,
  AdapterFactory,
  AdapterPayload,
  ClientMetadata,
  Configuration,
} from 'oidc-provider';
import { z } from 'zod';
import { DEMO_CLIENTS, DEMO_PORTS, SCOPES } from '../shared/environments.ts';
import { BodyTooLarge, readForm, sendJson } from './http-util.ts';
import { consentPage, loginPage, messagePage, sendHtml } from './pages.ts';
import {
  PERSONA_PROFILES,
  accountIdFor,
  isPersona,
  personaFromAccountId,
  type Persona,
} from './personas.ts';

export const ROUTES = {
  authorization: '/api/oauth/authorize',
  token: '/api/oauth/token',
  jwks: '/api/oauth/.well-known/jwks.json',
  userinfo: '/api/oauth/userinfo',
  revocation: '/api/oauth/revoke',
  introspection: '/api/oauth/introspect',
} as const;

export const INTERACTION_PREFIX = '/api/oauth/interaction/';

/** Deprecated aliases e-Próspera still answers on. */
export const ROUTE_ALIASES: Record<string, string> = {
  '/api/oauth/.well-known/openid-configuration': '/.well-known/openid-configuration',
  '/.well-known/jwks.json': ROUTES.jwks,
};

/** Scopes of the API (the resource server), carried by the JWT access tokens. */
export const RESOURCE_SCOPES = [SCOPES.idVerification, SCOPES.details] as const;
/** OpenID Connect scopes of the provider itself. */
export const OIDC_SCOPES = [SCOPES.openid, 'profile', 'email', SCOPES.offline] as const;
export const SUPPORTED_SCOPES = [...OIDC_SCOPES, ...RESOURCE_SCOPES] as const;

/** The confidential client's secret. It is a demo: printed by `demo:server`, never a real one. */
export const DEMO_CONFIDENTIAL_SECRET = 'idlens-demo-confidential-secret-not-a-real-one';

export const FIXED_PORT_REDIRECT = `http://127.0.0.1:${DEMO_PORTS.fixedRedirect}/callback`;

/** oidc-provider's storage, in memory, per backend instance (and without its dev-only warning). */
function memoryAdapterFactory(): AdapterFactory {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number | undefined }>();
  const grants = new Map<string, Set<string>>();
  const index = new Map<string, string>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return (name: string): Adapter => {
    const k = (id: string) => `${name}:${id}`;
    const find = (id: string): Promise<AdapterPayload | undefined> => {
      const payload = live(k(id));
      return Promise.resolve(payload ? structuredClone(payload) : undefined);
    };
    return {
      upsert(id, payload, expiresIn) {
        const key = k(id);
        store.set(key, {
          payload: structuredClone(payload),
          expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
        });
        if (payload.grantId) {
          const set = grants.get(payload.grantId) ?? new Set<string>();
          set.add(key);
          grants.set(payload.grantId, set);
        }
        if (payload.uid) index.set(`${name}:uid:${payload.uid}`, id);
        if (payload.userCode) index.set(`${name}:userCode:${payload.userCode}`, id);
        return Promise.resolve();
      },
      find,
      findByUid(uid) {
        const id = index.get(`${name}:uid:${uid}`);
        return id === undefined ? Promise.resolve(undefined) : find(id);
      },
      findByUserCode(userCode) {
        const id = index.get(`${name}:userCode:${userCode}`);
        return id === undefined ? Promise.resolve(undefined) : find(id);
      },
      consume(id) {
        const payload = live(k(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        store.delete(k(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        for (const key of grants.get(grantId) ?? []) store.delete(key);
        grants.delete(grantId);
        return Promise.resolve();
      },
    };
  };
}

export interface ProviderOptions {
  issuer: string;
  resource: string;
  signingJwk: JWK;
  accessTokenTtlSeconds: number;
  /** Offer PAR (RFC 9126); e-Próspera does not, so the demo does not by default. */
  pushedAuthorizationRequests?: boolean;
  /**
   * Send RFC 9207 `iss` in sign-in responses and advertise it (oidc-provider always does). Off,
   * the provider behaves as e-Próspera's does: no `iss` and no
   * `authorization_response_iss_parameter_supported` — what a mix-up attack relies on.
   */
  issResponseParameter?: boolean;
  log: (line: string) => void;
}

export function createProvider(opts: ProviderOptions): Provider {
  const { resource } = opts;
  const nativeLoopback = ['http://127.0.0.1/callback'];
  const common: Partial<ClientMetadata> = {
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
  const clients: ClientMetadata[] = [
    {
      ...common,
      client_id: DEMO_CLIENTS.public,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: nativeLoopback,
    },
    {
      ...common,
      client_id: DEMO_CLIENTS.confidential,
      client_secret: DEMO_CONFIDENTIAL_SECRET,
      application_type: 'native',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: nativeLoopback,
    },
    {
      ...common,
      client_id: DEMO_CLIENTS.fixedPort,
      // 'web': the redirect must match exactly, port included (no RFC 8252 port leniency).
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      redirect_uris: [FIXED_PORT_REDIRECT],
    },
  ];

  const configuration: Configuration = {
    adapter: memoryAdapterFactory(),
    clients,
    jwks: { keys: [opts.signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: [...OIDC_SCOPES],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email', 'email_verified'],
    },
    responseTypes: ['code'],
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: { required: () => true },
    // Only what e-Próspera's token endpoint offers (plus `none` for the public clients).
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    // PAR is offered only with the pushedAuthorizationRequests option (see backend.ts).
    routes: { ...ROUTES, pushed_authorization_request: '/api/oauth/par' },
    clientBasedCORS: () => false,
    rotateRefreshToken: true,
    // Refresh tokens only when offline_access was asked for and granted, for every client type.
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has(SCOPES.offline),
    ttl: {
      AccessToken: opts.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      ClientCredentials: 600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
      PreAuthorizedCode: 600,
    },
    interactions: {
      url: (_ctx, interaction) => `${INTERACTION_PREFIX}${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: opts.pushedAuthorizationRequests === true },
      dPoP: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        // Without this an `openid` request without `resource` at the token endpoint would get an
        // opaque userinfo-only token (toolchain notes §6).
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: RESOURCE_SCOPES.join(' '),
            audience: resource,
            accessTokenTTL: opts.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: (_ctx, id) => {
      const persona = personaFromAccountId(id);
      if (!persona) return undefined;
      const p = PERSONA_PROFILES[persona];
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          name: p.name,
          given_name: p.givenName,
          family_name: p.familyName,
          email: p.email,
          email_verified: true,
        }),
      };
    },
    // Errors that cannot go back to the client are JSON, like e-Próspera's error envelope.
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = { error: out.error, error_description: out.error_description };
    },
  };

  const provider = new Provider(opts.issuer, configuration);
  // Discovery lists the API's scopes too, as e-Próspera's does.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/.well-known/openid-configuration' && ctx.status === 200) {
      const body: unknown = ctx.body;
      if (body && typeof body === 'object') {
        Object.assign(body, { scopes_supported: [...SUPPORTED_SCOPES] });
        if (opts.issResponseParameter === false) {
          delete (body as Record<string, unknown>)[
            'authorization_response_iss_parameter_supported'
          ];
        }
      }
    }
    // Without `iss`: the redirect back to the client carries only code (or error) and state.
    const location = ctx.response.get('location');
    if (opts.issResponseParameter === false && location !== '') {
      const back = URL.parse(location);
      if (back !== null && back.searchParams.has('iss') && back.searchParams.has('state')) {
        back.searchParams.delete('iss');
        ctx.response.set('location', back.href);
      }
    }
  });
  provider.on('server_error', (_ctx, err) => {
    opts.log(`oidc-provider server_error: ${err.name}: ${err.message}`);
  });
  return provider;
}

const MISSING_PARAMETERS = { error: 'missing_parameters' } as const;
const RESPONSE_MODES = new Set(['query', 'fragment', 'form_post']);

/**
 * e-Próspera's own checks on `GET /api/oauth/authorize`, answered with JSON before any redirect.
 * Returns true when it has answered.
 */
export function rejectAuthorizeLikeEprospera(url: URL, res: ServerResponse): boolean {
  const q = url.searchParams;
  const required = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state'];
  if (required.some((name) => !q.get(name))) {
    sendJson(res, 400, MISSING_PARAMETERS);
    return true;
  }
  const mode = q.get('response_mode');
  if (mode !== null && !RESPONSE_MODES.has(mode)) {
    sendJson(res, 400, {
      error: 'invalid_request',
      error_description: 'Invalid response_mode. Must be one of: query, fragment, form_post',
    });
    return true;
  }
  const scopes = (q.get('scope') ?? '').split(' ');
  if (scopes.includes(SCOPES.openid) && !q.get('nonce')) {
    sendJson(res, 400, {
      error: 'invalid_request',
      error_description: 'nonce is required when requesting the openid scope',
    });
    return true;
  }
  return false;
}

/**
 * e-Próspera issues refresh tokens whenever `offline_access` is asked for; oidc-provider drops
 * that scope unless `prompt=consent` is present (OIDC Core §11). The consent page is shown anyway,
 * so add `prompt=consent` for such requests. Returns the rewritten request path, or undefined.
 */
export function authorizeUrlForProvider(url: URL): string | undefined {
  const q = url.searchParams;
  const scopes = (q.get('scope') ?? '').split(' ');
  if (!scopes.includes(SCOPES.offline) || q.has('prompt')) return undefined;
  const next = new URLSearchParams(q);
  next.set('prompt', 'consent');
  return `${url.pathname}?${next.toString()}`;
}

const LoginForm = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().max(256).optional(),
});
const ConsentForm = z.object({ decision: z.enum(['allow', 'deny']) });

const UID = /^[A-Za-z0-9_-]{1,64}$/;

function formObject(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) out[k] = v;
  return out;
}

/**
 * The login and consent pages under `/api/oauth/interaction/<uid>`:
 * GET shows the page the current prompt needs; POST `<uid>/login` and `<uid>/confirm` answer it.
 */
export async function handleInteraction(
  provider: Provider,
  resource: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const rest = pathname.slice(INTERACTION_PREFIX.length).split('/');
  const uid = rest[0] ?? '';
  const action = rest[1];
  if (!UID.test(uid) || rest.length > 2) {
    sendHtml(res, 404, messagePage('Not found', 'There is no such page.'));
    return;
  }

  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(
      res,
      400,
      messagePage(
        'Sign-in expired',
        'This sign-in attempt is no longer valid (expired, finished, or opened in another browser). Start again from the application.',
      ),
    );
    return;
  }
  if (details.uid !== uid) {
    sendHtml(
      res,
      400,
      messagePage('Sign-in mismatch', 'This page belongs to another sign-in attempt.'),
    );
    return;
  }
  const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : '';
  const base = `${INTERACTION_PREFIX}${uid}`;

  if (req.method === 'GET' && action === undefined) {
    if (details.prompt.name === 'login') {
      sendHtml(res, 200, loginPage({ action: `${base}/login`, clientId }));
      return;
    }
    const persona = personaFromAccountId(details.session?.accountId ?? '') ?? 'unknown';
    const scopes = (typeof details.params.scope === 'string' ? details.params.scope : '')
      .split(' ')
      .filter(Boolean);
    const withheld = persona === 'noscope' ? [SCOPES.idVerification] : [];
    sendHtml(
      res,
      200,
      consentPage({ action: `${base}/confirm`, clientId, persona, scopes, withheld }),
    );
    return;
  }

  if (req.method !== 'POST' || (action !== 'login' && action !== 'confirm')) {
    sendHtml(res, 405, messagePage('Not allowed', 'This page only answers its own forms.'));
    return;
  }

  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (err) {
    sendHtml(
      res,
      err instanceof BodyTooLarge ? 413 : 400,
      messagePage('Bad request', 'The form could not be read.'),
    );
    return;
  }

  if (action === 'login') {
    if (details.prompt.name !== 'login') {
      sendHtml(res, 400, messagePage('Already signed in', 'This sign-in step is already done.'));
      return;
    }
    const parsed = LoginForm.safeParse(formObject(form));
    const login = parsed.success ? parsed.data.login : '';
    if (!parsed.success || !isPersona(login)) {
      sendHtml(
        res,
        200,
        loginPage({
          action: `${base}/login`,
          clientId,
          login: parsed.success ? login : '',
          error: `Unknown user name${login ? ` "${login}"` : ''}. Use one of the personas listed below (for example "full").`,
        }),
      );
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: accountIdFor(login) } },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  // action === 'confirm'
  if (details.prompt.name !== 'consent' || !details.session) {
    sendHtml(res, 400, messagePage('Not at consent', 'Sign in first.'));
    return;
  }
  const parsed = ConsentForm.safeParse(formObject(form));
  if (!parsed.success) {
    sendHtml(res, 400, messagePage('Bad request', 'Choose Authorize or Deny.'));
    return;
  }
  if (parsed.data.decision === 'deny') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  const accountId = details.session.accountId;
  const persona: Persona | undefined = personaFromAccountId(accountId);
  const grant = details.grantId
    ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
    : new provider.Grant({ accountId, clientId });

  const promptDetails = details.prompt.details;
  const missingOIDCScope = z.array(z.string()).optional().parse(promptDetails.missingOIDCScope);
  const missingOIDCClaims = z.array(z.string()).optional().parse(promptDetails.missingOIDCClaims);
  const missingResourceScopes = z
    .record(z.string(), z.array(z.string()))
    .optional()
    .parse(promptDetails.missingResourceScopes);

  if (missingOIDCScope?.length) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims?.length) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
    if (indicator !== resource) continue;
    // The `noscope` persona never grants the id-verification scope: its token lacks it.
    const withheld: string[] =
      persona === 'noscope' ? scopes.filter((s) => s === SCOPES.idVerification) : [];
    const granted = scopes.filter((s) => !withheld.includes(s));
    if (granted.length) grant.addResourceScope(indicator, granted.join(' '));
    if (withheld.length) grant.rejectResourceScope(indicator, withheld.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}
