import { IdlensError } from '../../shared/errors.ts';
import { readCappedText } from '../net/capped-body.ts';
import { networkFailure } from '../net/errors.ts';
import { pinnedFetch } from '../net/pinned-fetch.ts';
import { guardTarget, type GuardedTarget, type UrlGuardOptions } from './url-guard.ts';

/**
 * Guarded download of one pre-signed image URL, in main's Node (no disk cache, unlike Electron's
 * `net.fetch`). What it guarantees:
 *
 * - every URL, including each redirect target, passes the URL guard before a request is made, and
 *   the request connects to an address the guard checked (`pinnedFetch`; a `fetch` passed in
 *   options — tests, benchmarks — is used as it is);
 * - redirects are handled by hand: one to another origin is refused (`url_refused`), one to the
 *   same origin is followed at most `maxRedirects` times;
 * - no `Authorization` header, no cookies, no referrer, `cache: 'no-store'`;
 * - the size cap is enforced on `Content-Length` before reading and again while streaming
 *   (`image_too_large`), so a body without a length cannot grow past it either; a body sent with a
 *   `Content-Encoding` is decoded, and its decoded length is then not compared with
 *   `Content-Length` (which counts the encoded bytes);
 * - a minimum-progress rule: fewer than `minProgressBytes` (16 KB) in any `progressWindowMs`
 *   (15 s) window — waiting for the answer included — abandons the download, and so does the
 *   overall ceiling `timeoutMs` (5 minutes): both `download_timeout`. A 20 MB photo on a slow but
 *   steady link (≈ 1 Mbit/s) arrives; a body trickling a byte a second is dropped after 15 s;
 * - a 403 whose S3 error document says the request has expired → `url_expired`; any other
 *   non-2xx answer or a broken connection → `download_failed`.
 *
 * The body is assembled into one `Uint8Array`; each received chunk is zero-filled after it has
 * been copied. Messages never contain the URL.
 */

export const DEFAULT_MAX_IMAGE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 300_000;
export const DEFAULT_PROGRESS_WINDOW_MS = 15_000;
export const DEFAULT_MIN_PROGRESS_BYTES = 16 * 1024;
export const DEFAULT_MAX_REDIRECTS = 3;
/** How much of a 403 body is read to tell an expired URL from other refusals. */
const ERROR_BODY_CAP = 8 * 1024;

// Node's fetch files a PerformanceResourceTiming entry for every request, named with the full URL
// (for an image: the signed URL) and keeps it in `performance` until cleared — found by the
// memory audit (test/audit/memory-audit.test.ts). A buffer of size 0 drops each entry at once.
performance.setResourceTimingBufferSize(0);

export type FetchFn = typeof globalThis.fetch;

export interface DownloadOptions {
  guard?: UrlGuardOptions;
  fetch?: FetchFn;
  maxBytes?: number;
  /** Overall ceiling for one download, redirects included. */
  timeoutMs?: number;
  /** The window of the minimum-progress rule. */
  progressWindowMs?: number;
  /** Fewest bytes that must arrive in each window. */
  minProgressBytes?: number;
  maxRedirects?: number;
  /** Called after each chunk with the bytes received so far and the declared total, if any. */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
  /** Aborts the download (reported as `download_failed`). */
  signal?: AbortSignal;
}

class Timeout extends Error {}

function fail(
  code: 'download_failed' | 'download_timeout' | 'url_expired' | 'url_refused' | 'image_too_large',
  message: string,
  cause?: unknown,
): never {
  throw new IdlensError(code, message, cause === undefined ? undefined : { cause });
}

const TOO_LARGE = 'The image is larger than the size limit.';

/** S3 answers an expired pre-signed URL with 403 AccessDenied "Request has expired". */
export function isExpiredS3Error(xml: string): boolean {
  return (
    (/<Code>\s*AccessDenied\s*<\/Code>/i.test(xml) && /Request has expired/i.test(xml)) ||
    /<Code>\s*(?:ExpiredToken|TokenExpired)\s*<\/Code>/i.test(xml)
  );
}

/** The body's length as sent — null when unknown or when it counts encoded bytes. */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && !/^\s*identity\s*$/i.test(encoding)) return null;
  const raw = response.headers.get('content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return Number.isSafeInteger(n) ? n : null;
}

/** Downloads the image at `url`; resolves to its bytes or throws `IdlensError`. */
export async function downloadImage(
  url: string,
  options: DownloadOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const fetchFor = (target: GuardedTarget): FetchFn =>
    options.fetch ?? pinnedFetch(target.addresses);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const minProgress = options.minProgressBytes ?? DEFAULT_MIN_PROGRESS_BYTES;

  const controller = new AbortController();
  const abortWith = (reason: unknown) => controller.abort(reason);
  const overall = setTimeout(
    () => abortWith(new Timeout('overall')),
    options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
  );
  /** Bytes received so far, and at the start of the current progress window. */
  let received = 0;
  let windowStart = 0;
  const progress = setInterval(() => {
    if (received - windowStart < minProgress) abortWith(new Timeout('too slow'));
    windowStart = received;
  }, options.progressWindowMs ?? DEFAULT_PROGRESS_WINDOW_MS);
  const onOuterAbort = () => abortWith(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();

  /** The image store's host name for error messages (never the signed URL). */
  let at: URL | string = url;
  /** Maps a thrown value while the request or body is in flight. */
  const mapError = (error: unknown): never => {
    if (error instanceof IdlensError) throw error;
    const timedOut = controller.signal.reason instanceof Timeout;
    const code = timedOut ? 'download_timeout' : 'download_failed';
    const lead = timedOut
      ? 'The image download took too long'
      : 'The image could not be downloaded';
    throw networkFailure(code, lead, error, at, timedOut);
  };

  /** The guard's DNS lookup is bounded by the same timers as the transfer. */
  const guarded = (target: string | URL): Promise<GuardedTarget> =>
    new Promise<GuardedTarget>((resolve, reject) => {
      const onAbort = () => reject(controller.signal.reason as Error);
      if (controller.signal.aborted) return onAbort();
      controller.signal.addEventListener('abort', onAbort, { once: true });
      guardTarget(target, options.guard)
        .then(resolve, reject)
        .finally(() => {
          controller.signal.removeEventListener('abort', onAbort);
        });
    }).catch(mapError);

  const chunks: Uint8Array[] = [];
  try {
    let current = await guarded(url);
    at = current.url;
    let response: Response;
    for (let hop = 0; ; hop++) {
      try {
        response = await fetchFor(current)(current.url, {
          method: 'GET',
          redirect: 'manual',
          cache: 'no-store',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          headers: { Accept: 'image/jpeg' },
          signal: controller.signal,
        });
      } catch (error) {
        return mapError(error);
      }
      if (response.status < 300 || response.status >= 400) break;
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (location === null)
        fail('download_failed', 'The image store sent a redirect without a target.');
      let next: URL;
      try {
        next = new URL(location, current.url);
      } catch {
        fail('url_refused', 'The image store redirected to an invalid address.');
      }
      if (next.origin !== current.url.origin) {
        fail(
          'url_refused',
          'The image store redirected to another host; the redirect was not followed.',
        );
      }
      if (hop >= maxRedirects)
        fail('download_failed', 'The image store redirected too many times.');
      current = await guarded(next);
      at = current.url;
    }

    if (!response.ok) {
      let text = '';
      if (response.status === 403) {
        try {
          text = (await readCappedText(response.body, ERROR_BODY_CAP)).text;
        } catch (error) {
          return mapError(error);
        }
      } else {
        await response.body?.cancel().catch(() => undefined);
      }
      if (response.status === 403 && isExpiredS3Error(text)) {
        fail('url_expired', 'The image link has expired.');
      }
      fail('download_failed', 'The image store refused the download.');
    }

    const total = declaredLength(response);
    if (total !== null && total > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      fail('image_too_large', TOO_LARGE);
    }
    if (response.body === null) return new Uint8Array(0);

    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    // With a trustworthy length the bytes go straight into their final array.
    const target = total !== null ? new Uint8Array(total) : null;
    try {
      for (;;) {
        let step: Awaited<ReturnType<typeof reader.read>>;
        try {
          step = await reader.read();
        } catch (error) {
          return mapError(error);
        }
        if (step.done) break;
        const chunk = step.value;
        if (received + chunk.length > maxBytes) {
          chunk.fill(0);
          fail('image_too_large', TOO_LARGE);
        }
        if (target !== null) {
          if (received + chunk.length > target.length) {
            chunk.fill(0);
            fail('download_failed', 'The image store sent more bytes than it declared.');
          }
          target.set(chunk, received);
          chunk.fill(0);
        } else {
          chunks.push(chunk);
        }
        received += chunk.length;
        options.onProgress?.(received, total);
      }
    } catch (error) {
      target?.fill(0);
      await reader.cancel().catch(() => undefined);
      throw error;
    }

    if (target !== null) {
      if (received !== target.length) {
        target.fill(0);
        fail('download_failed', 'The image download ended early.');
      }
      return target;
    }
    const out = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  } finally {
    for (const chunk of chunks) chunk.fill(0);
    chunks.length = 0;
    clearTimeout(overall);
    clearInterval(progress);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
