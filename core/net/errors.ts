import { IdlensError } from '../../shared/errors.ts';
import type { ErrorCode, NetCause, NetDetail, TlsProblem } from '../../shared/errors.ts';
import { en } from '../../shared/i18n/en.ts';

/**
 * Names why a request never got an answer: which host, and whether the name did not resolve,
 * the connection was refused or reset, the TLS certificate was refused (and for what), or time
 * ran out. Read from the error codes Node's fetch (undici) and the OS give — never from message
 * text — so it works the same in every locale. Only the host (name or IP, optional port) is kept:
 * never a path, a query or a signed URL.
 */

const BY_CODE: Readonly<Record<string, NetCause>> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
};

/** OpenSSL verification codes (as Node reports them) → what is wrong with the certificate. */
const TLS_BY_CODE: Readonly<Record<string, TlsProblem>> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not_yet_valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self_signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self_signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_REVOKED: 'untrusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong_host',
  HOSTNAME_MISMATCH: 'wrong_host',
};

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** The error and its causes, outermost first (an AggregateError's members too), bounded. */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 12) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || out.includes(next)) continue;
    out.push(next);
    const cause = (next as { cause?: unknown }).cause;
    if (cause !== undefined) queue.push(cause);
    const members: unknown = (next as { errors?: unknown }).errors;
    if (Array.isArray(members)) queue.push(...(members as unknown[]).slice(0, 4));
  }
  return out;
}

/** `host[:port]` of a URL; undefined when it is not one. */
export function hostOf(target: URL | string): string | undefined {
  try {
    const url = typeof target === 'string' ? new URL(target) : target;
    return url.host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the network stack says went wrong reaching `target`, or undefined when `error` is not a
 * connection failure (an HTTP answer, a cancel, a bug). `timedOut`: the caller's own timer fired.
 */
export function netFailureOf(
  error: unknown,
  target: URL | string,
  timedOut = false,
): NetDetail | undefined {
  const host = hostOf(target);
  if (host === undefined) return undefined;
  if (timedOut) return { host, cause: 'timeout' };
  for (const link of chain(error)) {
    const code = codeOf(link);
    if (code !== undefined) {
      const tls = TLS_BY_CODE[code];
      if (tls) return { host, cause: 'tls', tls };
      if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
        return { host, cause: 'tls', tls: 'other' };
      }
      const cause = BY_CODE[code];
      if (cause) return { host, cause };
    }
    if (nameOf(link) === 'TimeoutError') return { host, cause: 'timeout' };
  }
  // fetch rejects every transport failure as a TypeError; one without a known code still failed
  // on the way to the server.
  if (error instanceof TypeError && chain(error).length > 1) return { host, cause: 'other' };
  return undefined;
}

/**
 * One English clause naming the host and the cause, e.g. "api.example refused the connection";
 * the words are the catalogue's (shared/i18n), which says them in Spanish too.
 */
export function describeNetFailure(detail: NetDetail): string {
  const words = en.cli.net;
  return detail.cause === 'tls'
    ? words.tls(detail.host, detail.tls ?? 'other')
    : words[detail.cause](detail.host);
}

/**
 * An IdlensError for a request that got no answer: `lead` (a fixed sentence without its full
 * stop) followed by the host and the cause when the network stack names them.
 */
export function networkFailure(
  code: ErrorCode,
  lead: string,
  error: unknown,
  target: URL | string,
  timedOut = false,
): IdlensError {
  const detail = netFailureOf(error, target, timedOut);
  const message = detail ? `${lead}: ${describeNetFailure(detail)}.` : `${lead}.`;
  return new IdlensError(code, message, { detail, cause: detail });
}
