import { checkServerUrl } from '../auth/oauth.ts';
import { readCappedText } from '../net/capped-body.ts';
import { isIdlensError, type ErrorCode, type NetDetail } from '../../shared/errors.ts';
import { networkFailure } from '../net/errors.ts';

/**
 * The one way idlens calls e-Próspera's resource API: `GET {apiBase}{path}` with the bearer token,
 * a timeout, no cache, no redirect off the API origin, a capped body, and every answer the
 * contract describes turned into a typed outcome instead of an exception.
 *
 * Status mapping (see shared/reference/id-verification-endpoint.md and eprospera-api.md §5):
 * - no token at hand → `missing_token` (no request is made);
 * - 401 `missing_token` → `missing_token`;
 * - 401 or 403 naming missing/insufficient scopes, and any other 403 → `missing_scope`;
 * - other 401 (`invalid_token` or unknown) → refresh once through `refreshAccessToken()` and
 *   retry; if no refresh is possible → `auth_required`; if the refreshed token is rejected too
 *   → `invalid_token`;
 * - 429 → up to `maxRetries` retries with capped exponential backoff and full jitter, honouring
 *   `Retry-After` when present (not promised by the API), then `rate_limited`;
 * - 5xx and any other unexpected status → `server_error`;
 * - connection failure or timeout → `network_error`, naming the host and the cause (`detail`);
 * - a 2xx body that is not JSON or is too large → `malformed_body`.
 * Messages are fixed text: never the token, the URL, or a response body.
 */

export type FetchFn = typeof globalThis.fetch;

export interface RetryOptions {
  /** Retries after the first 429 (default 3). */
  maxRetries?: number;
  /** First backoff step in ms (default 250). */
  baseMs?: number;
  /** Largest computed backoff in ms (default 4000). */
  capMs?: number;
  /** Largest wait honoured from `Retry-After`, in ms (default 30 000). */
  retryAfterCapMs?: number;
}

export interface ApiDeps {
  /** Origin (and optional path prefix) of the API, e.g. `https://portal.eprospera.com`. */
  apiBase: string;
  /** Demo and tests only: plain `http` on a loopback host (the issuer's rule, `checkServerUrl`). */
  allowLoopbackHttp?: boolean;
  getAccessToken: () => Promise<string | null | undefined> | string | null | undefined;
  /** Refreshes the access token; resolves true when a new one is available. */
  refreshAccessToken?: () => Promise<boolean>;
  fetch?: FetchFn;
  /** Per request, including reading the body (default 15 000 ms). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Injected for tests; default a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; default Math.random. */
  random?: () => number;
  signal?: AbortSignal;
}

export type ApiErrorCode =
  | 'insecure_url'
  | 'missing_token'
  | 'invalid_token'
  | 'auth_required'
  | 'missing_scope'
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'malformed_body';

export interface ApiFailure {
  kind: 'error';
  /** One of ApiErrorCode, or a code the injected token functions threw (e.g. auth_required). */
  code: ErrorCode;
  message: string;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** No answer at all: the API host and why (DNS, refused, TLS, timeout, …). */
  detail?: NetDetail;
}

export interface ApiJson {
  kind: 'json';
  body: unknown;
  status: number;
  /** Epoch ms from the response's `Date` header (the server's clock), if present. */
  serverDate: number | null;
}

export const DEFAULT_API_TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_SAME_ORIGIN_REDIRECTS = 2;

const MESSAGES: Record<ApiErrorCode, string> = {
  insecure_url: 'The API address must use HTTPS (plain HTTP only for a loopback demo).',
  missing_token: 'Not signed in: there is no access token to send.',
  invalid_token: 'The API rejected the access token, also after refreshing it. Sign in again.',
  auth_required: 'The session is no longer valid. Sign in again.',
  missing_scope:
    'The sign-in did not grant access to identity-verification data. Sign in again and allow it.',
  rate_limited: 'The API is limiting requests. Try again in a minute.',
  server_error: 'The API answered with an error.',
  network_error: 'The API could not be reached.',
  malformed_body: 'The API answered with data idlens does not understand.',
};

export function apiFailure(code: ApiErrorCode, status?: number, message?: string): ApiFailure {
  return status === undefined
    ? { kind: 'error', code, message: message ?? MESSAGES[code] }
    : { kind: 'error', code, message: message ?? MESSAGES[code], status };
}

/**
 * Reads what an error body says, whatever its shape: `{"error":"code"}`, `{"error":"a sentence"}`,
 * `{"error":{"code","message"}}`, `error_description`/`message` keys, or plain text.
 * Returns lower-case text to match on — never shown to anyone.
 */
export function errorBodyText(body: unknown): string {
  const parts: string[] = [];
  const take = (value: unknown, depth: number): void => {
    if (typeof value === 'string') parts.push(value);
    else if (depth < 2 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      for (const key of ['error', 'code', 'message', 'error_description', 'errorDescription']) {
        take(record[key], depth + 1);
      }
    }
  };
  take(body, 0);
  return parts.join(' ').toLowerCase().slice(0, 2000);
}

/** `WWW-Authenticate: Bearer error="…"` value, lower-cased, if any. */
function bearerError(headers: Headers): string {
  const value = headers.get('www-authenticate') ?? '';
  const m = /error\s*=\s*"?([a-z_]+)"?/i.exec(value);
  return m?.[1]?.toLowerCase() ?? '';
}

/** `Retry-After` in ms (delta-seconds or HTTP date), or null. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Full-jitter exponential backoff: random in [0, min(cap, base·2^attempt)]. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number,
): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/**
 * The full URL of an API path; null when the base is not an acceptable API address: https, or
 * http on a loopback host only when `allowLoopbackHttp` (the issuer's rule, `checkServerUrl`).
 */
export function apiUrl(apiBase: string, path: string, allowLoopbackHttp = false): URL | null {
  let base: URL;
  try {
    base = checkServerUrl(apiBase, allowLoopbackHttp, 'The API base');
  } catch {
    return null;
  }
  return new URL(base.pathname.replace(/\/+$/, '') + path, base.origin);
}

/** An IdlensError thrown by an injected token function keeps its code; anything else → fallback. */
function fromThrown(error: unknown, fallback: ApiErrorCode): ApiFailure {
  if (isIdlensError(error)) return { kind: 'error', code: error.code, message: error.message };
  return apiFailure(fallback);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

type Sent =
  | { kind: 'response'; response: Response; text: string | null }
  | { kind: 'error'; failure: ApiFailure };

/** One request (following same-origin redirects only), with its body read under the timeout. */
async function send(url: URL, token: string, deps: ApiDeps): Promise<Sent> {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const timeout = AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_API_TIMEOUT_MS);
  const signal = deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await doFetch(current, {
        method: 'GET',
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
        signal,
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        const next = location === null ? null : URL.parse(location, current.href);
        if (next === null || next.origin !== url.origin || hop >= MAX_SAME_ORIGIN_REDIRECTS) {
          return {
            kind: 'error',
            failure: apiFailure(
              'server_error',
              response.status,
              'The API redirected the request elsewhere; it was not followed.',
            ),
          };
        }
        current = next;
        continue;
      }
      const body = await readCappedText(response.body, MAX_BODY_BYTES);
      return { kind: 'response', response, text: body.complete ? body.text : null };
    }
  } catch (error) {
    if (deps.signal?.aborted && !timeout.aborted) {
      const message = 'The request to the API was cancelled.';
      return { kind: 'error', failure: apiFailure('network_error', undefined, message) };
    }
    const failure = networkFailure(
      'network_error',
      'The API could not be reached',
      error,
      current,
      timeout.aborted,
    );
    return { kind: 'error', failure: { ...apiFailure('network_error'), ...failure.toInfo() } };
  }
}

/** `GET {apiBase}{path}` → parsed JSON body of a 2xx answer, or a typed failure. */
export async function apiGetJson(path: string, deps: ApiDeps): Promise<ApiJson | ApiFailure> {
  const url = apiUrl(deps.apiBase, path, deps.allowLoopbackHttp === true);
  if (url === null) return apiFailure('insecure_url');
  let token: string | null | undefined;
  try {
    token = await deps.getAccessToken();
  } catch (error) {
    return fromThrown(error, 'missing_token');
  }
  if (!token) return apiFailure('missing_token');

  const retry = deps.retry ?? {};
  const maxRetries = retry.maxRetries ?? 3;
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  let refreshed = false;
  let rateLimitedRetries = 0;

  for (;;) {
    const sent = await send(url, token, deps);
    if (sent.kind === 'error') return sent.failure;
    const { response, text } = sent;
    const status = response.status;

    if (status >= 200 && status < 300) {
      if (text === null) return apiFailure('malformed_body', status);
      const parsed = parseJson(text);
      if (!parsed.ok) return apiFailure('malformed_body', status);
      const dateHeader = response.headers.get('date');
      const serverDate = dateHeader === null ? NaN : Date.parse(dateHeader);
      return {
        kind: 'json',
        body: parsed.value,
        status,
        serverDate: Number.isNaN(serverDate) ? null : serverDate,
      };
    }

    const parsed = text === null ? { ok: false as const } : parseJson(text);
    const said = `${parsed.ok ? errorBodyText(parsed.value) : (text ?? '').slice(0, 2000).toLowerCase()} ${bearerError(response.headers)}`;

    if (status === 401 || status === 403) {
      if (
        /missing_scope|insufficient_scope|missing scope|insufficient scope/.test(said) ||
        status === 403
      ) {
        return apiFailure('missing_scope', status);
      }
      if (/\bmissing_token\b/.test(said)) return apiFailure('missing_token', status);
      if (refreshed) return apiFailure('invalid_token', status);
      refreshed = true;
      const ok = deps.refreshAccessToken
        ? await deps.refreshAccessToken().catch(() => false)
        : false;
      const next = ok ? await deps.getAccessToken() : null;
      if (!next) return apiFailure('auth_required', status);
      token = next;
      continue;
    }

    if (status === 429) {
      if (rateLimitedRetries >= maxRetries) return apiFailure('rate_limited', status);
      const hinted = retryAfterMs(response.headers.get('retry-after'));
      const wait =
        hinted !== null
          ? Math.min(hinted, retry.retryAfterCapMs ?? 30_000)
          : backoffMs(rateLimitedRetries, retry.baseMs ?? 250, retry.capMs ?? 4_000, random);
      rateLimitedRetries++;
      await sleep(wait);
      if (deps.signal?.aborted)
        return apiFailure('network_error', undefined, 'The request to the API was cancelled.');
      continue;
    }

    return apiFailure('server_error', status);
  }
}
