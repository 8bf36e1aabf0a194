import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * A `fetch` for one checked host that connects only to the addresses it was given (a pinned
 * lookup): the URL guard resolves the host and checks every address, and the connection then goes
 * to one of those — never to a fresh DNS answer, so DNS rebinding has nothing to exploit. TLS
 * still verifies the certificate against the URL's host name.
 *
 * Built on `http(s).request` (Node's own `fetch` takes no lookup without the undici package). A
 * fresh connection per request (no shared agent), GET only, no cookies or credentials (the caller
 * passes only the headers it means to send). `gzip`, `deflate` and `br` bodies are decoded, as
 * `fetch` would; the answer is a standard `Response` whose body streams as it arrives.
 */

export interface PinnedAddress {
  address: string;
  family: number;
}

type FetchFn = typeof globalThis.fetch;

/** Statuses whose Response may not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function pinnedLookup(addresses: readonly PinnedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0];
    if (first === undefined) {
      callback(new Error('no checked address'), '', 4);
      return;
    }
    if (options.all === true) {
      (callback as unknown as (e: null, all: PinnedAddress[]) => void)(null, [...addresses]);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

function decoded(body: http.IncomingMessage): Readable {
  const coding = (body.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : null;
  if (decoder === null) return body;
  body.on('error', (error) => decoder.destroy(error));
  decoder.on('close', () => body.destroy());
  return body.pipe(decoder);
}

function headersOf(message: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/** A fetch that connects to `addresses` only. */
export function pinnedFetch(addresses: readonly PinnedAddress[]): FetchFn {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const client = url.protocol === 'https:' ? https : http;
      const signal = init?.signal ?? undefined;
      const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
      new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
      const request = client.request(url, {
        method: 'GET',
        headers,
        agent: false,
        lookup: pinnedLookup(addresses),
        ...(signal && { signal }),
      });
      request.on('error', reject);
      request.on('response', (message) => {
        const status = message.statusCode ?? 0;
        if (status < 200 || status > 599) {
          message.destroy();
          reject(new Error('invalid status'));
          return;
        }
        const nullBody = NULL_BODY.has(status);
        if (nullBody) message.resume();
        const body = nullBody
          ? null
          : (Readable.toWeb(decoded(message)) as unknown as ReadableStream<Uint8Array>);
        resolve(new Response(body, { status, headers: headersOf(message) }));
      });
      request.end();
    });
}
