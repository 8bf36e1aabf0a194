import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { IdlensError } from '../../shared/errors.ts';
import { RedirectPathSchema, RedirectPortSchema } from '../../shared/settings.ts';
import { PAGE_HEADERS, renderPage } from './pages.ts';
import type { PageKind } from './pages.ts';

/**
 * One-shot loopback listener for the OAuth redirect (RFC 8252 §7.3, §8.3).
 *
 * - Binds 127.0.0.1 only (never `localhost`, never all interfaces), on an ephemeral port (0) or a
 *   fixed one; a port in use is `auth_port_in_use`.
 * - The first GET to the configured path whose `state` equals the expected one ends it: it
 *   resolves with the full callback URL (`http://127.0.0.1:<port><path>?<query>`), which the
 *   caller hands to the token exchange so that `iss` and `state` are checked again there.
 * - Any other request (another path, a wrong or missing `state`, a foreign Host header, another
 *   method, or anything after the end) gets a fixed error page and changes nothing.
 * - `error=` with the right `state` ends it with `auth_denied` (or `server_error` when the
 *   provider says it failed), after showing a clear page.
 * - Closes its port when done, cancelled (AbortSignal) or timed out (`auth_timeout`).
 *
 * No request data is ever written into a page or a log line.
 */

export const DEFAULT_REDIRECT_PATH = '/callback';
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** Connections still open this long after the end are cut. */
const LINGER_MS = 1_000;

const LoopbackOptionsSchema = z.object({
  expectedState: z.string().min(16).max(512),
  port: RedirectPortSchema.default(0),
  path: RedirectPathSchema.default(DEFAULT_REDIRECT_PATH),
  timeoutMs: z
    .int()
    .positive()
    .max(24 * 3600_000)
    .default(DEFAULT_SIGN_IN_TIMEOUT_MS),
});

export interface LoopbackOptions {
  /** The `state` sent in the authorization request; only a callback carrying it ends the flow. */
  expectedState: string;
  /** 0 (default) for an ephemeral port, else a fixed port registered with the provider. */
  port?: number;
  /** Default `/callback`. */
  path?: string;
  /** Default 5 minutes. */
  timeoutMs?: number;
  /** Aborting ends the flow; an `IdlensError` reason is the rejection, else `auth_cancelled`. */
  signal?: AbortSignal;
  /** Event lines without any request data. */
  log?: (line: string) => void;
}

export interface LoopbackListener {
  /** The bound address as the OS reports it (always 127.0.0.1). */
  readonly address: AddressInfo;
  readonly port: number;
  /** `http://127.0.0.1:<port><path>`: the `redirect_uri` of the authorization request. */
  readonly redirectUri: string;
  /** Resolves with the full callback URL; rejects with an `IdlensError`. */
  readonly callback: Promise<string>;
  /** Resolves once the port is closed and every connection is gone. */
  readonly closed: Promise<void>;
  /**
   * Ends a flow still waiting (rejecting `callback` with `auth_cancelled`) and resolves once its
   * port is closed. After the flow ended it returns at once: the port is closed already.
   */
  close(): Promise<void>;
}

/** Query parameters that must appear at most once in a redirect (RFC 6749 §3.1). */
const SINGLE_PARAMS = ['state', 'code', 'error', 'iss', 'error_description', 'error_uri'] as const;

const KNOWN_ERRORS = new Set([
  'access_denied',
  'invalid_request',
  'unauthorized_client',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'login_required',
  'consent_required',
  'interaction_required',
  'invalid_target',
]);

function abortReason(signal: AbortSignal): IdlensError {
  const reason: unknown = signal.reason;
  if (reason instanceof IdlensError) return reason;
  return new IdlensError('auth_cancelled', 'The sign-in was cancelled.');
}

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const parsed = LoopbackOptionsSchema.safeParse({
    expectedState: options.expectedState,
    port: options.port,
    path: options.path,
    timeoutMs: options.timeoutMs,
  });
  if (!parsed.success) {
    throw new IdlensError('config_invalid', 'The loopback listener settings are not valid.');
  }
  const { expectedState, port: wantedPort, path, timeoutMs } = parsed.data;
  const log = options.log ?? (() => {});
  const signal = options.signal;
  if (signal?.aborted) throw abortReason(signal);

  const server: Server = createServer();
  // Never wait for a slow client for long: the listener is a tiny one-shot.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
        reject(
          new IdlensError(
            'auth_port_in_use',
            `The sign-in port ${wantedPort} on 127.0.0.1 is already in use or not allowed. Close the program using it or choose another redirect port.`,
          ),
        );
      } else {
        reject(new IdlensError('internal', 'The sign-in listener could not start.'));
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    // exclusive: never share the port with another process's listener (cluster-style sharing).
    server.listen({ host: '127.0.0.1', port: wantedPort, exclusive: true });
  });

  const address = server.address() as AddressInfo;
  const port = address.port;
  const redirectUri = `http://127.0.0.1:${port}${path}`;
  const expectedHost = `127.0.0.1:${port}`;
  log(`loopback: listening on 127.0.0.1:${port}`);

  let finished = false;
  let resolveCallback!: (url: string) => void;
  let rejectCallback!: (err: IdlensError) => void;
  const callback = new Promise<string>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // The caller may attach its handler later; an early end must not become an unhandled rejection.
  callback.catch(() => {});

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));

  let lingerTimer: NodeJS.Timeout | undefined;
  const timeoutTimer = setTimeout(() => {
    finish(() =>
      rejectCallback(new IdlensError('auth_timeout', 'The sign-in was not completed in time.')),
    );
  }, timeoutMs);
  timeoutTimer.unref();

  const onAbort = () => {
    if (signal) finish(() => rejectCallback(abortReason(signal)));
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  /**
   * Ends the flow once: settle and stop accepting connections. After a callback the open
   * connections get a moment to finish their page (Connection: close ends each one after its
   * response; a request still in flight gets the "already finished" page); after a cancel or a
   * timeout they are cut at once.
   */
  function finish(settle: () => void, linger = false): void {
    if (finished) return;
    finished = true;
    clearTimeout(timeoutTimer);
    signal?.removeEventListener('abort', onAbort);
    settle();
    server.close();
    if (linger) {
      lingerTimer = setTimeout(() => server.closeAllConnections(), LINGER_MS);
      lingerTimer.unref();
    } else {
      server.closeAllConnections();
    }
    log('loopback: closed');
  }

  server.once('close', () => {
    if (lingerTimer) clearTimeout(lingerTimer);
  });

  function send(res: ServerResponse, kind: PageKind, extraHeaders?: Record<string, string>): void {
    const { status, html } = renderPage(kind);
    const body = Buffer.from(html, 'utf8');
    res.writeHead(status, {
      ...PAGE_HEADERS,
      ...extraHeaders,
      'Content-Length': String(body.length),
    });
    res.end(body);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (finished) {
      log('loopback: request after the end answered with an error page');
      send(res, 'completed');
      return;
    }
    if (req.headers.host !== expectedHost) {
      log('loopback: request with a foreign Host header refused');
      send(res, 'badHost');
      return;
    }
    if (req.method !== 'GET') {
      log('loopback: request with another method refused');
      send(res, 'badMethod', { Allow: 'GET' });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${expectedHost}`);
    } catch {
      send(res, 'notFound');
      return;
    }
    if (url.pathname !== path) {
      log('loopback: request to another path answered with 404');
      send(res, 'notFound');
      return;
    }
    const params = url.searchParams;
    const duplicated = SINGLE_PARAMS.some((name) => params.getAll(name).length > 1);
    const state = params.get('state');
    if (duplicated || state === null || state !== expectedState) {
      log('loopback: callback with a missing or wrong state ignored');
      send(res, 'wrongState');
      return;
    }
    const error = params.get('error');
    if (error !== null) {
      const serverSide = error === 'server_error' || error === 'temporarily_unavailable';
      // Only a well-known code is named in the log; anything else stays out of it.
      log(`loopback: provider returned an error (${KNOWN_ERRORS.has(error) ? error : 'other'})`);
      send(res, serverSide ? 'providerError' : 'denied');
      finish(
        () =>
          rejectCallback(
            serverSide
              ? new IdlensError('server_error', 'e-Próspera reported an error during sign-in.')
              : new IdlensError(
                  'auth_denied',
                  'The sign-in was denied or cancelled at the provider.',
                ),
          ),
        true,
      );
      return;
    }
    if (!params.get('code')) {
      log('loopback: callback without a code ignored');
      send(res, 'wrongState');
      return;
    }
    const full = `${redirectUri}${url.search}`;
    res.once('finish', () => log('loopback: success page delivered'));
    send(res, 'success');
    log('loopback: callback received');
    finish(() => resolveCallback(full), true);
  });

  // Sockets must not keep the process alive once the flow is over.
  server.on('connection', (socket) => {
    if (finished) socket.unref();
  });

  return {
    address: { ...address },
    port,
    redirectUri,
    callback,
    closed,
    async close() {
      // After the end the port is already closed; the page in flight may finish (linger).
      if (finished) return;
      finish(() => rejectCallback(new IdlensError('auth_cancelled', 'The sign-in was cancelled.')));
      await closed;
    },
  };
}
