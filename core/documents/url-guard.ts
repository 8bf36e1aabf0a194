import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { IdlensError } from '../../shared/errors.ts';

/**
 * Decides whether a signed image URL may be fetched. It is checked before the first request and
 * again for every redirect hop. The rules:
 *
 * - `https:` only; `http:` only when `allowLoopbackHttp` (demo/test mode) and the host is a
 *   loopback address or `localhost`. `file:`, `data:` and every other scheme are refused.
 * - No user name or password in the URL.
 * - The host must be on the allowlist: by default Amazon S3 endpoints (path-style, virtual-hosted,
 *   legacy `s3-<region>`, dualstack, accelerate), plus `allowedHosts`, matched exactly against the
 *   URL's host name (a host name or IP, without port). IP literals — in any spelling the URL
 *   parser accepts, such as `2130706433`, `0x7f.1` or `[::1]` — pass only when listed exactly.
 * - Every address the host resolves to (or the literal itself) must be public. Loopback is allowed
 *   only when `allowLoopbackHttp`; private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10),
 *   link-local (169.254/16 — cloud metadata — and fe80::/10), unique-local (fc00::/7),
 *   unspecified, multicast, reserved and documentation ranges are always refused, also for hosts
 *   put on the allowlist by hand.
 *
 * Residual risk, stated plainly: Node's `fetch` resolves the host again when it connects, so a
 * host whose DNS answer changes between the check and the connection (DNS rebinding) is only
 * stopped by the allowlist, which by default names Amazon's own domains only.
 *
 * Refusals are `url_refused` (scheme, credentials, malformed) or `host_not_allowed` (host or
 * address); their messages never contain the URL.
 */

export interface LookupAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (like `dns.promises.lookup(host, { all: true })`). */
export type LookupFn = (hostname: string) => Promise<readonly LookupAddress[]>;

export interface UrlGuardOptions {
  /** Extra host names or IPs allowed exactly (case-insensitive, no port). */
  allowedHosts?: readonly string[];
  /** Whether the default Amazon S3 host patterns are allowed (default true). */
  allowS3Hosts?: boolean;
  /** Demo/test mode: `http:` to loopback hosts and loopback addresses are allowed. */
  allowLoopbackHttp?: boolean;
  /** Injected resolver; default `dns.promises.lookup(host, { all: true })`. */
  lookup?: LookupFn;
}

export const defaultLookup: LookupFn = (hostname) =>
  dnsLookup(hostname, { all: true, order: 'verbatim' });

const REGION = String.raw`[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}`;
const BUCKET = String.raw`[a-z0-9](?:[a-z0-9.-]{1,61})[a-z0-9]`;
const S3_ENDPOINT = String.raw`s3(?:\.dualstack)?(?:\.${REGION})?|s3-${REGION}|s3-accelerate(?:\.dualstack)?`;
const S3_HOST = new RegExp(String.raw`^(?:${BUCKET}\.)?(?:${S3_ENDPOINT})\.amazonaws\.com$`);

/** Whether a (lower-case) host name is an Amazon S3 endpoint. */
export function isS3Host(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (!S3_HOST.test(host)) return false;
  // A bucket label cannot look like an IP address, nor contain `..`.
  const bucket = host.replace(new RegExp(String.raw`\.?(?:${S3_ENDPOINT})\.amazonaws\.com$`), '');
  return !bucket.includes('..') && isIP(bucket) === 0;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const NEVER = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network, unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NEVER.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NEVER.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address embedded in an IPv6 one (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (groups === null) return null;
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated; :: and ::1 excluded)
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0)) {
    return g5 === 0 && g6 === 0 ? null : v4(g6, g7);
  }
  // 64:ff9b::a.b.c.d (well-known NAT64 prefix)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return v4(g6, g7);
  // 2002:AABB:CCDD::/48 (6to4)
  if (g0 === 0x2002) return v4(g1, g2);
  return null;
}

type Groups = [number, number, number, number, number, number, number, number];

/** Eight 16-bit groups of an IPv6 address, or null. Accepts a dotted IPv4 tail. */
function expandIpv6(address: string): Groups | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const zoneAt = text.indexOf('%');
  if (zoneAt >= 0) text = text.slice(0, zoneAt);
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.slice(1).map(Number);
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - left.length - right.length;
  const all = rest === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  if (all.length !== 8) return null;
  return all.map((g) => parseInt(g, 16)) as Groups;
}

export type AddressClass = 'public' | 'loopback' | 'private';

/** Classifies an IP address: loopback, another non-public range, or public. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'private'; // not an address at all: never treat as public
  if (family === 4) {
    if (LOOPBACK.check(address, 'ipv4')) return 'loopback';
    return NEVER.check(address, 'ipv4') ? 'private' : 'public';
  }
  const v4 = embeddedIpv4(address);
  if (v4 !== null) return classifyAddress(v4);
  const bare = address.split('%')[0] ?? address;
  if (LOOPBACK.check(bare, 'ipv6')) return 'loopback';
  return NEVER.check(bare, 'ipv6') ? 'private' : 'public';
}

function refuse(code: 'url_refused' | 'host_not_allowed', message: string): never {
  throw new IdlensError(code, message);
}

/** Host name without IPv6 brackets, lower case. */
function bareHost(url: URL): string {
  const host = url.hostname.toLowerCase();
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function normaliseAllowed(host: string): string {
  const h = host.trim().toLowerCase();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || (isIP(host) !== 0 && classifyAddress(host) === 'loopback');
}

/**
 * Checks the URL against the rules above and resolves its host. Returns the parsed URL when it may
 * be fetched; throws `IdlensError` (`url_refused` / `host_not_allowed`) otherwise. Performs no
 * request to the URL itself.
 */
export async function guardUrl(input: string | URL, options: UrlGuardOptions = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    refuse('url_refused', 'The image address is not a valid URL.');
  }
  const demo = options.allowLoopbackHttp === true;
  const host = bareHost(url);

  if (url.protocol === 'http:') {
    if (!demo || !isLoopbackName(host)) {
      refuse('url_refused', 'The image address does not use HTTPS.');
    }
  } else if (url.protocol !== 'https:') {
    refuse('url_refused', 'The image address uses a scheme that is not allowed.');
  }
  if (url.username !== '' || url.password !== '') {
    refuse('url_refused', 'The image address carries credentials.');
  }

  const allowed = new Set((options.allowedHosts ?? []).map(normaliseAllowed));
  const literal = isIP(host) !== 0;
  const onList =
    allowed.has(host) ||
    (!literal && options.allowS3Hosts !== false && isS3Host(host) && url.port === '');
  if (!onList) refuse('host_not_allowed', 'The image host is not on the allowlist.');

  let addresses: readonly LookupAddress[];
  if (literal) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (options.lookup ?? defaultLookup)(host);
    } catch {
      refuse('host_not_allowed', 'The image host could not be resolved.');
    }
    if (addresses.length === 0) refuse('host_not_allowed', 'The image host could not be resolved.');
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'public') continue;
    if (kind === 'loopback' && demo) continue;
    refuse('host_not_allowed', 'The image host resolves to a private or local network address.');
  }
  return url;
}
