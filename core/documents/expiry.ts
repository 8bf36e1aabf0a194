/**
 * Expiry of an S3 pre-signed URL (SigV4 query form), read from `X-Amz-Date` (the signing time,
 * `YYYYMMDDTHHMMSSZ`, UTC) and `X-Amz-Expires` (validity in seconds, 1…604 800).
 * A URL without both parameters, or with malformed ones, has an unknown expiry (`null`): the
 * store is then the only judge. Nothing here keeps or reports the URL itself.
 */

export const DEFAULT_EXPIRY_MARGIN_MS = 10_000;

/** SigV4 caps pre-signed URLs at 7 days. */
const MAX_EXPIRES_SECONDS = 604_800;

export interface SignedUrlExpiry {
  /** Epoch ms of `X-Amz-Date`. */
  signedAt: number;
  /** Epoch ms after which the store refuses the URL. */
  expiresAt: number;
}

function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === wanted) return value;
  return null;
}

/** Parses `YYYYMMDDTHHMMSSZ` strictly; returns epoch ms or null. */
export function parseAmzDate(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(ms);
  // Reject dates Date.UTC silently rolled over (e.g. month 13, 31 February, hour 24).
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    d.getUTCHours() !== hour ||
    d.getUTCMinutes() !== minute ||
    d.getUTCSeconds() !== second
  ) {
    return null;
  }
  return ms;
}

export function signedUrlExpiry(url: string | URL): SignedUrlExpiry | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  const date = queryParam(parsed, 'X-Amz-Date');
  const expires = queryParam(parsed, 'X-Amz-Expires');
  if (date === null || expires === null) return null;
  const signedAt = parseAmzDate(date);
  if (signedAt === null || !/^\d{1,6}$/.test(expires)) return null;
  const seconds = Number(expires);
  if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) return null;
  return { signedAt, expiresAt: signedAt + seconds * 1000 };
}

/** Whether the URL is past its expiry at `now` (false when the expiry is unknown). */
export function isExpired(url: string | URL, now: number = Date.now()): boolean {
  const expiry = signedUrlExpiry(url);
  return expiry !== null && now >= expiry.expiresAt;
}

/**
 * Whether the URL has expired or will within `marginMs` of `now` — too close to start a download
 * that may take a while. False when the expiry is unknown.
 */
export function isExpiringSoon(
  url: string | URL,
  now: number = Date.now(),
  marginMs: number = DEFAULT_EXPIRY_MARGIN_MS,
): boolean {
  const expiry = signedUrlExpiry(url);
  return expiry !== null && now + marginMs >= expiry.expiresAt;
}

/**
 * Whether asking the API for a fresh URL is worth it before downloading: the URL has expired, or
 * it has less than `marginMs` left *and* less than half its lifetime — a URL that is short-lived
 * by design (say 5 s) would be just as short-lived when fetched again.
 */
export function needsFreshUrl(
  url: string | URL,
  now: number = Date.now(),
  marginMs: number = DEFAULT_EXPIRY_MARGIN_MS,
): boolean {
  const expiry = signedUrlExpiry(url);
  if (expiry === null) return false;
  const lifetime = expiry.expiresAt - expiry.signedAt;
  return now + Math.min(marginMs, lifetime / 2) >= expiry.expiresAt;
}
