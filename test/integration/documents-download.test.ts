import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadImage, type DownloadOptions } from '../../core/documents/download.ts';
import { IdlensError } from '../../shared/errors.ts';

/**
 * Hostile image stores on loopback: each route misbehaves in one way, and each misbehaviour must
 * end in its own error code — without ever sending a bearer token or cookie.
 */

const MB = 1024 * 1024;
let jpeg: Buffer;
let store: http.Server;
let elsewhere: http.Server;
let base = '';
let elsewhereBase = '';
const seen: { path: string; authorization?: string; cookie?: string }[] = [];
let elsewhereRequests = 0;
/** Bytes the store managed to write on the streaming routes before the client gave up. */
let streamedBytes = 0;
/** The response of the `/paced` route: the test writes to it when it chooses. */
let paced: { res: http.ServerResponse; ready: () => void } | null = null;
let pacedReady: Promise<void> = Promise.resolve();

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>1</RequestId></Error>`;

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0];
  switch (path) {
    case '/ok.jpg':
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
      res.end(jpeg);
      return;
    case '/chunked.jpg': {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const step = Math.ceil(jpeg.length / 4);
      for (let i = 0; i < jpeg.length; i += step) res.write(jpeg.subarray(i, i + step));
      res.end();
      return;
    }
    case '/declared-too-large':
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 26 * MB });
      res.write(jpeg.subarray(0, 100));
      return; // never finishes: the client must refuse on the header alone
    case '/chunked-too-large': {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(MB, 0x41);
      let sent = 0;
      const pump = () => {
        while (sent < 40) {
          sent++;
          streamedBytes += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    case '/drip': {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
      res.write(jpeg.subarray(0, 10));
      let at = 10;
      const timer = setInterval(() => {
        if (res.destroyed || at >= jpeg.length) return clearInterval(timer);
        res.write(jpeg.subarray(at, at + 1));
        at++;
      }, 400);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/steady-trickle': {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed || at >= jpeg.length) return clearInterval(timer);
        res.write(jpeg.subarray(at, at + 1));
        at++;
      }, 20);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/gzip.jpg': {
      const packed = gzipSync(jpeg);
      res.writeHead(200, {
        'content-type': 'image/jpeg',
        'content-encoding': 'gzip',
        'content-length': packed.length,
      });
      res.end(packed);
      return;
    }
    case '/gzip-bomb': {
      const packed = gzipSync(Buffer.alloc(40 * MB));
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': packed.length });
      res.end(packed);
      return;
    }
    case '/paced':
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      paced?.ready();
      if (paced) paced.res = res;
      return;
    case '/no-headers':
      return; // accepts the request and never answers
    case '/redirect-elsewhere':
      res.writeHead(302, { location: `${elsewhereBase}/ok.jpg` }).end();
      return;
    case '/redirect-same':
      res.writeHead(307, { location: '/ok.jpg?X-Amz-Signature=x' }).end();
      return;
    case '/redirect-loop':
      res.writeHead(302, { location: '/redirect-loop' }).end();
      return;
    case '/redirect-file':
      res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      return;
    case '/expired':
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(xmlError('AccessDenied', 'Request has expired'));
      return;
    case '/denied':
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(xmlError('AccessDenied', 'Access Denied'));
      return;
    case '/bad-signature':
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        xmlError('SignatureDoesNotMatch', 'The request signature we calculated does not match'),
      );
      return;
    case '/missing':
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end(xmlError('NoSuchKey', 'The specified key does not exist.'));
      return;
    case '/reset':
      req.socket.destroy();
      return;
    default:
      res.writeHead(500).end();
  }
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
    .jpeg()
    .toBuffer();
  store = http.createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
    });
    route(req, res);
  });
  elsewhere = http.createServer((_req, res) => {
    elsewhereRequests++;
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
  });
  base = await listen(store);
  elsewhereBase = await listen(elsewhere);
});

afterAll(async () => {
  for (const server of [store, elsewhere]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

beforeEach(() => {
  pacedReady = new Promise<void>((resolve) => {
    paced = { res: undefined as unknown as http.ServerResponse, ready: resolve };
  });
  seen.length = 0;
  elsewhereRequests = 0;
  streamedBytes = 0;
});

const demo: DownloadOptions = { guard: { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true } };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    expect(error).toBeInstanceOf(IdlensError);
    // A failed connection names the image host, never the signed URL (scheme, path, query).
    expect((error as Error).message).not.toContain('http://');
    expect((error as Error).message).not.toContain('.jpg');
    expect((error as Error).message).not.toContain('X-Amz');
    return (error as IdlensError).code;
  }
}

describe('downloadImage', () => {
  it('downloads a body with Content-Length, reporting progress against the total', async () => {
    const progress: [number, number | null][] = [];
    const bytes = await downloadImage(`${base}/ok.jpg?X-Amz-Signature=abc`, {
      ...demo,
      onProgress: (received, total) => progress.push([received, total]),
    });
    expect(Buffer.from(bytes).equals(jpeg)).toBe(true);
    expect(progress.at(-1)).toEqual([jpeg.length, jpeg.length]);
  });

  it('downloads a chunked body without a length, reporting a null total', async () => {
    const progress: [number, number | null][] = [];
    const bytes = await downloadImage(`${base}/chunked.jpg`, {
      ...demo,
      onProgress: (received, total) => progress.push([received, total]),
    });
    expect(Buffer.from(bytes).equals(jpeg)).toBe(true);
    expect(progress.every(([, total]) => total === null)).toBe(true);
    expect(progress.at(-1)?.[0]).toBe(jpeg.length);
  });

  it('never sends an Authorization header or cookies to the store', async () => {
    await downloadImage(`${base}/ok.jpg`, demo);
    await downloadImage(`${base}/redirect-same`, demo);
    expect(seen.length).toBe(3);
    for (const request of seen) {
      expect(request.authorization).toBeUndefined();
      expect(request.cookie).toBeUndefined();
    }
  });

  it('refuses a body declared over the 25 MB cap before reading it', async () => {
    expect(await codeOf(downloadImage(`${base}/declared-too-large`, demo))).toBe('image_too_large');
  });

  it('refuses a chunked body once it streams past the cap, and stops reading', async () => {
    expect(await codeOf(downloadImage(`${base}/chunked-too-large`, demo))).toBe('image_too_large');
    expect(streamedBytes).toBeLessThan(40 * MB);
  });

  it('honours a smaller cap', async () => {
    expect(await codeOf(downloadImage(`${base}/ok.jpg`, { ...demo, maxBytes: 100 }))).toBe(
      'image_too_large',
    );
    expect(await codeOf(downloadImage(`${base}/chunked.jpg`, { ...demo, maxBytes: 100 }))).toBe(
      'image_too_large',
    );
  });

  it('gives up on a slow drip: fewer bytes than the minimum in a progress window', async () => {
    expect(
      await codeOf(
        downloadImage(`${base}/drip`, { ...demo, progressWindowMs: 300, minProgressBytes: 1024 }),
      ),
    ).toBe('download_timeout');
  });

  it('gives up on a steady trickle past the overall ceiling', async () => {
    expect(
      await codeOf(
        downloadImage(`${base}/steady-trickle`, {
          ...demo,
          timeoutMs: 400,
          progressWindowMs: 60_000,
        }),
      ),
    ).toBe('download_timeout');
  });

  it('gives up when the store never sends headers (no progress in the first window)', async () => {
    expect(
      await codeOf(downloadImage(`${base}/no-headers`, { ...demo, progressWindowMs: 200 })),
    ).toBe('download_timeout');
  });

  it('accepts a gzip-encoded image whose Content-Length counts the encoded bytes', async () => {
    const bytes = await downloadImage(`${base}/gzip.jpg`, demo);
    expect(Buffer.from(bytes).equals(jpeg)).toBe(true);
  });

  it('caps the decoded size of an encoded body (a gzip bomb)', async () => {
    expect(await codeOf(downloadImage(`${base}/gzip-bomb`, demo))).toBe('image_too_large');
  });

  it('does not follow a redirect to another origin, although 127.0.0.1 is allow-listed', async () => {
    expect(await codeOf(downloadImage(`${base}/redirect-elsewhere`, demo))).toBe('url_refused');
    expect(elsewhereRequests).toBe(0);
  });

  it('follows a redirect within the same origin, re-checked by the guard', async () => {
    const bytes = await downloadImage(`${base}/redirect-same`, demo);
    expect(bytes.length).toBe(jpeg.length);
    expect(seen.map((s) => s.path.split('?')[0])).toEqual(['/redirect-same', '/ok.jpg']);
  });

  it('stops following a redirect loop', async () => {
    expect(await codeOf(downloadImage(`${base}/redirect-loop`, demo))).toBe('download_failed');
    expect(seen.length).toBe(4);
  });

  it('refuses a redirect to file:', async () => {
    expect(await codeOf(downloadImage(`${base}/redirect-file`, demo))).toBe('url_refused');
  });

  it('tells an expired signed URL (403 "Request has expired") from other refusals', async () => {
    expect(await codeOf(downloadImage(`${base}/expired`, demo))).toBe('url_expired');
    expect(await codeOf(downloadImage(`${base}/denied`, demo))).toBe('download_failed');
    expect(await codeOf(downloadImage(`${base}/bad-signature`, demo))).toBe('download_failed');
    expect(await codeOf(downloadImage(`${base}/missing`, demo))).toBe('download_failed');
  });

  it('reports a dropped connection as download_failed', async () => {
    expect(await codeOf(downloadImage(`${base}/reset`, demo))).toBe('download_failed');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = downloadImage(`${base}/drip`, { ...demo, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await codeOf(pending)).toBe('download_failed');
  });
});

/**
 * The minimum-progress rule with its real defaults (16 KB per 15 s window), on a clock the test
 * moves: the store sends exactly what the test tells it to, and the window ends when the test
 * says so. Only `setInterval` (the window) is faked; sockets run on real time.
 */
describe('the minimum-progress rule', () => {
  afterEach(() => {
    vi.useRealTimers();
    paced?.res.destroy();
  });

  /** Starts a download of `/paced`, returning a way to send bytes and wait until they arrive. */
  async function pacedDownload() {
    let received = 0;
    let arrived: (() => void) | null = null;
    let want = 0;
    const download = downloadImage(`${base}/paced`, {
      ...demo,
      onProgress: (r) => {
        received = r;
        if (received >= want) arrived?.();
      },
    });
    download.catch(() => undefined);
    await pacedReady;
    const send = async (size: number) => {
      want = received + size;
      const landed = new Promise<void>((resolve) => (arrived = resolve));
      paced?.res.write(Buffer.alloc(size, 0x41));
      await landed;
    };
    return { download, send };
  }

  it('keeps a slow but steady download going past 60 s, window after window', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { download, send } = await pacedDownload();
    for (let window = 0; window < 6; window++) {
      await send(20 * 1024);
      vi.advanceTimersByTime(15_000);
    }
    paced?.res.end();
    expect((await download).length).toBe(6 * 20 * 1024);
  });

  it('abandons a download that brings less than 16 KB in a 15 s window', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { download, send } = await pacedDownload();
    await send(20 * 1024);
    vi.advanceTimersByTime(15_000);
    await send(10 * 1024);
    vi.advanceTimersByTime(15_000);
    expect(await codeOf(download)).toBe('download_timeout');
  });
});

/**
 * DNS rebinding: the guard resolves the host and checks the addresses; the download must then
 * connect to one of those, not resolve the name again. Two servers share a port on two loopback
 * addresses: the guard's lookup says `localhost` is 127.0.0.2 (the checked store), while the
 * system resolver would say 127.0.0.1 (the "rebound" one). Only the checked one may be asked.
 */
describe('the pinned lookup', () => {
  const checked = http.createServer((_req, res) => res.end('checked'));
  const rebound = http.createServer((_req, res) => res.end('rebound'));
  let port = 0;
  let reboundRequests = 0;
  rebound.on('request', () => reboundRequests++);

  const bind = (server: http.Server, host: string, at: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, host, () => resolve((server.address() as AddressInfo).port));
    });

  beforeAll(async () => {
    for (let attempt = 0; port === 0; attempt++) {
      const candidate = await bind(checked, '127.0.0.2', 0);
      try {
        await bind(rebound, '127.0.0.1', candidate);
        port = candidate;
      } catch (error) {
        await new Promise((resolve) => checked.close(resolve));
        if (attempt >= 5) throw error;
      }
    }
  });

  afterAll(async () => {
    for (const server of [checked, rebound]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('connects to the address the guard checked, never to a fresh DNS answer', async () => {
    const bytes = await downloadImage(`http://localhost:${port}/k.jpg`, {
      guard: {
        allowedHosts: ['localhost'],
        allowLoopbackHttp: true,
        lookup: () => Promise.resolve([{ address: '127.0.0.2', family: 4 }]),
      },
    });
    expect(new TextDecoder().decode(bytes)).toBe('checked');
    expect(reboundRequests).toBe(0);
  });

  it('reaches the rebound server when the name is resolved afresh (control)', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/k.jpg`);
    expect(await response.text()).toBe('rebound');
  });
});
