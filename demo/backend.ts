/**
 * A local stand-in for e-Próspera, for the demo and for tests (never shipped): an OpenID provider
 * and the API on one loopback origin (like portal.eprospera.com), and a signed-URL image store
 * (the "S3") on another. `startDemoBackend()` starts it; `close()` stops it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { z } from 'zod';
import { DEMO_CLIENTS } from '../shared/environments.ts';
import { handleApi } from './api.ts';
import { sendJson } from './http-util.ts';
import { createImageStore, objectKey } from './image-store.ts';
import { PERSONAS, PERSONA_PROFILES, isReviewPersona, type Persona } from './personas.ts';
import {
  DEMO_CONFIDENTIAL_SECRET,
  FIXED_PORT_REDIRECT,
  INTERACTION_PREFIX,
  ROUTES,
  ROUTE_ALIASES,
  authorizeUrlForProvider,
  createProvider,
  handleInteraction,
  rejectAuthorizeLikeEprospera,
} from './provider.ts';
import {
  SPECIMEN_KINDS,
  getPortraitPassport,
  getReviewSpecimens,
  getSpecimens,
  getTurnedSelfie,
  type SpecimenImage,
  type SpecimenKind,
} from './specimens.ts';

export type { Persona } from './personas.ts';
export { PERSONAS } from './personas.ts';

export interface StartOptions {
  host?: '127.0.0.1';
  /** 0 = ephemeral (tests); the demo uses DEMO_PORTS.issuer (4480). */
  issuerPort?: number;
  /** 0 = ephemeral; the demo uses DEMO_PORTS.images (4481). */
  imagePort?: number;
  /** Access-token lifetime; default 300. */
  accessTokenTtlSeconds?: number;
  /** X-Amz-Expires of the `shortlived` persona's URLs; default 5. */
  shortlivedTtlSeconds?: number;
  /** No console output (the default). */
  quiet?: boolean;
  /**
   * Offer pushed authorization requests (RFC 9126) at /api/oauth/par. Off by default: e-Próspera
   * does not advertise PAR, and the demo stays close to it; tests and `demo:server --par` turn it
   * on to show that a wrong client id or redirect URI then fails before the browser opens.
   */
  pushedAuthorizationRequests?: boolean;
  /**
   * Whether sign-in responses carry RFC 9207 `iss` (and discovery says so). On by default;
   * e-Próspera's do not, and tests of the mix-up defence turn it off to match.
   */
  issResponseParameter?: boolean;
}

export interface DemoBackend {
  /** OIDC issuer, e.g. http://127.0.0.1:4480 (discovery at /.well-known/openid-configuration). */
  issuer: string;
  /** Same origin as the issuer, like e-Próspera (API at /api/v1/...). */
  apiBase: string;
  /** http://127.0.0.1:<imagePort> — the "S3" store, a different origin. */
  imageOrigin: string;
  /** The audience / resource indicator access tokens are issued for. */
  resource: string;
  clients: {
    public: { clientId: string };
    confidential: { clientId: string; clientSecret: string };
    fixedPort: { clientId: string; redirectUri: string };
  };
  /**
   * The ID card's sides and the selfie; `passportPage` is the passport persona's documentFront;
   * `impostorSelfie` the `impostor` persona's selfie (someone other than the card's portrait).
   */
  specimens: Record<
    'documentFront' | 'documentBack' | 'face' | 'passportPage' | 'impostorSelfie',
    { sha256: string; byteLength: number; width: number; height: number }
  > & {
    /** The `portrait` persona's selfie: stored 1600×1200 with EXIF orientation 6, shown 1200×1600. */
    turnedFace: { sha256: string; byteLength: number; width: number; height: number };
  };
  /** Test controls (not reachable over HTTP). */
  control: {
    /** Number of id-verification responses for `shortlived` whose URLs are already expired when sent (default 1). */
    setShortlivedStaleResponses(n: number): void;
    /** Sign a URL for an object key, with optional overrides (to build forged/expired URLs in tests). */
    signUrl(key: string, opts?: { expiresSeconds?: number; dateOffsetSeconds?: number }): string;
    /** How many id-verification API requests each persona made (for asserting re-fetch counts). */
    apiCalls(persona: Persona): number;
    /** Zero the API call counts and put the `shortlived` stale-response budget back to its default (1). */
    resetCounters(): void;
    /** While on, the image store accepts every request and never answers (a hung store). */
    setImagesHeld(on: boolean): void;
  };
  close(): Promise<void>;
}

const StartOptionsSchema = z
  .object({
    host: z.literal('127.0.0.1').default('127.0.0.1'),
    issuerPort: z.number().int().min(0).max(65535).default(0),
    imagePort: z.number().int().min(0).max(65535).default(0),
    accessTokenTtlSeconds: z.number().int().min(1).max(86_400).default(300),
    shortlivedTtlSeconds: z.number().int().min(1).max(604_800).default(5),
    quiet: z.boolean().default(true),
    pushedAuthorizationRequests: z.boolean().default(false),
    issResponseParameter: z.boolean().default(true),
  })
  .strict();

const DEFAULT_STALE_RESPONSES = 1;
/** Ordinary signed URLs live an hour, as e-Próspera's do. */
const URL_TTL_SECONDS = 3600;

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Logs method, path and status — never a query string, header, token or signed URL. */
function logResponses(
  log: (line: string) => void,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const path = (req.url ?? '/').split('?')[0];
  res.once('finish', () => log(`${req.method} ${path} → ${res.statusCode}`));
}

export async function startDemoBackend(options: StartOptions = {}): Promise<DemoBackend> {
  const opts = StartOptionsSchema.parse(options);
  const log = opts.quiet
    ? () => undefined
    : (line: string) => console.log(`[demo-eprospera] ${line}`);

  // The specimens (cached per process) and the signing key are made while the servers start.
  const specimensReady = getSpecimens();
  const turnedReady = getTurnedSelfie();
  turnedReady.catch(() => undefined);
  const keysReady = generateKeyPair('RS256', { extractable: true });
  specimensReady.catch(() => undefined);
  keysReady.catch(() => undefined);
  const store = createImageStore();

  let appHandler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const app = createServer({ requestTimeout: 30_000 }, (req, res) => {
    if (appHandler) appHandler(req, res);
    else sendJson(res, 503, { error: 'starting' });
  });
  /** Test control: while set, the image store accepts requests and never answers them. */
  let holdImages = false;
  const images = createServer({ requestTimeout: 30_000 }, (req, res) => {
    logResponses(log, req, res);
    if (holdImages) return;
    store.handle(req, res);
  });

  try {
    const appPort = await listen(app, opts.host, opts.issuerPort);
    const imagePort = await listen(images, opts.host, opts.imagePort);
    const issuer = `http://${opts.host}:${appPort}`;
    const imageOrigin = `http://${opts.host}:${imagePort}`;
    const resource = `${issuer}/api`;
    store.setOrigin(imageOrigin);
    const specimens = await specimensReady;
    const turnedFace = await turnedReady;

    for (const persona of PERSONAS) {
      const session = PERSONA_PROFILES[persona].session;
      if (!session) continue;
      for (const kind of SPECIMEN_KINDS) {
        if (kind === 'documentBack' && !session.hasBack) continue;
        const image =
          kind === 'documentFront' && session.documentType === 'passport' ? 'passportPage' : kind;
        const specimen =
          kind !== 'face'
            ? specimens[image]
            : persona === 'portrait'
              ? turnedFace
              : persona === 'impostor'
                ? specimens.impostorSelfie
                : specimens.face;
        store.objects.set(objectKey(persona, kind), specimen);
      }
    }

    // A fresh RS256 key per start; no key material ever leaves this process.
    const { publicKey, privateKey } = await keysReady;
    const signingJwk = {
      ...(await exportJWK(privateKey)),
      kid: `idlens-demo-${Date.now().toString(36)}`,
      alg: 'RS256',
      use: 'sig',
    };
    const provider = createProvider({
      issuer,
      resource,
      signingJwk,
      accessTokenTtlSeconds: opts.accessTokenTtlSeconds,
      pushedAuthorizationRequests: opts.pushedAuthorizationRequests,
      issResponseParameter: opts.issResponseParameter,
      log,
    });
    const providerCallback = provider.callback();

    const calls = new Map<Persona, number>();
    let staleRemaining = DEFAULT_STALE_RESPONSES;

    const documentSigner = (persona: Persona) => {
      const now = Date.now();
      let expiresSeconds = URL_TTL_SECONDS;
      let date = new Date(now);
      if (persona === 'shortlived') {
        expiresSeconds = opts.shortlivedTtlSeconds;
        if (staleRemaining > 0) {
          staleRemaining -= 1;
          // Signed long enough ago that it expired a minute before it is sent.
          date = new Date(now - (expiresSeconds + 60) * 1000);
        }
      }
      return (kind: SpecimenKind) => store.sign(objectKey(persona, kind), { expiresSeconds, date });
    };

    // A persona's own documents replace the shared ones, rendered when first asked for.
    const storeOwnDocuments = async (persona: Persona) => {
      if (persona === 'portrait')
        store.objects.set(objectKey(persona, 'documentFront'), await getPortraitPassport());
      if (!isReviewPersona(persona)) return;
      const card = await getReviewSpecimens(persona);
      store.objects.set(objectKey(persona, 'documentFront'), card.documentFront);
      store.objects.set(objectKey(persona, 'documentBack'), card.documentBack);
    };

    appHandler = (req, res) => {
      void (async () => {
        const url = new URL(req.url ?? '/', issuer);
        const path = url.pathname;
        // The API logs its own lines (with the persona); everything else is logged here.
        if (!path.startsWith('/api/v1/')) logResponses(log, req, res);
        if (path.startsWith('/api/v1/')) {
          await handleApi(req, res, path, {
            issuer,
            resource,
            publicKey,
            documentSigner,
            prepareDocuments: storeOwnDocuments,
            onIdVerificationCall: (persona) => calls.set(persona, (calls.get(persona) ?? 0) + 1),
            log,
          });
          return;
        }
        if (path.startsWith(INTERACTION_PREFIX)) {
          await handleInteraction(provider, resource, req, res, path);
          return;
        }
        if (path === ROUTES.authorization) {
          if (req.method !== 'GET') {
            sendJson(
              res,
              405,
              {
                error: 'invalid_request',
                error_description: 'use GET for the authorization endpoint',
              },
              { Allow: 'GET' },
            );
            return;
          }
          // A pushed request was checked when it was pushed; the query holds only its reference.
          const pushed = opts.pushedAuthorizationRequests && url.searchParams.has('request_uri');
          if (!pushed && rejectAuthorizeLikeEprospera(url, res)) return;
          const rewritten = authorizeUrlForProvider(url);
          if (rewritten) req.url = rewritten;
        }
        const alias = ROUTE_ALIASES[path];
        if (alias) req.url = `${alias}${url.search}`;
        await providerCallback(req, res);
      })().catch((err: unknown) => {
        log(`internal error: ${err instanceof Error ? err.name : 'unknown'}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
        else res.destroy();
      });
    };

    const specimenFacts = (kind: SpecimenImage) => {
      const { sha256, byteLength, width, height } = specimens[kind];
      return { sha256, byteLength, width, height };
    };

    return {
      issuer,
      apiBase: issuer,
      imageOrigin,
      resource,
      clients: {
        public: { clientId: DEMO_CLIENTS.public },
        confidential: {
          clientId: DEMO_CLIENTS.confidential,
          clientSecret: DEMO_CONFIDENTIAL_SECRET,
        },
        fixedPort: { clientId: DEMO_CLIENTS.fixedPort, redirectUri: FIXED_PORT_REDIRECT },
      },
      specimens: {
        documentFront: specimenFacts('documentFront'),
        documentBack: specimenFacts('documentBack'),
        face: specimenFacts('face'),
        turnedFace: {
          sha256: turnedFace.sha256,
          byteLength: turnedFace.byteLength,
          width: turnedFace.width,
          height: turnedFace.height,
        },
        passportPage: specimenFacts('passportPage'),
        impostorSelfie: specimenFacts('impostorSelfie'),
      },
      control: {
        setShortlivedStaleResponses(n) {
          staleRemaining = z.number().int().min(0).parse(n);
        },
        signUrl(key, signOpts = {}) {
          const offset = signOpts.dateOffsetSeconds ?? 0;
          return store.sign(key, {
            expiresSeconds: signOpts.expiresSeconds ?? URL_TTL_SECONDS,
            date: new Date(Date.now() + offset * 1000),
          });
        },
        apiCalls(persona) {
          return calls.get(persona) ?? 0;
        },
        setImagesHeld(on) {
          holdImages = on;
          if (!on) images.closeIdleConnections();
        },
        resetCounters() {
          calls.clear();
          staleRemaining = DEFAULT_STALE_RESPONSES;
        },
      },
      async close() {
        images.closeAllConnections();
        await Promise.all([closeServer(app), closeServer(images)]);
      },
    };
  } catch (err) {
    await Promise.all([closeServer(app), closeServer(images)]);
    throw err;
  }
}
