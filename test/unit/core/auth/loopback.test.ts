import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import type { Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { IdlensError } from '../../../../shared/errors.ts';
import { startLoopbackListener } from '../../../../core/auth/loopback.ts';
import type { LoopbackListener } from '../../../../core/auth/loopback.ts';

const STATE = 'state-0123456789abcdef-ABCDEFGH';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(
  port: number,
  pathAndQuery: string,
  opts: { host?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.host ?? '127.0.0.1',
        port,
        path: pathAndQuery,
        method: opts.method ?? 'GET',
        agent: false,
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the socket error code when nothing accepts a connection, or 'connected'. */
function probe(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof IdlensError ? err.code : `non-idlens: ${String(err)}`;
  }
}

/** A promise's state right now, without waiting for it. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  const winner = await Promise.race([
    promise.then(
      () => 1,
      () => 1,
    ),
    Promise.resolve(marker),
  ]);
  return winner !== marker;
}

let open: LoopbackListener[] = [];
let blockers: Server[] = [];

async function listener(opts: Partial<Parameters<typeof startLoopbackListener>[0]> = {}) {
  const l = await startLoopbackListener({ expectedState: STATE, ...opts });
  open.push(l);
  return l;
}

function expectSafePage(reply: Reply): void {
  expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
  const csp = String(reply.headers['content-security-policy']);
  expect(csp).toMatch(/^default-src 'none'/);
  expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval|https?:/);
  expect(reply.headers['cache-control']).toBe('no-store');
  expect(reply.headers['referrer-policy']).toBe('no-referrer');
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.body).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
  // English and Spanish on the same page.
  expect(reply.body).toMatch(/lang="es"/);
}

afterEach(async () => {
  await Promise.all(open.map((l) => l.close()));
  await Promise.all(blockers.map((b) => new Promise((r) => b.close(r))));
  open = [];
  blockers = [];
});

describe('loopback listener: binding', () => {
  it('binds an ephemeral port on 127.0.0.1 only and builds the redirect URI from it', async () => {
    const l = await listener();
    expect(l.address.address).toBe('127.0.0.1');
    expect(l.address.family).toBe('IPv4');
    expect(l.port).toBeGreaterThan(0);
    expect(l.redirectUri).toBe(`http://127.0.0.1:${l.port}/callback`);
    expect(await probe(l.port, '127.0.0.1')).toBe('connected');
    // Not reachable on IPv6 loopback nor on any other interface of this machine.
    expect(await probe(l.port, '::1')).not.toBe('connected');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    for (const address of others) expect(await probe(l.port, address)).not.toBe('connected');
  });

  it('binds a fixed port and a custom path when asked', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const l = await listener({ port: free, path: '/oauth/done' });
    expect(l.port).toBe(free);
    expect(l.redirectUri).toBe(`http://127.0.0.1:${free}/oauth/done`);
    expect((await get(free, `/callback?state=${STATE}&code=abc`)).status).toBe(404);
    expect((await get(free, `/oauth/done?state=${STATE}&code=abc`)).status).toBe(200);
    expect(await l.callback).toBe(`http://127.0.0.1:${free}/oauth/done?state=${STATE}&code=abc`);
  });

  it('reports a port already in use as auth_port_in_use', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    expect(await codeOf(startLoopbackListener({ expectedState: STATE, port }))).toBe(
      'auth_port_in_use',
    );
  });

  it('refuses an invalid path instead of listening', async () => {
    expect(
      await codeOf(startLoopbackListener({ expectedState: STATE, path: 'callback?x=<b>' })),
    ).toBe('config_invalid');
  });
});

describe('loopback listener: one-shot callback', () => {
  it('resolves with the full callback URL, query intact, and closes its port', async () => {
    const l = await listener();
    const query = `?code=the-code&state=${STATE}&iss=http%3A%2F%2F127.0.0.1%3A4480`;
    const reply = await get(l.port, `/callback${query}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('You can close this tab');
    expect(reply.body).toContain('Puede cerrar esta pestaña');
    expectSafePage(reply);
    expect(await l.callback).toBe(`http://127.0.0.1:${l.port}/callback${query}`);
    await l.closed;
    expect(await probe(l.port)).toBe('ECONNREFUSED');
  });

  it('answers wrong state, missing state, another path, a foreign Host and POST with error pages, and keeps waiting', async () => {
    const l = await listener();
    const wrong = await get(l.port, '/callback?code=c&state=not-the-state');
    expect(wrong.status).toBe(400);
    expectSafePage(wrong);
    const missing = await get(l.port, '/callback?code=c');
    expect(missing.status).toBe(400);
    expectSafePage(missing);
    const twice = await get(l.port, `/callback?code=c&state=${STATE}&state=${STATE}`);
    expect(twice.status).toBe(400);
    const noCode = await get(l.port, `/callback?state=${STATE}`);
    expect(noCode.status).toBe(400);
    const other = await get(l.port, `/favicon.ico?state=${STATE}&code=c`);
    expect(other.status).toBe(404);
    expectSafePage(other);
    const host = await get(l.port, `/callback?state=${STATE}&code=c`, {
      headers: { Host: `evil.example:${l.port}` },
    });
    expect(host.status).toBe(421);
    const post = await get(l.port, `/callback?state=${STATE}&code=c`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET');

    expect(await isSettled(l.callback)).toBe(false);
    const ok = await get(l.port, `/callback?code=good&state=${STATE}`);
    expect(ok.status).toBe(200);
    expect(await l.callback).toBe(`http://127.0.0.1:${l.port}/callback?code=good&state=${STATE}`);
  });

  it('never reflects request data into a page', async () => {
    const l = await listener();
    const marker = 'MARKER<script>alert(1)</script>';
    const q = encodeURIComponent(marker);
    const pages = [
      await get(l.port, `/callback?code=${q}&state=${q}&error_description=${q}`),
      await get(l.port, `/${q}?state=${STATE}`),
      await get(l.port, `/callback?state=${STATE}&error=${q}&error_description=${q}`),
    ];
    for (const page of pages) {
      expect(page.body).not.toContain('MARKER');
      expect(page.body).not.toContain('alert(1)');
    }
    expect(await codeOf(l.callback)).toBe('auth_denied');
  });

  it('answers a request still in flight at the end with a "finished" page, and refuses later connections', async () => {
    const l = await listener();
    // A browser tab that has sent only part of its request when the real callback arrives.
    const slow = connect({ host: '127.0.0.1', port: l.port });
    await new Promise((r) => slow.once('connect', r));
    const slowReply = new Promise<string>((resolve) => {
      let data = '';
      slow.on('data', (c: Buffer) => (data += c.toString('utf8')));
      slow.on('close', () => resolve(data));
    });
    slow.write(
      `GET /callback?code=replay&state=${STATE} HTTP/1.1\r\nHost: 127.0.0.1:${l.port}\r\n`,
    );

    const first = await get(l.port, `/callback?code=first&state=${STATE}`);
    expect(first.status).toBe(200);
    slow.write('\r\n');
    const raw = await slowReply;
    expect(raw).toMatch(/^HTTP\/1\.1 409 /);
    expect(raw).toContain('already finished');
    expect(await l.callback).toBe(`http://127.0.0.1:${l.port}/callback?code=first&state=${STATE}`);

    await l.closed;
    // The replay of the same callback now finds nothing listening.
    expect(await codeOf(get(l.port, `/callback?code=first&state=${STATE}`))).toContain(
      'ECONNREFUSED',
    );
  });

  it('ends with auth_denied on error=access_denied with the right state, after a clear page', async () => {
    const l = await listener();
    const wrongStateDenial = await get(l.port, '/callback?error=access_denied&state=other');
    expect(wrongStateDenial.status).toBe(400);
    expect(await isSettled(l.callback)).toBe(false);
    const reply = await get(l.port, `/callback?error=access_denied&state=${STATE}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Sign-in was not authorized');
    expect(reply.body).toContain('El inicio de sesión no fue autorizado');
    expectSafePage(reply);
    expect(await codeOf(l.callback)).toBe('auth_denied');
    await l.closed;
    expect(await probe(l.port)).toBe('ECONNREFUSED');
  });

  it('reports a provider-side error=server_error as server_error', async () => {
    const l = await listener();
    await get(l.port, `/callback?error=server_error&state=${STATE}`);
    expect(await codeOf(l.callback)).toBe('server_error');
  });
});

describe('loopback listener: ending without a callback', () => {
  it('times out with auth_timeout and closes its port', async () => {
    const l = await listener({ timeoutMs: 150 });
    expect(await codeOf(l.callback)).toBe('auth_timeout');
    await l.closed;
    expect(await probe(l.port)).toBe('ECONNREFUSED');
  });

  it('is cancelled by its AbortSignal (auth_cancelled) and closes its port, even with an idle connection open', async () => {
    const controller = new AbortController();
    const l = await listener({ signal: controller.signal });
    const idle = connect({ host: '127.0.0.1', port: l.port });
    await new Promise((r) => idle.once('connect', r));
    controller.abort();
    expect(await codeOf(l.callback)).toBe('auth_cancelled');
    await l.closed;
    expect(await probe(l.port)).toBe('ECONNREFUSED');
    idle.destroy();
  });

  it('passes an IdlensError abort reason through (how a newer sign-in supersedes this one)', async () => {
    const controller = new AbortController();
    const l = await listener({ signal: controller.signal });
    controller.abort(new IdlensError('auth_superseded', 'A newer sign-in replaced this one.'));
    expect(await codeOf(l.callback)).toBe('auth_superseded');
  });

  it('close() cancels a pending flow and frees the port', async () => {
    const l = await listener();
    await l.close();
    expect(await codeOf(l.callback)).toBe('auth_cancelled');
    expect(await probe(l.port)).toBe('ECONNREFUSED');
  });

  it('logs events without any request data', async () => {
    const lines: string[] = [];
    const l = await listener({ log: (line) => lines.push(line) });
    await get(l.port, '/callback?code=SECRETCODE1&state=WRONGSTATE1');
    await get(l.port, `/elsewhere?code=SECRETCODE2&state=${STATE}`);
    await get(l.port, `/callback?code=SECRETCODE3&state=${STATE}`);
    await l.callback;
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      expect(line).not.toMatch(/SECRETCODE|WRONGSTATE|elsewhere/);
      expect(line).not.toContain(STATE);
    }
  });
});
