/**
 * The demo e-Próspera API: `GET /api/v1/me/natural-person/id-verification` (and its deprecated
 * `id_verification` alias) and `GET /api/v1/me/natural-person`, answering with exactly the bodies
 * and errors of the endpoint reference. Bearer tokens are verified for real: RS256 signature
 * against the provider's key, issuer, audience (the resource), expiry and `typ: at+jwt`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import { z } from 'zod';
import { SCOPES } from '../shared/environments.ts';
import { sendJson } from './http-util.ts';
import {
  PERSONA_PROFILES,
  naturalPersonFor,
  personaFromAccountId,
  type Persona,
} from './personas.ts';
import type { SpecimenKind } from './specimens.ts';

export const API_PATHS = {
  idVerification: '/api/v1/me/natural-person/id-verification',
  idVerificationDeprecated: '/api/v1/me/natural-person/id_verification',
  naturalPerson: '/api/v1/me/natural-person',
} as const;

const AccessTokenClaims = z.object({
  sub: z.string(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
});

export interface ApiOptions {
  issuer: string;
  resource: string;
  publicKey: CryptoKey | KeyObject;
  /** Called once per successful id-verification answer: signs that answer's document URLs. */
  documentSigner: (persona: Persona) => (kind: SpecimenKind) => string;
  /** Awaited before a persona's document URLs are signed (to render documents made on demand). */
  prepareDocuments?: (persona: Persona) => Promise<void>;
  onIdVerificationCall: (persona: Persona) => void;
  log: (line: string) => void;
}

const NULL_BODY = {
  id: null,
  type: null,
  date: null,
  status: null,
  documents: { documentFront: null, documentBack: null, face: null },
} as const;

interface Authenticated {
  persona: Persona;
  scopes: Set<string>;
}

async function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  opts: ApiOptions,
): Promise<Authenticated | undefined> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer +([^\s]+) *$/i.exec(header);
  if (!match?.[1]) {
    sendJson(res, 401, { error: 'missing_token' });
    return undefined;
  }
  try {
    const { payload } = await jwtVerify(match[1], opts.publicKey, {
      issuer: opts.issuer,
      audience: opts.resource,
      typ: 'at+jwt',
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const claims = AccessTokenClaims.parse(payload);
    const persona = personaFromAccountId(claims.sub);
    if (!persona) throw new Error('unknown subject');
    return { persona, scopes: new Set((claims.scope ?? '').split(' ').filter(Boolean)) };
  } catch {
    sendJson(res, 401, { error: 'invalid_token' });
    return undefined;
  }
}

/** Answers an `/api/v1/...` request. Returns false if the path is not an API path. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  opts: ApiOptions,
): Promise<boolean> {
  const isIdv =
    pathname === API_PATHS.idVerification || pathname === API_PATHS.idVerificationDeprecated;
  const isNp = pathname === API_PATHS.naturalPerson;
  if (!isIdv && !isNp) {
    if (pathname.startsWith('/api/v1/')) {
      sendJson(res, 404, { error: 'not_found' });
      opts.log(`${req.method} ${pathname} → 404`);
      return true;
    }
    return false;
  }
  if (req.method !== 'GET') {
    sendJson(res, 405, { error: 'method_not_allowed' }, { Allow: 'GET' });
    opts.log(`${req.method} ${pathname} → 405`);
    return true;
  }

  const auth = await authenticate(req, res, opts);
  if (!auth) {
    opts.log(`GET ${pathname} → 401`);
    return true;
  }
  const { persona, scopes } = auth;
  if (isIdv) opts.onIdVerificationCall(persona);

  const needed = isIdv ? SCOPES.idVerification : SCOPES.details;
  if (!scopes.has(needed)) {
    sendJson(res, 401, { error: `missing_scopes: ${needed}` });
    opts.log(`GET ${pathname} → 401 missing scope (${persona})`);
    return true;
  }
  if (persona === 'broken') {
    sendJson(res, 500, { error: 'Internal server error' });
    opts.log(`GET ${pathname} → 500 (${persona})`);
    return true;
  }

  if (isNp) {
    sendJson(res, 200, naturalPersonFor(persona));
    opts.log(`GET ${pathname} → 200 (${persona})`);
    return true;
  }

  const session = PERSONA_PROFILES[persona].session;
  if (!session) {
    sendJson(res, 200, NULL_BODY);
    opts.log(`GET ${pathname} → 200 all null (${persona})`);
    return true;
  }
  await opts.prepareDocuments?.(persona);
  const sign = opts.documentSigner(persona);
  sendJson(res, 200, {
    id: session.id,
    type: 'veriff',
    documentType: session.documentType,
    date: session.date,
    status: 'approved',
    documents: {
      documentFront: sign('documentFront'),
      documentBack: session.hasBack ? sign('documentBack') : null,
      face: sign('face'),
    },
  });
  opts.log(`GET ${pathname} → 200 (${persona})`);
  return true;
}
