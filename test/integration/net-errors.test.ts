import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGetJson } from '../../core/api/http.ts';
import { discoverClient } from '../../core/auth/oauth.ts';
import { downloadImage } from '../../core/documents/download.ts';
import { IdlensError } from '../../shared/errors.ts';
import { ErrorInfoSchema } from '../../shared/errors.ts';

/**
 * Failures to connect name the host and the cause, from real local failures: a port nobody
 * listens on, a name under `.invalid` (never resolves), https servers with a self-signed, an
 * expired and a wrong-host certificate made by openssl at test time, and a server that accepts
 * the connection and never answers. The message names the host; it never holds the path, the
 * query (a signed URL's signature) or the token.
 */

const SECRET_QUERY = 'X-Amz-Signature=deadbeefcafe&X-Amz-Credential=AKIASECRET';
const TOKEN = 'access-token-never-shown';

let dir = '';
const servers: Server[] = [];

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A self-signed EC certificate for `name` (DNS and IP SAN), valid `from`..`to` (YYYYMMDDHHMMSSZ). */
function makeCert(label: string, name: string, from: string, to: string) {
  writeFileSync(join(dir, `${label}.cnf`), CA_CONFIG);
  writeFileSync(join(dir, `${label}.idx`), '');
  writeFileSync(join(dir, `${label}.serial`), '01\n');
  openssl([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${label}.key`,
    '-out',
    `${label}.csr`,
    '-subj',
    `/CN=${name}`,
    '-addext',
    `subjectAltName=DNS:${name}${name === 'localhost' ? ',IP:127.0.0.1' : ''}`,
  ]);
  openssl([
    'ca',
    '-batch',
    '-config',
    `${label}.cnf`,
    '-name',
    label,
    '-selfsign',
    '-keyfile',
    `${label}.key`,
    '-in',
    `${label}.csr`,
    '-out',
    `${label}.pem`,
    '-startdate',
    from,
    '-enddate',
    to,
    '-notext',
  ]);
  return {
    key: readFileSync(join(dir, `${label}.key`)),
    cert: readFileSync(join(dir, `${label}.pem`), 'utf8'),
  };
}

const CA_CONFIG = ['self', 'expired', 'other']
  .map((label) =>
    [
      `[${label}]`,
      `database = ${label}.idx`,
      'new_certs_dir = .',
      'default_md = sha256',
      'policy = policy',
      `serial = ${label}.serial`,
      'unique_subject = no',
      'copy_extensions = copy',
    ].join('\n'),
  )
  .concat(['[policy]\ncommonName = supplied\n'])
  .join('\n');

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

let refusedPort = 0;
let selfSignedPort = 0;
let expiredPort = 0;
let wrongHostPort = 0;
let silentPort = 0;
let otherCert = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'idlens-net-'));
  const self = makeCert('self', 'localhost', '20240101000000Z', '20990101000000Z');
  const expired = makeCert('expired', 'localhost', '20200101000000Z', '20200102000000Z');
  const other = makeCert('other', 'other.example', '20240101000000Z', '20990101000000Z');
  const answer = createHttpsServer(self, (_req, res) => res.end('{}'));
  selfSignedPort = await listen(answer);
  expiredPort = await listen(createHttpsServer(expired, (_req, res) => res.end('{}')));
  otherCert = other.cert;
  wrongHostPort = await listen(createHttpsServer(other, (_req, res) => res.end('{}')));
  // Accepts the connection and the request, never answers.
  silentPort = await listen(createHttpServer(() => undefined));
  const closed = createTcpServer();
  refusedPort = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  servers.splice(servers.indexOf(closed), 1);
});

afterAll(async () => {
  for (const server of servers) {
    (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The API client's outcome for `GET <base>/api/v1/me/id-verification?<secret>`. */
async function apiFailureAt(base: string, timeoutMs = 10_000) {
  const outcome = await apiGetJson(`/api/v1/me/id-verification?${SECRET_QUERY}`, {
    apiBase: base,
    getAccessToken: () => TOKEN,
    timeoutMs,
    // The failing servers listen on loopback over plain http, as the demo does.
    allowLoopbackHttp: base.startsWith('http://'),
  });
  if (outcome.kind !== 'error') throw new Error('expected a failure');
  return outcome;
}

/** The IdlensError a promise rejects with (a resolved promise fails the test). */
async function rejection(promise: Promise<unknown>): Promise<IdlensError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IdlensError)) throw new Error('expected an IdlensError');
  return error;
}

function expectNamesOnlyTheHost(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain('X-Amz');
  expect(text).not.toContain('/api/');
  expect(text).not.toContain('https://');
  expect(text).not.toContain('http://');
}

describe('the API client names the host and the cause', () => {
  it('connection refused', async () => {
    const failure = await apiFailureAt(`http://127.0.0.1:${refusedPort}`);
    expect(failure.code).toBe('network_error');
    expect(failure.detail).toEqual({ host: `127.0.0.1:${refusedPort}`, cause: 'refused' });
    expect(failure.message).toBe(
      `The API could not be reached: 127.0.0.1:${refusedPort} refused the connection (nothing listens on that port).`,
    );
    expectNamesOnlyTheHost(JSON.stringify(failure));
  });

  it('a name that does not resolve (DNS)', async () => {
    const failure = await apiFailureAt('https://api.idlens-test.invalid');
    expect(failure.detail).toEqual({ host: 'api.idlens-test.invalid', cause: 'dns' });
    expect(failure.message).toContain('the name api.idlens-test.invalid could not be resolved');
    expectNamesOnlyTheHost(JSON.stringify(failure));
  });

  it('a self-signed certificate', async () => {
    const failure = await apiFailureAt(`https://localhost:${selfSignedPort}`);
    expect(failure.detail).toEqual({
      host: `localhost:${selfSignedPort}`,
      cause: 'tls',
      tls: 'self_signed',
    });
    expect(failure.message).toContain(
      `the TLS certificate of localhost:${selfSignedPort} is self-signed`,
    );
    expectNamesOnlyTheHost(JSON.stringify(failure));
  });

  it('an expired certificate', async () => {
    const failure = await apiFailureAt(`https://localhost:${expiredPort}`);
    expect(failure.detail).toMatchObject({ cause: 'tls', tls: 'expired' });
    expect(failure.message).toContain('has expired');
  });

  it('a server that never answers (timeout)', async () => {
    const failure = await apiFailureAt(`http://127.0.0.1:${silentPort}`, 300);
    expect(failure.detail).toEqual({ host: `127.0.0.1:${silentPort}`, cause: 'timeout' });
    expect(failure.message).toContain('did not answer in time');
  });

  it('the detail passes the IPC error schema', async () => {
    const failure = await apiFailureAt(`https://localhost:${selfSignedPort}`);
    const info = { code: failure.code, message: failure.message, detail: failure.detail };
    expect(ErrorInfoSchema.parse(info)).toEqual(info);
  });
});

describe('discovery names the identity provider host and the cause', () => {
  const discoveryError = (issuer: string) =>
    rejection(discoverClient({ issuer, clientId: 'idlens', allowInsecureLoopback: true }));

  it('connection refused', async () => {
    const error = await discoveryError(`http://127.0.0.1:${refusedPort}`);
    expect(error.code).toBe('network_error');
    expect(error.toInfo().detail).toEqual({ host: `127.0.0.1:${refusedPort}`, cause: 'refused' });
    expect(error.message).toContain('The identity provider could not be reached');
  });

  it('DNS failure', async () => {
    const error = await discoveryError('https://login.idlens-test.invalid/oauth');
    expect(error.toInfo().detail).toEqual({ host: 'login.idlens-test.invalid', cause: 'dns' });
    expect(error.message).not.toContain('/oauth');
  });

  it('an expired certificate', async () => {
    const error = await discoveryError(`https://localhost:${expiredPort}`);
    expect(error.toInfo().detail).toMatchObject({ cause: 'tls', tls: 'expired' });
  });

  it('a trusted certificate issued for another host name', async () => {
    const defaults = getCACertificates('default');
    setDefaultCACertificates([...defaults, otherCert]);
    try {
      const error = await discoveryError(`https://localhost:${wrongHostPort}`);
      expect(error.toInfo().detail).toEqual({
        host: `localhost:${wrongHostPort}`,
        cause: 'tls',
        tls: 'wrong_host',
      });
      expect(error.message).toContain('was issued for another host name');
    } finally {
      setDefaultCACertificates(defaults);
    }
  });
});

describe('image downloads name the image host only, never the signed URL', () => {
  const guard = { allowedHosts: ['127.0.0.1', 'localhost'], allowLoopbackHttp: true };

  const downloadError = (url: string, timeoutMs?: number) =>
    rejection(downloadImage(url, { guard, ...(timeoutMs !== undefined && { timeoutMs }) }));

  it('connection refused', async () => {
    const error = await downloadError(
      `http://127.0.0.1:${refusedPort}/bucket/front.jpg?${SECRET_QUERY}`,
    );
    expect(error.code).toBe('download_failed');
    expect(error.toInfo().detail).toEqual({ host: `127.0.0.1:${refusedPort}`, cause: 'refused' });
    expectNamesOnlyTheHost(JSON.stringify(error.toInfo()));
    expect(error.message).not.toContain('front.jpg');
  });

  it('a self-signed certificate', async () => {
    const error = await downloadError(
      `https://127.0.0.1:${selfSignedPort}/front.jpg?${SECRET_QUERY}`,
    );
    expect(error.toInfo().detail).toMatchObject({ cause: 'tls', tls: 'self_signed' });
    expectNamesOnlyTheHost(JSON.stringify(error.toInfo()));
  });

  it('a store that never answers', async () => {
    const error = await downloadError(
      `http://127.0.0.1:${silentPort}/front.jpg?${SECRET_QUERY}`,
      300,
    );
    expect(error.code).toBe('download_timeout');
    expect(error.toInfo().detail).toEqual({ host: `127.0.0.1:${silentPort}`, cause: 'timeout' });
    expect(error.message).toBe(
      `The image download took too long: 127.0.0.1:${silentPort} did not answer in time.`,
    );
  });
});
