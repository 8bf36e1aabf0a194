import { isIP } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { IdlensError } from '../../shared/errors.ts';
import { classifyAddress, isLoopbackHost } from '../net/ip-ranges.ts';

/**
 * Decides whether a signed image URL may be fetched. It is checked before the first request and
 * again for every redirect hop. The rules:
 *
 * - `https:` only; `http:` only when `allowLoopbackHttp` (demo/test mode) and the host is a
 *   loopback address or `localhost`. `file:`, `data:` and every other scheme are refused.
 * - No user name or password in the URL.
 * - The host must be on the allowlist: by default Amazon S3 endpoints (path-style, virtual-hosted,
 *   legacy `s3-<region>`, dualstack, accelerate), plus `allowedHosts`, matched exactly against the
 *   URL's host name (a host name or IP). IP literals — in any spelling the URL parser accepts,
 *   such as `2130706433`, `0x7f.1` or `[::1]` — pass only when listed exactly.
 * - The port is 443 — unless the allowlist entry names another (`host:8443`, `[v6]:8443`), then
 *   exactly that one. S3 endpoints: 443 only. In demo mode a loopback entry without a port
 *   allows any port (the demo image store listens on a port chosen at start).
 * - Every address the host resolves to (or the literal itself) must be public
 *   (`core/net/ip-ranges.ts`: every IANA special-purpose range is refused, also for hosts put on
 *   the allowlist by hand). Loopback is allowed only when `allowLoopbackHttp`.
 *
 * The addresses checked are returned with the URL: the download connects to them and to no other
 * (a pinned lookup), so a DNS answer that changes after the check (DNS rebinding) is never used.
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
  /** Extra hosts allowed exactly (case-insensitive): `host`, `host:port`, `[v6]:port`. */
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

function refuse(code: 'url_refused' | 'host_not_allowed', message: string): never {
  throw new IdlensError(code, message);
}

/** Host name without IPv6 brackets, lower case. */
function bareHost(url: URL): string {
  const host = url.hostname.toLowerCase();
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** An allowlist entry: a host (name or IP, IPv6 with or without brackets) and an optional port. */
export interface AllowedHost {
  host: string;
  port: number | null;
}

/** Parses `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6; null when malformed. */
export function parseAllowedHost(entry: string): AllowedHost | null {
  const text = entry.trim().toLowerCase();
  let host = text;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2];
  } else if (text.split(':').length === 2) {
    [host = '', port] = text.split(':');
  }
  const plausible = isIP(host) !== 0 || /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(host);
  if (!plausible || (bracketed && isIP(host) !== 6)) return null;
  if (port === undefined) return { host, port: null };
  const number = /^\d{1,5}$/.test(port) ? Number(port) : 0;
  return number >= 1 && number <= 65_535 ? { host, port: number } : null;
}

/** The port a URL connects to. */
function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'http:' ? 80 : 443;
}

/** A URL that passed the guard, with the addresses that were checked — the only ones to connect to. */
export interface GuardedTarget {
  url: URL;
  addresses: readonly LookupAddress[];
}

/** Checks the URL (see `guardTarget`) and returns it parsed. */
export async function guardUrl(input: string | URL, options: UrlGuardOptions = {}): Promise<URL> {
  return (await guardTarget(input, options)).url;
}

/**
 * Checks the URL against the rules above and resolves its host. Returns the parsed URL and the
 * checked addresses when it may be fetched; throws `IdlensError` (`url_refused` /
 * `host_not_allowed`) otherwise. Performs no request to the URL itself.
 */
export async function guardTarget(
  input: string | URL,
  options: UrlGuardOptions = {},
): Promise<GuardedTarget> {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    refuse('url_refused', 'The image address is not a valid URL.');
  }
  const demo = options.allowLoopbackHttp === true;
  const host = bareHost(url);

  if (url.protocol === 'http:') {
    if (!demo || !isLoopbackHost(host)) {
      refuse('url_refused', 'The image address does not use HTTPS.');
    }
  } else if (url.protocol !== 'https:') {
    refuse('url_refused', 'The image address uses a scheme that is not allowed.');
  }
  if (url.username !== '' || url.password !== '') {
    refuse('url_refused', 'The image address carries credentials.');
  }

  const literal = isIP(host) !== 0;
  const port = effectivePort(url);
  const entries = (options.allowedHosts ?? []).flatMap((e) => parseAllowedHost(e) ?? []);
  const portAllowed = (entry: AllowedHost) =>
    entry.port === null ? port === 443 || (demo && isLoopbackHost(host)) : port === entry.port;
  const onList =
    entries.some((entry) => entry.host === host && portAllowed(entry)) ||
    (!literal && options.allowS3Hosts !== false && isS3Host(host) && port === 443);
  if (!onList) refuse('host_not_allowed', 'The image host and port are not on the allowlist.');

  let addresses: readonly LookupAddress[];
  if (literal) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    // The host is on the allowlist, so naming it (never the path or query) tells the user what to check.
    const unresolved: (cause?: unknown) => never = (cause) => {
      const where = url.port === '' ? host : `${host}:${url.port}`;
      throw new IdlensError('host_not_allowed', `The image host ${where} could not be resolved.`, {
        detail: { host: where, cause: 'dns' },
        ...(cause === undefined ? {} : { cause }),
      });
    };
    try {
      addresses = await (options.lookup ?? defaultLookup)(host);
    } catch (error) {
      unresolved(error);
    }
    if (addresses.length === 0) unresolved();
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'public') continue;
    if (kind === 'loopback' && demo) continue;
    refuse('host_not_allowed', 'The image host resolves to a private or local network address.');
  }
  return { url, addresses };
}
