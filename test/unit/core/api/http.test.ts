import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchIdVerification } from '../../../../core/api/id-verification.ts';
import { fetchNaturalPerson } from '../../../../core/api/natural-person.ts';
import type { ApiDeps } from '../../../../core/api/http.ts';

/** A scripted API on loopback: each request takes the next responder (the last one repeats). */
type Responder = (req: http.IncomingMessage, res: http.ServerResponse) => void;
interface Seen {
  path: string;
  authorization: string | undefined;
  accept: string | undefined;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

const TOKEN = 'at-secret-1234567890';
const FRESH = 'at-fresh-0987654321';
const VERIFIED = {
  id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  type: 'veriff',
  documentType: 'national_id',
  date: '2024-01-15T10:30:00.000Z',
  status: 'approved',
  documents: {
    documentFront: 'https://s3.us-east-2.amazonaws.com/b/front.jpg?X-Amz-Signature=s1',
    documentBack: null,
    face: 'https://s3.us-east-2.amazonaws.com/b/face.jpg?X-Amz-Signature=s2',
  },
};
const NONE = {
  id: null,
  type: null,
  date: null,
  status: null,
  documents: { documentFront: null, documentBack: null, face: null },
};

let api: http.Server;
let other: http.Server;
let base = '';
let otherBase = '';
let script: Responder[] = [];
let seen: Seen[] = [];
let otherSeen: Seen[] = [];

function serve(log: () => Seen[], next: () => Responder): http.Server {
  return http.createServer((req, res) => {
    log().push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
      accept: req.headers.accept,
    });
    next()(req, res);
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  api = serve(
    () => seen,
    () => (script.length > 1 ? script.shift()! : script[0]!),
  );
  other = serve(
    () => otherSeen,
    () => json(200, VERIFIED),
  );
  base = await listen(api);
  otherBase = await listen(other);
});
afterAll(async () => {
  api.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([api, other].map((s) => new Promise((r) => s.close(r))));
});
beforeEach(() => {
  script = [];
  seen = [];
  otherSeen = [];
});

const sleeps: number[] = [];
function deps(overrides: Partial<ApiDeps> = {}): ApiDeps {
  sleeps.length = 0;
  return {
    apiBase: base,
    // The test API listens on loopback http, as the demo backend does.
    allowLoopbackHttp: true,
    getAccessToken: () => TOKEN,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  };
}

function expectSafe(outcome: { kind: string; message?: string }): void {
  const text = JSON.stringify(outcome);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(FRESH);
  // A failure to connect names the API's host, never a URL (scheme, path or query).
  expect(text).not.toContain('http://');
  expect(text).not.toContain('/api/');
  if (!('detail' in outcome)) expect(text).not.toContain('127.0.0.1');
  expect(text).not.toContain('X-Amz');
}

describe('id-verification client', () => {
  it('sends the bearer token and Accept: application/json, and reads a verified answer', async () => {
    script = [json(200, VERIFIED)];
    const outcome = await fetchIdVerification(deps());
    expect(outcome).toMatchObject({
      kind: 'verified',
      session: { id: VERIFIED.id, type: 'veriff', date: VERIFIED.date, status: 'approved' },
      documents: VERIFIED.documents,
    });
    expect(seen).toEqual([
      {
        path: '/api/v1/me/natural-person/id-verification',
        authorization: `Bearer ${TOKEN}`,
        accept: 'application/json',
      },
    ]);
  });

  it('keeps a path prefix of the API base', async () => {
    script = [json(200, VERIFIED)];
    await fetchIdVerification(deps({ apiBase: `${base}/prefix/` }));
    expect(seen[0]!.path).toBe('/prefix/api/v1/me/natural-person/id-verification');
  });

  it('treats an all-null answer as not verified, not as an error', async () => {
    script = [json(200, NONE)];
    expect(await fetchIdVerification(deps())).toMatchObject({
      kind: 'not_verified',
      session: { id: null, type: null, date: null, status: null },
    });
  });

  it('reports the server clock from the Date header', async () => {
    script = [json(200, VERIFIED, { date: 'Mon, 15 Jan 2024 10:30:00 GMT' })];
    expect(await fetchIdVerification(deps())).toMatchObject({
      serverDate: Date.UTC(2024, 0, 15, 10, 30),
    });
  });

  it('gives missing_token without a request when there is no token', async () => {
    script = [json(200, VERIFIED)];
    expect(await fetchIdVerification(deps({ getAccessToken: () => null }))).toMatchObject({
      kind: 'error',
      code: 'missing_token',
    });
    expect(seen).toHaveLength(0);
  });

  it('refuses a plain-http API base that is not loopback, without a request', async () => {
    const outcome = await fetchIdVerification(deps({ apiBase: 'http://portal.example.com' }));
    expect(outcome).toMatchObject({ kind: 'error', code: 'insecure_url' });
  });

  it('refuses a plain-http loopback API base outside demo mode, so no token goes to it', async () => {
    const outcome = await fetchIdVerification(deps({ allowLoopbackHttp: false }));
    expect(outcome).toMatchObject({ kind: 'error', code: 'insecure_url' });
    expect(seen).toHaveLength(0);
  });

  it('maps 401 missing_token', async () => {
    script = [json(401, { error: 'missing_token' })];
    expect(await fetchIdVerification(deps())).toMatchObject({ code: 'missing_token', status: 401 });
  });

  it('refreshes once on invalid_token and retries with the new token', async () => {
    let token = TOKEN;
    let refreshes = 0;
    script = [json(401, { error: 'invalid_token' }), json(200, VERIFIED)];
    const outcome = await fetchIdVerification(
      deps({
        getAccessToken: () => token,
        refreshAccessToken: () => {
          refreshes++;
          token = FRESH;
          return Promise.resolve(true);
        },
      }),
    );
    expect(outcome.kind).toBe('verified');
    expect(refreshes).toBe(1);
    expect(seen.map((s) => s.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${FRESH}`]);
  });

  it('gives auth_required when the token is invalid and cannot be refreshed', async () => {
    script = [json(401, { error: 'invalid_token' })];
    expect(await fetchIdVerification(deps())).toMatchObject({ code: 'auth_required' });
    expect(
      await fetchIdVerification(deps({ refreshAccessToken: () => Promise.resolve(false) })),
    ).toMatchObject({
      code: 'auth_required',
    });
    expect(
      await fetchIdVerification(
        deps({
          refreshAccessToken: () => Promise.reject(new Error('refresh token revoked')),
        }),
      ),
    ).toMatchObject({ code: 'auth_required' });
  });

  it('gives invalid_token when the refreshed token is rejected too, after one refresh', async () => {
    let refreshes = 0;
    script = [json(401, { error: 'invalid_token' })];
    const outcome = await fetchIdVerification(
      deps({
        refreshAccessToken: () => {
          refreshes++;
          return Promise.resolve(true);
        },
      }),
    );
    expect(outcome).toMatchObject({ code: 'invalid_token' });
    expect(refreshes).toBe(1);
    expect(seen).toHaveLength(2);
  });

  it.each([
    [
      '401 missing_scopes',
      json(401, { error: 'missing_scopes: eprospera:person.id_verification.read' }),
    ],
    [
      '403 missing_scopes',
      json(403, { error: 'missing_scopes: eprospera:person.id_verification.read' }),
    ],
    [
      '403 nested error object',
      json(403, { error: { code: 'forbidden', message: 'Not allowed' } }),
    ],
    [
      '403 without a body',
      (_req: http.IncomingMessage, res: http.ServerResponse) => void res.writeHead(403).end(),
    ],
    [
      '401 insufficient_scope challenge',
      json(401, {}, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="x"' }),
    ],
  ])('maps %s to missing_scope without refreshing', async (_name, responder) => {
    let refreshes = 0;
    script = [responder];
    const outcome = await fetchIdVerification(
      deps({ refreshAccessToken: () => Promise.resolve(++refreshes > 0) }),
    );
    expect(outcome).toMatchObject({ kind: 'error', code: 'missing_scope' });
    expect(refreshes).toBe(0);
  });

  it('backs off on 429 with capped, jittered delays and then succeeds', async () => {
    script = [
      json(429, { error: 'rate_limited' }),
      json(429, { error: 'rate_limited' }),
      json(200, VERIFIED),
    ];
    const outcome = await fetchIdVerification(
      deps({ random: () => 0.999, retry: { baseMs: 100, capMs: 150 } }),
    );
    expect(outcome.kind).toBe('verified');
    expect(sleeps).toEqual([99, 149]);
  });

  it('gives rate_limited after three retries', async () => {
    script = [json(429, { error: 'too many requests' })];
    const outcome = await fetchIdVerification(deps());
    expect(outcome).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(seen).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(4000);
  });

  it('honours Retry-After when present, capped', async () => {
    script = [
      json(429, {}, { 'retry-after': '2' }),
      json(429, {}, { 'retry-after': '3600' }),
      json(200, NONE),
    ];
    const outcome = await fetchIdVerification(deps());
    expect(outcome.kind).toBe('not_verified');
    expect(sleeps).toEqual([2000, 30_000]);
  });

  it.each([
    ['500 with the documented sentence', json(500, { error: 'Internal server error' })],
    [
      '502 with an HTML page',
      (_q: http.IncomingMessage, res: http.ServerResponse) =>
        void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'),
    ],
    ['404', json(404, { error: 'not_found' })],
  ])('maps %s to server_error', async (_name, responder) => {
    script = [responder];
    const outcome = await fetchIdVerification(deps());
    expect(outcome).toMatchObject({ kind: 'error', code: 'server_error' });
    expectSafe(outcome);
  });

  it.each([
    [
      'not JSON',
      (_q: http.IncomingMessage, res: http.ServerResponse) => void res.end('<html>hello</html>'),
    ],
    ['the wrong shape', json(200, { data: VERIFIED })],
    [
      'a document that is not a URL',
      json(200, { ...VERIFIED, documents: { ...VERIFIED.documents, face: 'face.jpg' } }),
    ],
    [
      'over 1 MB',
      (_q: http.IncomingMessage, res: http.ServerResponse) =>
        void res.end(JSON.stringify({ ...VERIFIED, pad: 'x'.repeat(1_100_000) })),
    ],
  ])('maps a 200 with %s to malformed_body', async (_name, responder) => {
    script = [responder];
    const outcome = await fetchIdVerification(deps());
    expect(outcome).toMatchObject({ kind: 'error', code: 'malformed_body' });
    expectSafe(outcome);
  });

  it('gives network_error when nothing listens', async () => {
    const closed = http.createServer();
    const closedBase = await listen(closed);
    await new Promise((r) => closed.close(r));
    const outcome = await fetchIdVerification(deps({ apiBase: closedBase }));
    expect(outcome).toMatchObject({
      kind: 'error',
      code: 'network_error',
      detail: { host: new URL(closedBase).host, cause: 'refused' },
    });
    expectSafe(outcome);
  });

  it('gives network_error when the API does not answer in time', async () => {
    script = [() => undefined];
    const outcome = await fetchIdVerification(deps({ timeoutMs: 200 }));
    expect(outcome).toMatchObject({
      kind: 'error',
      code: 'network_error',
      detail: { host: new URL(base).host, cause: 'timeout' },
    });
    expect((outcome as { message: string }).message).toBe(
      `The API could not be reached: ${new URL(base).host} did not answer in time.`,
    );
  });

  it('does not follow a redirect to another origin, so the token never goes there', async () => {
    script = [(_q, res) => void res.writeHead(302, { location: `${otherBase}/steal` }).end()];
    const outcome = await fetchIdVerification(deps());
    expect(outcome).toMatchObject({ kind: 'error', code: 'server_error' });
    expect(otherSeen).toHaveLength(0);
    expectSafe(outcome);
  });

  it('follows a redirect within the API origin', async () => {
    script = [
      (_q, res) =>
        void res.writeHead(307, { location: '/api/v1/me/natural-person/id_verification' }).end(),
      json(200, VERIFIED),
    ];
    expect((await fetchIdVerification(deps())).kind).toBe('verified');
    expect(seen.map((s) => s.path)).toEqual([
      '/api/v1/me/natural-person/id-verification',
      '/api/v1/me/natural-person/id_verification',
    ]);
  });
});

describe('natural-person client', () => {
  it('calls /api/v1/me/natural-person and accepts a null body', async () => {
    script = [json(200, null)];
    expect(await fetchNaturalPerson(deps())).toEqual({ kind: 'registry', registry: null });
    expect(seen[0]!.path).toBe('/api/v1/me/natural-person');
  });

  it('returns the registry record', async () => {
    script = [json(200, { givenName: 'Ana', surname: 'Specimen', citizenships: ['Honduras'] })];
    expect(await fetchNaturalPerson(deps())).toMatchObject({
      kind: 'registry',
      registry: { givenName: 'Ana' },
    });
  });

  it('shares the error mapping', async () => {
    script = [json(403, { error: 'missing_scopes: eprospera:person.details.read' })];
    expect(await fetchNaturalPerson(deps())).toMatchObject({
      kind: 'error',
      code: 'missing_scope',
    });
  });
});
