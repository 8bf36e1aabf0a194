import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDocuments, type LoadDocumentsDeps } from '../../core/documents/loader.ts';
import { DocumentsResultSchema, type Progress } from '../../shared/ipc.ts';
import { SCOPES } from '../../shared/environments.ts';
import { IdlensError } from '../../shared/errors.ts';

/**
 * loadDocuments against a scripted API and image store of this file's own (the demo backend's
 * suite is documents-demo.test.ts): bad images are refused one slot at a time, expiry is
 * recovered from once, and the store never sees a token.
 */

const TOKEN = 'at-loader-test-token-0123456789';
let jpegs: Record<'front' | 'back' | 'face', Buffer>;
let png: Buffer;
let hugeDims: Buffer;

let api: http.Server;
let store: http.Server;
let apiBase = '';
let storeBase = '';
/** Each id-verification request takes the next body (the last one repeats). */
let apiScript: (() => { status: number; body: unknown })[] = [];
let apiCalls = 0;
let registryCalls = 0;
let storeRequests: { path: string; authorization?: string }[] = [];
/** Paths the store answers with 403 "Request has expired", and how many more times. */
let expireBudget = new Map<string, number>();

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function signed(path: string, { ageSeconds = 0, expires = 3600 } = {}): string {
  return `${storeBase}${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate(Date.now() - ageSeconds * 1000)}&X-Amz-Expires=${expires}&X-Amz-Signature=deadbeef`;
}

function body(
  id: string,
  documents: Record<'documentFront' | 'documentBack' | 'face', string | null>,
) {
  return { id, type: 'veriff', date: '2024-01-15T10:30:00.000Z', status: 'approved', documents };
}

beforeAll(async () => {
  const make = (background: string, width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background } })
      .jpeg()
      .toBuffer();
  jpegs = {
    front: await make('#aa0000', 64, 40),
    back: await make('#00aa00', 64, 40),
    face: await make('#0000aa', 30, 40),
  };
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  hugeDims = Buffer.from(jpegs.front);
  for (let i = 2; i < hugeDims.length - 9; i++) {
    if (hugeDims[i] === 0xff && hugeDims[i + 1] === 0xc0) {
      hugeDims.writeUInt16BE(60000, i + 5);
      hugeDims.writeUInt16BE(60000, i + 7);
      break;
    }
  }

  api = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, payload: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return send(401, { error: 'invalid_token' });
    if (path === '/api/v1/me/natural-person') {
      registryCalls++;
      return send(200, { givenName: 'Ana', surname: 'Specimen' });
    }
    apiCalls++;
    const next = apiScript.length > 1 ? apiScript.shift()! : apiScript[0]!;
    const { status, body: payload } = next();
    send(status, payload);
  });
  store = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    storeRequests.push({ path, authorization: req.headers.authorization });
    const left = expireBudget.get(path) ?? 0;
    if (left > 0) {
      expireBudget.set(path, left - 1);
      res.writeHead(403, { 'content-type': 'application/xml' });
      return res.end(
        '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
      );
    }
    const files: Record<string, Buffer> = {
      '/front.jpg': jpegs.front,
      '/back.jpg': jpegs.back,
      '/face.jpg': jpegs.face,
      '/png-as-jpeg.jpg': png,
      '/dims.jpg': hugeDims,
      '/truncated.jpg': jpegs.face.subarray(0, jpegs.face.length - 20),
      '/empty.jpg': Buffer.alloc(0),
      '/html.jpg': Buffer.from('<html><body><h1>Error</h1></body></html>'),
    };
    const file = files[path];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': file.length }).end(file);
  });
  for (const server of [api, store])
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  storeBase = `http://127.0.0.1:${(store.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const server of [api, store]) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

beforeEach(() => {
  apiScript = [];
  apiCalls = 0;
  registryCalls = 0;
  storeRequests = [];
  expireBudget = new Map();
});

function deps(over: Partial<LoadDocumentsDeps> = {}): LoadDocumentsDeps {
  return {
    apiBase,
    getAccessToken: () => TOKEN,
    grantedScopes: [SCOPES.openid, SCOPES.idVerification],
    allowedImageHosts: ['127.0.0.1'],
    allowLoopbackHttp: true,
    ...over,
  };
}

const allThree = () =>
  body('session-1', {
    documentFront: signed('/front.jpg'),
    documentBack: signed('/back.jpg'),
    face: signed('/face.jpg'),
  });

describe('loadDocuments', () => {
  it('downloads all three images, checks and hashes them, and reports progress per slot', async () => {
    apiScript = [() => ({ status: 200, body: allThree() })];
    const progress: Progress[] = [];
    const result = await loadDocuments(deps({ onProgress: (p) => progress.push(p) }));
    expect(DocumentsResultSchema.safeParse(result).success).toBe(true);
    expect(result.verified).toBe(true);
    expect(result.session).toEqual({
      id: 'session-1',
      type: 'veriff',
      date: '2024-01-15T10:30:00.000Z',
      status: 'approved',
    });
    expect(result.documents.documentFront).toMatchObject({
      mime: 'image/jpeg',
      width: 64,
      height: 40,
      byteLength: jpegs.front.length,
      sha256: sha(jpegs.front),
    });
    expect(result.documents.documentBack?.sha256).toBe(sha(jpegs.back));
    expect(result.documents.face).toMatchObject({ width: 30, height: 40, sha256: sha(jpegs.face) });
    expect(Buffer.from(result.documents.face!.bytes).equals(jpegs.face)).toBe(true);
    expect(result.refused).toEqual({});
    for (const slot of ['documentFront', 'documentBack', 'face'] as const) {
      const last = progress.filter((p) => p.slot === slot).at(-1);
      expect(last?.done).toBe(true);
      expect(last?.receivedBytes).toBe(result.documents[slot]?.byteLength);
    }
    expect(storeRequests.every((r) => r.authorization === undefined)).toBe(true);
    expect(apiCalls).toBe(1);
    expect(registryCalls).toBe(0);
    expect(JSON.stringify({ ...result, documents: null })).not.toContain('X-Amz');
  });

  it('downloads the images in parallel', async () => {
    apiScript = [() => ({ status: 200, body: allThree() })];
    let inFlight = 0;
    let maxInFlight = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      const isImage = String(input instanceof Request ? input.url : input).startsWith(storeBase);
      if (isImage) maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        const response = await fetch(input, init);
        if (isImage) await new Promise((r) => setTimeout(r, 50));
        return response;
      } finally {
        if (isImage) inFlight--;
      }
    };
    await loadDocuments(deps({ fetch: countingFetch }));
    expect(maxInFlight).toBe(3);
  });

  it('treats all-null as not verified, with no download', async () => {
    apiScript = [
      () => ({
        status: 200,
        body: {
          id: null,
          type: null,
          date: null,
          status: null,
          documents: { documentFront: null, documentBack: null, face: null },
        },
      }),
    ];
    const result = await loadDocuments(deps());
    expect(result).toEqual({
      verified: false,
      session: { id: null, type: null, date: null, status: null },
      documents: { documentFront: null, documentBack: null, face: null },
      refused: {},
    });
    expect(storeRequests).toHaveLength(0);
  });

  it('keeps a passport (no back) as documentBack null', async () => {
    apiScript = [
      () => ({
        status: 200,
        body: body('s', {
          documentFront: signed('/front.jpg'),
          documentBack: null,
          face: signed('/face.jpg'),
        }),
      }),
    ];
    const result = await loadDocuments(deps());
    expect(result.documents.documentBack).toBeNull();
    expect(result.documents.documentFront).not.toBeNull();
    expect(result.refused).toEqual({});
  });

  it.each([
    ['an HTML page served as image/jpeg', '/html.jpg', 'image_not_jpeg'],
    ['a PNG', '/png-as-jpeg.jpg', 'image_not_jpeg'],
    ['a truncated JPEG', '/truncated.jpg', 'image_truncated'],
    ['zero bytes', '/empty.jpg', 'image_not_jpeg'],
    ['a frame of 60000×60000', '/dims.jpg', 'image_dimensions'],
    ['a missing object', '/nothing.jpg', 'download_failed'],
  ])('refuses %s in its slot and still shows the others', async (_name, path, code) => {
    apiScript = [
      () => ({
        status: 200,
        body: body('s', {
          documentFront: signed(path),
          documentBack: signed('/back.jpg'),
          face: signed('/face.jpg'),
        }),
      }),
    ];
    const result = await loadDocuments(deps());
    expect(result.documents.documentFront).toBeNull();
    expect(result.refused.documentFront?.code).toBe(code);
    expect(result.documents.documentBack?.sha256).toBe(sha(jpegs.back));
    expect(result.documents.face?.sha256).toBe(sha(jpegs.face));
  });

  it('refuses URLs the guard rejects without fetching them', async () => {
    apiScript = [
      () => ({
        status: 200,
        body: body('s', {
          documentFront: 'https://evil.example.com/front.jpg',
          documentBack: 'file:///etc/passwd',
          face: signed('/face.jpg'),
        }),
      }),
    ];
    const result = await loadDocuments(
      deps({ lookup: () => Promise.resolve([{ address: '93.184.216.34', family: 4 }]) }),
    );
    expect(result.refused).toEqual({
      documentFront: { code: 'host_not_allowed', message: expect.any(String) },
      documentBack: { code: 'url_refused', message: expect.any(String) },
    });
    expect(storeRequests.map((r) => r.path)).toEqual(['/face.jpg']);
  });

  it('refuses a loopback http API outside demo mode, so neither the token nor a URL moves', async () => {
    apiScript = [() => ({ status: 200, body: allThree() })];
    await expect(loadDocuments(deps({ allowLoopbackHttp: false }))).rejects.toMatchObject({
      code: 'insecure_url',
    });
    expect(apiCalls).toBe(0);
    expect(storeRequests).toHaveLength(0);
  });

  it('asks for fresh URLs once when the first ones have already expired, without trying them', async () => {
    apiScript = [
      () => ({
        status: 200,
        body: body('s', {
          documentFront: signed('/front.jpg', { ageSeconds: 7200 }),
          documentBack: signed('/back.jpg'),
          face: signed('/face.jpg'),
        }),
      }),
      () => ({ status: 200, body: allThree() }),
    ];
    const result = await loadDocuments(deps());
    expect(apiCalls).toBe(2);
    expect(storeRequests).toHaveLength(3);
    expect(result.documents.documentFront?.sha256).toBe(sha(jpegs.front));
  });

  it('asks for fresh URLs once when the store says a URL has expired, and re-downloads only that slot', async () => {
    apiScript = [() => ({ status: 200, body: allThree() })];
    expireBudget.set('/face.jpg', 1);
    const result = await loadDocuments(deps());
    expect(apiCalls).toBe(2);
    expect(storeRequests.map((r) => r.path).sort()).toEqual([
      '/back.jpg',
      '/face.jpg',
      '/face.jpg',
      '/front.jpg',
    ]);
    expect(result.documents.face?.sha256).toBe(sha(jpegs.face));
    expect(result.refused).toEqual({});
  });

  it('fails with url_expired when the fresh URLs expire too', async () => {
    apiScript = [() => ({ status: 200, body: allThree() })];
    expireBudget.set('/face.jpg', 2);
    await expect(loadDocuments(deps())).rejects.toMatchObject({ code: 'url_expired' });
    expect(apiCalls).toBe(2);
  });

  it('starts over when the fresh answer names another session', async () => {
    apiScript = [
      () => ({ status: 200, body: allThree() }),
      () => ({
        status: 200,
        body: body('session-2', {
          documentFront: signed('/back.jpg'),
          documentBack: null,
          face: signed('/face.jpg'),
        }),
      }),
    ];
    expireBudget.set('/front.jpg', 1);
    const result = await loadDocuments(deps());
    expect(result.session.id).toBe('session-2');
    expect(result.documents.documentFront?.sha256).toBe(sha(jpegs.back));
    expect(result.documents.documentBack).toBeNull();
  });

  it('turns API errors into IdlensError with the contract codes', async () => {
    apiScript = [
      () => ({
        status: 403,
        body: { error: 'missing_scopes: eprospera:person.id_verification.read' },
      }),
    ];
    await expect(loadDocuments(deps())).rejects.toMatchObject({ code: 'missing_scope' });
    apiScript = [() => ({ status: 500, body: { error: 'Internal server error' } })];
    await expect(loadDocuments(deps())).rejects.toBeInstanceOf(IdlensError);
    await expect(loadDocuments(deps())).rejects.toMatchObject({ code: 'server_error' });
    apiScript = [() => ({ status: 200, body: { id: 5 } })];
    await expect(loadDocuments(deps())).rejects.toMatchObject({ code: 'malformed_body' });
  });

  it('refreshes an invalid token once, shared by the parallel registry call', async () => {
    apiScript = [() => ({ status: 200, body: allThree() })];
    let token = 'stale-token-000000000';
    let refreshes = 0;
    const result = await loadDocuments(
      deps({
        getAccessToken: () => token,
        refreshAccessToken: async () => {
          refreshes++;
          await new Promise((r) => setTimeout(r, 20));
          token = TOKEN;
          return true;
        },
        grantedScopes: [SCOPES.idVerification, SCOPES.details],
      }),
    );
    expect(refreshes).toBe(1);
    expect(result.verified).toBe(true);
    expect(result.registry).toMatchObject({ givenName: 'Ana' });
  });

  it('fetches registry data only when the details scope was granted', async () => {
    apiScript = [() => ({ status: 200, body: allThree() })];
    const without = await loadDocuments(deps());
    expect(without.registry).toBeUndefined();
    expect(registryCalls).toBe(0);
    const withDetails = await loadDocuments(
      deps({ grantedScopes: [SCOPES.idVerification, SCOPES.details] }),
    );
    expect(withDetails.registry).toEqual({ givenName: 'Ana', surname: 'Specimen' });
    expect(registryCalls).toBe(1);
  });
});
