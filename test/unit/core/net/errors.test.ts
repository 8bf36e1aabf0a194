import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  describeNetFailure,
  hostOf,
  netFailureOf,
  networkFailure,
} from '../../../../core/net/errors.ts';

/**
 * The classification by error codes (never message text), on real failures where they can be
 * had here and on the shapes Node produces (a TypeError from fetch with the OS error as cause;
 * an AggregateError when a name resolves to several addresses).
 */

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function fetchError(url: string): Promise<unknown> {
  return fetch(url).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('netFailureOf', () => {
  it('reads a refused connection from a real fetch, also through localhost’s several addresses', async () => {
    const port = await closedPort();
    const direct = await fetchError(`http://127.0.0.1:${port}/`);
    expect(netFailureOf(direct, `http://127.0.0.1:${port}/`)).toEqual({
      host: `127.0.0.1:${port}`,
      cause: 'refused',
    });
    const named = await fetchError(`http://localhost:${port}/`);
    expect(netFailureOf(named, `http://localhost:${port}/`)).toMatchObject({ cause: 'refused' });
  });

  it('classifies by code wherever it sits in the cause chain, whatever the message says', () => {
    const aggregate = new TypeError('fetch failed', {
      cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'y'),
    });
    expect(netFailureOf(aggregate, 'https://a.test/')).toEqual({
      host: 'a.test',
      cause: 'refused',
    });
    const tls = new TypeError('something else entirely', {
      cause: Object.assign(new Error('z'), { code: 'CERT_NOT_YET_VALID' }),
    });
    expect(netFailureOf(tls, 'https://a.test:8443/p?q=1')).toEqual({
      host: 'a.test:8443',
      cause: 'tls',
      tls: 'not_yet_valid',
    });
    const ssl = new TypeError('t', {
      cause: Object.assign(new Error('s'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }),
    });
    expect(netFailureOf(ssl, 'https://a.test/')).toMatchObject({ cause: 'tls', tls: 'other' });
  });

  it('a fetch failure without a known code is "other"; an error that is no connection failure is none', () => {
    expect(
      netFailureOf(
        new TypeError('fetch failed', { cause: new Error('bad port') }),
        'http://a.test:1/',
      ),
    ).toEqual({
      host: 'a.test:1',
      cause: 'other',
    });
    expect(netFailureOf(new Error('a bug'), 'https://a.test/')).toBeUndefined();
    expect(netFailureOf(new TypeError('not a network thing'), 'https://a.test/')).toBeUndefined();
  });

  it('the caller’s own timer makes it a timeout', () => {
    expect(netFailureOf(new Error('aborted'), 'https://a.test/', true)).toEqual({
      host: 'a.test',
      cause: 'timeout',
    });
  });

  it('keeps only host and port: never credentials, path or query', () => {
    expect(hostOf('https://user:pw@bucket.s3.amazonaws.com/key.jpg?X-Amz-Signature=abc')).toBe(
      'bucket.s3.amazonaws.com',
    );
    const error = networkFailure(
      'download_failed',
      'The image could not be downloaded',
      new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ENOTFOUND' }) }),
      'https://bucket.s3.amazonaws.com/key.jpg?X-Amz-Signature=abc',
    );
    expect(error.message).toBe(
      'The image could not be downloaded: the name bucket.s3.amazonaws.com could not be resolved (DNS).',
    );
    expect(JSON.stringify(error.toInfo())).not.toMatch(/key\.jpg|X-Amz|https:/);
  });

  it('describes every cause in words', () => {
    for (const cause of [
      'dns',
      'refused',
      'reset',
      'timeout',
      'tls',
      'unreachable',
      'other',
    ] as const) {
      expect(describeNetFailure({ host: 'h.test', cause })).toContain('h.test');
    }
  });
});
