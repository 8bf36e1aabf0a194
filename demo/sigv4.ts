/**
 * AWS Signature Version 4 for pre-signed query-string URLs, as S3 uses them: the store signs
 * object URLs with a secret only it knows, and checks every request against the same
 * computation. Nothing here is a stand-in: a URL whose path, host, date, lifetime or signature
 * was changed does not verify.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const SERVICE = 's3';
/** S3 refuses pre-signed URLs that claim to live longer than a week. */
export const MAX_EXPIRES_SECONDS = 604_800;

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** RFC 3986 encoding as SigV4 wants it (also encodes `!'()*`). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Each path segment encoded once; the slashes stay. */
export function canonicalPath(decodedPath: string): string {
  return decodedPath.split('/').map(uriEncode).join('/');
}

/** `YYYYMMDDTHHMMSSZ` */
export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when it is not that shape or not a real instant. */
export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const date = new Date(ms);
  return amzDate(date) === value ? date : undefined;
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

function signingKey(secret: string, day: string, region: string): Buffer {
  const kDate = hmac(`AWS4${secret}`, day);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, SERVICE);
  return hmac(kService, 'aws4_request');
}

function canonicalQuery(params: ReadonlyArray<readonly [string, string]>): string {
  return params
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/**
 * The signature of a pre-signed request: HMAC-SHA256 over the string to sign, with the key
 * derived from the secret, the day, the region and the service.
 */
export function computeSignature(input: {
  method: string;
  host: string;
  decodedPath: string;
  /** Every query parameter except X-Amz-Signature. */
  query: ReadonlyArray<readonly [string, string]>;
  amzDate: string;
  region: string;
  secretAccessKey: string;
}): string {
  const canonicalRequest = [
    input.method,
    canonicalPath(input.decodedPath),
    canonicalQuery(input.query),
    `host:${input.host.trim()}\n`,
    'host',
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${SERVICE}/aws4_request`;
  const stringToSign = [ALGORITHM, input.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  return hmac(signingKey(input.secretAccessKey, day, input.region), stringToSign).toString('hex');
}

/** A pre-signed GET URL for `decodedPath` on `origin` (e.g. `http://127.0.0.1:4481`). */
export function presignUrl(input: {
  origin: string;
  decodedPath: string;
  credentials: SigningCredentials;
  date: Date;
  expiresSeconds: number;
}): string {
  const origin = new URL(input.origin);
  const date = amzDate(input.date);
  const { accessKeyId, secretAccessKey, region } = input.credentials;
  const query: Array<[string, string]> = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${accessKeyId}/${date.slice(0, 8)}/${region}/${SERVICE}/aws4_request`],
    ['X-Amz-Date', date],
    ['X-Amz-Expires', String(input.expiresSeconds)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const signature = computeSignature({
    method: 'GET',
    host: origin.host,
    decodedPath: input.decodedPath,
    query,
    amzDate: date,
    region,
    secretAccessKey,
  });
  return `${origin.origin}${canonicalPath(input.decodedPath)}?${canonicalQuery(query)}&X-Amz-Signature=${signature}`;
}

export type VerifyFailure =
  | { ok: false; status: 403; code: 'AccessDenied'; message: 'Access Denied' }
  | {
      ok: false;
      status: 403;
      code: 'AccessDenied';
      message: 'Request has expired';
      expires: number;
      expiredAt: Date;
    }
  | { ok: false; status: 403; code: 'AccessDenied'; message: 'Request is not valid yet' }
  | { ok: false; status: 403; code: 'SignatureDoesNotMatch'; message: string }
  | { ok: false; status: 403; code: 'InvalidAccessKeyId'; message: string }
  | { ok: false; status: 400; code: 'AuthorizationQueryParametersError'; message: string };

export type VerifyResult = { ok: true } | VerifyFailure;

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

/**
 * Checks a request against its query-string signature, the way S3 does for pre-signed URLs.
 * `host` is the request's Host header (it is part of what was signed).
 */
export function verifyPresigned(input: {
  method: string;
  host: string;
  decodedPath: string;
  searchParams: URLSearchParams;
  credentials: SigningCredentials;
  now: Date;
}): VerifyResult {
  const params = input.searchParams;
  const amzKeys = [...params.keys()].filter((k) => k.toLowerCase().startsWith('x-amz-'));
  if (amzKeys.length === 0) {
    // No authentication at all: anonymous access to a private bucket.
    return { ok: false, status: 403, code: 'AccessDenied', message: 'Access Denied' };
  }
  const one = (name: string): string | undefined => {
    const all = params.getAll(name);
    return all.length === 1 ? all[0] : undefined;
  };
  const algorithm = one('X-Amz-Algorithm');
  const credential = one('X-Amz-Credential');
  const date = one('X-Amz-Date');
  const expires = one('X-Amz-Expires');
  const signedHeaders = one('X-Amz-SignedHeaders');
  const signature = one('X-Amz-Signature');
  const mismatch: VerifyFailure = {
    ok: false,
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: SIGNATURE_MISMATCH,
  };
  if (
    algorithm === undefined ||
    credential === undefined ||
    date === undefined ||
    expires === undefined ||
    signedHeaders === undefined
  ) {
    return {
      ok: false,
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message:
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    };
  }
  if (signature === undefined || !/^[0-9a-f]{64}$/.test(signature)) return mismatch;
  if (algorithm !== ALGORITHM) {
    return {
      ok: false,
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
    };
  }
  const issuedAt = parseAmzDate(date);
  if (!issuedAt) {
    return {
      ok: false,
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
    };
  }
  if (!/^\d{1,6}$/.test(expires) || Number(expires) < 1) {
    return {
      ok: false,
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: 'X-Amz-Expires should be a number',
    };
  }
  const expiresSeconds = Number(expires);
  if (expiresSeconds > MAX_EXPIRES_SECONDS) {
    return {
      ok: false,
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: 'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    };
  }
  const parts = credential.split('/');
  const { accessKeyId, secretAccessKey, region } = input.credentials;
  if (
    parts.length !== 5 ||
    parts[1] !== date.slice(0, 8) ||
    parts[2] !== region ||
    parts[3] !== SERVICE ||
    parts[4] !== 'aws4_request'
  ) {
    return {
      ok: false,
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: 'Error parsing the X-Amz-Credential parameter',
    };
  }
  if (parts[0] !== accessKeyId) {
    return {
      ok: false,
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  }
  if (signedHeaders !== 'host') return mismatch;

  const query: Array<[string, string]> = [];
  for (const [k, v] of params) if (k !== 'X-Amz-Signature') query.push([k, v]);
  // A pre-signed GET URL also serves HEAD (S3 signs HEAD separately; this store is lenient there).
  const method = input.method === 'HEAD' ? 'GET' : input.method;
  const expected = computeSignature({
    method,
    host: input.host,
    decodedPath: input.decodedPath,
    query,
    amzDate: date,
    region,
    secretAccessKey,
  });
  if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature, 'hex'))) {
    return mismatch;
  }

  const nowMs = input.now.getTime();
  if (issuedAt.getTime() - nowMs > 15 * 60 * 1000) {
    return { ok: false, status: 403, code: 'AccessDenied', message: 'Request is not valid yet' };
  }
  const expiredAt = new Date(issuedAt.getTime() + expiresSeconds * 1000);
  if (nowMs > expiredAt.getTime()) {
    return {
      ok: false,
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
      expires: expiresSeconds,
      expiredAt,
    };
  }
  return { ok: true };
}
