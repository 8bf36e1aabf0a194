import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guardUrl,
  isS3Host,
  parseAllowedHost,
  type LookupFn,
} from '../../../../core/documents/url-guard.ts';
import { downloadImage } from '../../../../core/documents/download.ts';
import { IdlensError } from '../../../../shared/errors.ts';

/** A server that must never be asked anything: each test asserts it saw zero requests. */
let server: http.Server;
let port = 0;
let requests = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    requests++;
    res.end('should never be served');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const resolvesTo =
  (...addresses: string[]): LookupFn =>
  () =>
    Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
const publicLookup = resolvesTo('52.219.100.1');

async function refusal(url: string, options: Parameters<typeof guardUrl>[1] = {}): Promise<string> {
  try {
    await guardUrl(url, { lookup: publicLookup, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(IdlensError);
    const message = (error as IdlensError).message;
    // A refusal may name the host it checked, never the address's path or query (the signed part).
    expect(message).not.toMatch(/k\.jpg|X-Amz|\?/);
    expect(message).not.toContain('127.0.0.1');
    return (error as IdlensError).code;
  }
  return 'allowed';
}

describe('S3 host patterns', () => {
  it.each([
    's3.amazonaws.com',
    's3.us-east-2.amazonaws.com',
    'my-bucket.s3.us-east-2.amazonaws.com',
    'my.bucket.s3.eu-west-1.amazonaws.com',
    's3-us-west-2.amazonaws.com',
    'bucket.s3-us-west-2.amazonaws.com',
    's3.dualstack.us-east-1.amazonaws.com',
    'bucket.s3.dualstack.ap-southeast-1.amazonaws.com',
    'bucket.s3-accelerate.amazonaws.com',
    's3.us-gov-west-1.amazonaws.com',
    'S3.US-EAST-2.AMAZONAWS.COM',
  ])('allows %s', (host) => expect(isS3Host(host)).toBe(true));

  it.each([
    'amazonaws.com',
    'evil.com',
    's3.amazonaws.com.evil.com',
    'evil-s3.amazonaws.com',
    'ec2.us-east-1.amazonaws.com',
    'bucket.s3-website-us-east-1.amazonaws.com',
    's3.amazonaws.com.',
    '127.0.0.1.s3.amazonaws.com',
    'a..b.s3.amazonaws.com',
  ])('refuses %s', (host) => expect(isS3Host(host)).toBe(false));
});

describe('guardUrl refuses hostile URLs without fetching them', () => {
  const local = () => `127.0.0.1:${port}`;
  const cases: [string, () => string, Parameters<typeof guardUrl>[1], string][] = [
    ['http on a public S3 host', () => 'http://s3.amazonaws.com/b/k.jpg', {}, 'url_refused'],
    [
      'http on the loopback server outside demo mode',
      () => `http://${local()}/x.jpg`,
      { allowedHosts: ['127.0.0.1'] },
      'url_refused',
    ],
    ['file:', () => 'file:///etc/passwd', {}, 'url_refused'],
    ['data:', () => 'data:image/jpeg;base64,/9j/4AAQ', {}, 'url_refused'],
    ['javascript:', () => 'javascript:alert(1)', {}, 'url_refused'],
    ['ftp:', () => 'ftp://s3.amazonaws.com/b/k.jpg', {}, 'url_refused'],
    ['not a URL', () => 'not a url at all', {}, 'url_refused'],
    ['userinfo on an S3 host', () => 'https://user:pw@s3.amazonaws.com/b/k.jpg', {}, 'url_refused'],
    [
      'userinfo on the demo host',
      () => `http://x@${local()}/k.jpg`,
      { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true },
      'url_refused',
    ],
    ['a host not on the allowlist', () => 'https://evil.example.com/k.jpg', {}, 'host_not_allowed'],
    [
      'an S3-lookalike host',
      () => 'https://s3.amazonaws.com.evil.example/k.jpg',
      {},
      'host_not_allowed',
    ],
    [
      'an S3 host on a non-default port',
      () => 'https://s3.amazonaws.com:8443/b/k.jpg',
      {},
      'host_not_allowed',
    ],
    ['an IPv4 literal', () => 'https://52.219.100.1/b/k.jpg', {}, 'host_not_allowed'],
    [
      'a decimal IPv4 literal (2130706433)',
      () => `http://2130706433:${port}/k.jpg`,
      { allowLoopbackHttp: true },
      'host_not_allowed',
    ],
    ['a hex IPv4 literal', () => `https://0x7f000001:${port}/k.jpg`, {}, 'host_not_allowed'],
    ['an octal IPv4 literal', () => `https://0177.0.0.1:${port}/k.jpg`, {}, 'host_not_allowed'],
    ['an IPv6 literal', () => `https://[::1]:${port}/k.jpg`, {}, 'host_not_allowed'],
    [
      'an IPv4-mapped IPv6 literal',
      () => `https://[::ffff:127.0.0.1]:${port}/k.jpg`,
      {},
      'host_not_allowed',
    ],
    [
      'the metadata address, even when allow-listed',
      () => 'https://169.254.169.254/latest/meta-data',
      { allowedHosts: ['169.254.169.254'] },
      'host_not_allowed',
    ],
    [
      'an allow-listed host on another port (SSH)',
      () => 'https://images.example.net:22/k.jpg',
      { allowedHosts: ['images.example.net'] },
      'host_not_allowed',
    ],
    [
      'an allow-listed host on plain 443 when the entry names 8443',
      () => 'https://images.example.net/k.jpg',
      { allowedHosts: ['images.example.net:8443'] },
      'host_not_allowed',
    ],
    [
      'an allow-listed host on a port other than the one its entry names',
      () => 'https://images.example.net:8444/k.jpg',
      { allowedHosts: ['images.example.net:8443'] },
      'host_not_allowed',
    ],
    [
      'an IPv4-translated literal (::ffff:0:a.b.c.d), even when allow-listed',
      () => 'https://[::ffff:0:34db:6401]/k.jpg',
      { allowedHosts: ['[::ffff:0:34db:6401]'] },
      'host_not_allowed',
    ],
    [
      'a Teredo literal, even when allow-listed',
      () => 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/k.jpg',
      { allowedHosts: ['2001:0:4136:e378:8000:63bf:3fff:fdd2'] },
      'host_not_allowed',
    ],
    [
      'a loopback literal allow-listed outside demo mode',
      () => `https://127.0.0.1:${port}/k.jpg`,
      { allowedHosts: ['127.0.0.1'] },
      'host_not_allowed',
    ],
  ];

  it.each(cases)('%s', async (_name, url, options, code) => {
    const before = requests;
    expect(await refusal(url(), options)).toBe(code);
    await expect(
      downloadImage(url(), { guard: { lookup: publicLookup, ...options } }),
    ).rejects.toMatchObject({ code });
    expect(requests).toBe(before);
  });

  it.each([
    ['127.0.0.1', ['127.0.0.1']],
    ['10.x', ['10.0.0.7']],
    ['169.254.169.254', ['169.254.169.254']],
    ['CGNAT', ['100.100.1.1']],
    ['unique-local IPv6', ['fd12:3456::1']],
    ['link-local IPv6', ['fe80::abcd']],
    ['one private address among public ones', ['52.219.100.1', '10.0.0.1']],
  ])('an allow-listed S3 host resolving to %s', async (_name, addresses) => {
    const url = 'https://bucket.s3.us-east-2.amazonaws.com/k.jpg';
    expect(await refusal(url, { lookup: resolvesTo(...addresses) })).toBe('host_not_allowed');
  });

  it('refuses a host that resolves to nothing or fails to resolve', async () => {
    const url = 'https://bucket.s3.us-east-2.amazonaws.com/k.jpg';
    expect(await refusal(url, { lookup: () => Promise.resolve([]) })).toBe('host_not_allowed');
    expect(
      await refusal(url, {
        lookup: () => Promise.reject(new Error('ENOTFOUND')),
      }),
    ).toBe('host_not_allowed');
  });

  it('names the host that could not be resolved, as a DNS failure, and nothing of the path', async () => {
    const url = 'https://images.example.net:8443/k.jpg?X-Amz-Signature=abc';
    const error = await guardUrl(url, {
      allowedHosts: ['images.example.net:8443'],
      lookup: () => Promise.reject(new Error('getaddrinfo ENOTFOUND images.example.net')),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdlensError);
    const info = (error as IdlensError).toInfo();
    expect(info.message).toBe('The image host images.example.net:8443 could not be resolved.');
    expect(info.detail).toEqual({ host: 'images.example.net:8443', cause: 'dns' });
    expect(JSON.stringify(info)).not.toMatch(/k\.jpg|X-Amz|abc/);
  });

  it.each([
    ['an IPv4-translated address', '::ffff:0:a9fe:a9fe'],
    ['a Teredo address', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['a deprecated ORCHID address (2001:10::/28)', '2001:10::1'],
  ])('refuses an allow-listed host resolving to %s', async (_name, address) => {
    const url = 'https://images.example.net/k.jpg';
    expect(
      await refusal(url, { allowedHosts: ['images.example.net'], lookup: resolvesTo(address) }),
    ).toBe('host_not_allowed');
  });

  it('refuses a configured host resolving to loopback outside demo mode', async () => {
    const url = 'https://images.example.net/k.jpg';
    expect(
      await refusal(url, { allowedHosts: ['images.example.net'], lookup: resolvesTo('127.0.0.1') }),
    ).toBe('host_not_allowed');
  });

  it('refuses S3 hosts when the S3 default is turned off', async () => {
    expect(await refusal('https://s3.amazonaws.com/b/k', { allowS3Hosts: false })).toBe(
      'host_not_allowed',
    );
  });
});

describe('guardUrl allows', () => {
  it('https to an S3 host resolving to public addresses', async () => {
    const url = await guardUrl(
      'https://bucket.s3.us-east-2.amazonaws.com/k.jpg?X-Amz-Signature=1',
      {
        lookup: resolvesTo('52.219.100.1', '2600:1f18::1'),
      },
    );
    expect(url.hostname).toBe('bucket.s3.us-east-2.amazonaws.com');
  });

  it('https to an exactly configured host, case-insensitively', async () => {
    const url = await guardUrl('https://Images.Example.NET/k.jpg', {
      allowedHosts: ['images.example.net'],
      lookup: publicLookup,
    });
    expect(url.hostname).toBe('images.example.net');
  });

  it('an allow-listed host on the port its entry names', async () => {
    for (const [entry, url] of [
      ['images.example.net:8443', 'https://images.example.net:8443/k.jpg'],
      ['images.example.net:443', 'https://images.example.net/k.jpg'],
      ['[2600:1f18::1]:8443', 'https://[2600:1f18::1]:8443/k.jpg'],
    ] as const) {
      await expect(
        guardUrl(url, { allowedHosts: [entry], lookup: publicLookup }),
      ).resolves.toBeInstanceOf(URL);
    }
  });

  it('loopback http in demo mode when the host is allow-listed, in any IPv4 spelling', async () => {
    const options = { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true };
    await expect(guardUrl(`http://127.0.0.1:${port}/k.jpg`, options)).resolves.toBeInstanceOf(URL);
    await expect(guardUrl(`http://2130706433:${port}/k.jpg`, options)).resolves.toBeInstanceOf(URL);
    await expect(
      guardUrl(`http://[::1]:${port}/k.jpg`, { ...options, allowedHosts: ['[::1]'] }),
    ).resolves.toBeInstanceOf(URL);
  });
});

describe('allowlist entries', () => {
  it.each([
    ['images.example.net', { host: 'images.example.net', port: null }],
    ['Images.Example.NET:8443', { host: 'images.example.net', port: 8443 }],
    ['52.219.100.1:443', { host: '52.219.100.1', port: 443 }],
    ['[2600:1f18::1]', { host: '2600:1f18::1', port: null }],
    ['[2600:1f18::1]:8443', { host: '2600:1f18::1', port: 8443 }],
    ['2600:1f18::1', { host: '2600:1f18::1', port: null }],
  ])('%s is read as %o', (entry, parsed) => expect(parseAllowedHost(entry)).toEqual(parsed));

  it.each(['host:0', 'host:65536', 'host:ssh', '[not-v6]:80', ':443', '[::1'])(
    '%s is malformed',
    (entry) => expect(parseAllowedHost(entry)).toBe(null),
  );
});

describe('the request counter is live (control)', () => {
  it('counts a request the guards let through', async () => {
    const before = requests;
    const bytes = await downloadImage(`http://127.0.0.1:${port}/k.jpg`, {
      guard: { allowedHosts: ['127.0.0.1'], allowLoopbackHttp: true },
    });
    expect(new TextDecoder().decode(bytes)).toBe('should never be served');
    expect(requests).toBe(before + 1);
  });
});
