import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The pinned connection over real TLS: the download connects to the address the guard checked,
 * yet the certificate is verified against the URL's host name (and SNI names it). The host names
 * end in `.test`, which never resolves, so a success proves the connection used the pinned address
 * and not DNS. The trust anchor is a certificate made by openssl for this run, handed to a child
 * Node through NODE_EXTRA_CA_CERTS (read only at start, hence the child).
 */

const PINNED_FETCH = fileURLToPath(new URL('../../core/net/pinned-fetch.ts', import.meta.url));
const NAME = 'images.pinned.test';
const BODY = Buffer.from('pinned-body-0123456789');

let dir = '';
let server: Server;
let port = 0;
const seen: { servername: string | false | null; host: string | undefined }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'idlens-pinned-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
      '-days',
      '2',
      '-subj',
      `/CN=${NAME}`,
      '-addext',
      `subjectAltName=DNS:${NAME}`,
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      const socket = req.socket;
      const servername = socket instanceof TLSSocket ? socket.servername : false;
      seen.push({ servername, host: req.headers.host });
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': BODY.length });
      res.end(BODY);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  port = address.port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

interface ChildResult {
  ok: boolean;
  status?: number;
  body?: string;
  code?: string;
}

/** Runs pinnedFetch in a child Node that trusts (or not) this run's certificate. */
function fetchInChild(url: string, trust: boolean): Promise<ChildResult> {
  const script = `
    const { pinnedFetch } = await import(${JSON.stringify(PINNED_FETCH)});
    const fetchPinned = pinnedFetch([{ address: '127.0.0.1', family: 4 }]);
    try {
      const res = await fetchPinned(${JSON.stringify(url)});
      const body = Buffer.from(await res.arrayBuffer()).toString();
      console.log(JSON.stringify({ ok: true, status: res.status, body }));
    } catch (error) {
      console.log(JSON.stringify({ ok: false, code: error.code ?? String(error) }));
    }`;
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  if (trust) env.NODE_EXTRA_CA_CERTS = join(dir, 'cert.pem');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env, encoding: 'utf8' },
      (error, stdout) => {
        if (error) reject(new Error('the child Node failed', { cause: error }));
        else resolve(JSON.parse(stdout.trim()) as ChildResult);
      },
    );
  });
}

describe('pinned connection over TLS', () => {
  it('reaches the pinned address for a name DNS cannot resolve, with SNI and Host naming the URL host', async () => {
    seen.length = 0;
    const result = await fetchInChild(`https://${NAME}:${port}/doc.jpg`, true);
    expect(result).toEqual({ ok: true, status: 200, body: BODY.toString() });
    expect(seen).toEqual([{ servername: NAME, host: `${NAME}:${port}` }]);
  });

  it('verifies the certificate against the URL host, not the pinned address', async () => {
    const result = await fetchInChild(`https://other.pinned.test:${port}/doc.jpg`, true);
    expect(result).toEqual({ ok: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('refuses a certificate nothing trusts', async () => {
    const result = await fetchInChild(`https://${NAME}:${port}/doc.jpg`, false);
    expect(result.ok).toBe(false);
    expect(result.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
