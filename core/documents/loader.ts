import { createHash } from 'node:crypto';
import { IdlensError, type ErrorInfo } from '../../shared/errors.ts';
import {
  DOCUMENT_SLOTS,
  type DocumentImage,
  type DocumentSlot,
  type DocumentsResult,
  type Progress,
  type Registry,
  type VerificationSession,
} from '../../shared/ipc.ts';
import type { ApiDeps, ApiFailure, FetchFn, RetryOptions } from '../api/http.ts';
import {
  fetchIdVerification,
  type DocumentUrls,
  type IdVerificationOutcome,
} from '../api/id-verification.ts';
import { detailsScopeGranted, fetchNaturalPerson } from '../api/natural-person.ts';
import { downloadImage } from './download.ts';
import { DEFAULT_EXPIRY_MARGIN_MS, needsFreshUrl } from './expiry.ts';
import { checkJpeg, type JpegLimits } from './jpeg.ts';
import type { LookupFn, UrlGuardOptions } from './url-guard.ts';

/**
 * Loads the signed-in person's verification documents: one call to the endpoint, then the 1–3
 * images downloaded in parallel through the guards, each checked (every JPEG marker segment, the
 * pixel budget, EXIF orientation: core/documents/jpeg.ts) and hashed (SHA-256).
 *
 * Expiry: the URLs' `X-Amz-Date` + `X-Amz-Expires` are compared with the API server's clock (its
 * `Date` header; the local clock when absent). If any URL has expired or is within
 * `expiryMarginMs` of it before the downloads start, or the store answers "Request has expired",
 * the endpoint is called again for fresh URLs — once per load. A second expiry throws
 * `url_expired`. If the fresh answer names another session, everything is downloaded again from it,
 * so images of two sessions are never mixed.
 *
 * Failures of the API call throw `IdlensError` (codes of api/http.ts). A single image that cannot
 * be had (refused by the guards, download failed, not a JPEG, …) is reported in `refused` and the
 * others are still returned. The signed URLs live only in this function's locals.
 */

export interface LoadDocumentsDeps {
  apiBase: string;
  getAccessToken: ApiDeps['getAccessToken'];
  refreshAccessToken?: () => Promise<boolean>;
  /** Scopes the sign-in granted; registry data is fetched only with the details scope. */
  grantedScopes: readonly string[];
  /** Exact host names/IPs allowed besides the Amazon S3 endpoints. */
  allowedImageHosts?: readonly string[];
  /** Whether Amazon S3 endpoints are allowed (default true). */
  allowS3Hosts?: boolean;
  /** Demo/test mode: loopback `http:` image hosts are allowed. */
  allowLoopbackHttp?: boolean;
  fetch?: FetchFn;
  lookup?: LookupFn;
  /** Local clock (default Date.now). */
  now?: () => number;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  apiTimeoutMs?: number;
  /** Overall ceiling for one image download. */
  downloadTimeoutMs?: number;
  /** Minimum-progress rule: at least `minProgressBytes` in every `progressWindowMs`. */
  progressWindowMs?: number;
  minProgressBytes?: number;
  maxImageBytes?: number;
  maxRedirects?: number;
  /** A URL this close to expiry (or past half its lifetime, if shorter) is re-fetched first (default 10 s). */
  expiryMarginMs?: number;
  jpegLimits?: JpegLimits;
  retry?: RetryOptions;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

type SlotOutcome =
  { slot: DocumentSlot; image: DocumentImage } | { slot: DocumentSlot; error: ErrorInfo };

type Verified = Extract<IdVerificationOutcome, { kind: 'verified' }>;

function throwFailure(failure: ApiFailure): never {
  throw new IdlensError(failure.code, failure.message, { detail: failure.detail });
}

/** Shares one in-flight refresh among parallel callers, and allows one refresh per load. */
function refreshOnce(
  refresh: (() => Promise<boolean>) | undefined,
): (() => Promise<boolean>) | undefined {
  if (refresh === undefined) return undefined;
  let pending: Promise<boolean> | null = null;
  return () => (pending ??= refresh());
}

const NO_SESSION: VerificationSession = { id: null, type: null, date: null, status: null };

/** The slots that have a URL, with it. */
function jobsOf(urls: DocumentUrls): { slot: DocumentSlot; url: string }[] {
  const jobs: { slot: DocumentSlot; url: string }[] = [];
  for (const slot of DOCUMENT_SLOTS) {
    const url = urls[slot];
    if (url !== null) jobs.push({ slot, url });
  }
  return jobs;
}

function emptyDocuments(): DocumentsResult['documents'] {
  return { documentFront: null, documentBack: null, face: null };
}

function wipeImages(documents: Partial<Record<DocumentSlot, DocumentImage | null>>): void {
  for (const image of Object.values(documents)) image?.bytes.fill(0);
}

export async function loadDocuments(deps: LoadDocumentsDeps): Promise<DocumentsResult> {
  const now = deps.now ?? Date.now;
  const margin = deps.expiryMarginMs ?? DEFAULT_EXPIRY_MARGIN_MS;
  const api: ApiDeps = {
    apiBase: deps.apiBase,
    allowLoopbackHttp: deps.allowLoopbackHttp ?? false,
    getAccessToken: deps.getAccessToken,
    refreshAccessToken: refreshOnce(deps.refreshAccessToken),
    ...(deps.fetch && { fetch: deps.fetch }),
    ...(deps.apiTimeoutMs !== undefined && { timeoutMs: deps.apiTimeoutMs }),
    ...(deps.retry && { retry: deps.retry }),
    ...(deps.sleep && { sleep: deps.sleep }),
    ...(deps.random && { random: deps.random }),
    ...(deps.signal && { signal: deps.signal }),
  };
  const guard: UrlGuardOptions = {
    allowedHosts: deps.allowedImageHosts ?? [],
    allowS3Hosts: deps.allowS3Hosts ?? true,
    allowLoopbackHttp: deps.allowLoopbackHttp ?? false,
    ...(deps.lookup && { lookup: deps.lookup }),
  };

  // Registry data travels in parallel with the endpoint call; its failure only leaves it out.
  const registryPromise: Promise<Registry | null | undefined> = detailsScopeGranted(
    deps.grantedScopes,
  )
    ? fetchNaturalPerson(api).then(
        (outcome) => (outcome.kind === 'registry' ? outcome.registry : undefined),
        () => undefined,
      )
    : Promise.resolve(undefined);
  const withRegistry = async (result: DocumentsResult): Promise<DocumentsResult> => {
    const registry = await registryPromise;
    return registry === undefined ? result : { ...result, registry };
  };
  const notVerified = (session: VerificationSession) =>
    withRegistry({ verified: false, session, documents: emptyDocuments(), refused: {} });

  const first = await fetchIdVerification(api).catch((error: unknown) => {
    throw error instanceof IdlensError
      ? error
      : new IdlensError('internal', 'The API call failed unexpectedly.');
  });
  if (first.kind === 'error') {
    await registryPromise;
    throwFailure(first);
  }
  if (first.kind === 'not_verified') return notVerified(first.session);

  let current: Verified = first;
  /** Server clock minus local clock, from the answer's Date header. */
  let skew = current.serverDate === null ? 0 : current.serverDate - now();
  let refetched = false;

  /** Asks the endpoint for fresh URLs. Returns null when it now says "not verified". */
  const refetch = async (): Promise<Verified | null> => {
    const again = await fetchIdVerification(api);
    if (again.kind === 'error') throwFailure(again);
    if (again.kind === 'not_verified') return null;
    skew = again.serverDate === null ? 0 : again.serverDate - now();
    return again;
  };

  if (jobsOf(current.documents).some(({ url }) => needsFreshUrl(url, now() + skew, margin))) {
    refetched = true;
    const fresh = await refetch();
    if (fresh === null) return notVerified(NO_SESSION);
    current = fresh;
  }

  let images: Partial<Record<DocumentSlot, DocumentImage>> = {};
  let refused: Partial<Record<DocumentSlot, ErrorInfo>> = {};
  let pending = jobsOf(current.documents);

  try {
    for (;;) {
      const outcomes = await Promise.all(
        pending.map(({ slot, url }) => fetchSlot(slot, url, deps, guard)),
      );
      if (deps.signal?.aborted)
        throw new IdlensError('download_failed', 'Loading the documents was cancelled.');
      const expired = new Set<DocumentSlot>();
      for (const outcome of outcomes) {
        if ('image' in outcome) images[outcome.slot] = outcome.image;
        else if (outcome.error.code === 'url_expired') expired.add(outcome.slot);
        else refused[outcome.slot] = outcome.error;
      }
      if (expired.size === 0) break;
      if (refetched) {
        throw new IdlensError(
          'url_expired',
          'The image links expired, and the fresh ones expired too.',
        );
      }
      refetched = true;
      const fresh = await refetch();
      if (fresh === null) {
        wipeImages(images);
        return await notVerified(NO_SESSION);
      }
      if (fresh.session.id !== current.session.id) {
        // Another session now: start over from its URLs alone.
        wipeImages(images);
        images = {};
        refused = {};
        pending = jobsOf(fresh.documents);
      } else {
        pending = jobsOf(fresh.documents).filter(({ slot }) => expired.has(slot));
      }
      current = fresh;
    }
  } catch (error) {
    wipeImages(images);
    await registryPromise;
    throw error;
  }

  const session = current.session;
  const documents = emptyDocuments();
  for (const slot of DOCUMENT_SLOTS) documents[slot] = images[slot] ?? null;
  return withRegistry({ verified: true, session, documents, refused });
}

async function fetchSlot(
  slot: DocumentSlot,
  url: string,
  deps: LoadDocumentsDeps,
  guard: UrlGuardOptions,
): Promise<SlotOutcome> {
  let received = 0;
  let total: number | null = null;
  const report = (done: boolean) => {
    try {
      deps.onProgress?.({ slot, receivedBytes: received, totalBytes: total, done });
    } catch {
      // A broken progress listener must not break the download.
    }
  };
  try {
    const bytes = await downloadImage(url, {
      guard,
      ...(deps.fetch && { fetch: deps.fetch }),
      ...(deps.maxImageBytes !== undefined && { maxBytes: deps.maxImageBytes }),
      ...(deps.downloadTimeoutMs !== undefined && { timeoutMs: deps.downloadTimeoutMs }),
      ...(deps.progressWindowMs !== undefined && { progressWindowMs: deps.progressWindowMs }),
      ...(deps.minProgressBytes !== undefined && { minProgressBytes: deps.minProgressBytes }),
      ...(deps.maxRedirects !== undefined && { maxRedirects: deps.maxRedirects }),
      ...(deps.signal && { signal: deps.signal }),
      onProgress: (r, t) => {
        received = r;
        total = t;
        report(false);
      },
    });
    const check = checkJpeg(bytes, deps.jpegLimits);
    if (!check.ok) {
      bytes.fill(0);
      return { slot, error: { code: check.code, message: check.message } };
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return {
      slot,
      image: {
        bytes,
        mime: 'image/jpeg',
        width: check.width,
        height: check.height,
        storedWidth: check.storedWidth,
        storedHeight: check.storedHeight,
        orientation: check.orientation,
        trailingBytes: check.trailingBytes,
        progressive: check.progressive,
        byteLength: bytes.byteLength,
        sha256,
      },
    };
  } catch (error) {
    if (error instanceof IdlensError) return { slot, error: error.toInfo() };
    return { slot, error: { code: 'internal', message: 'The image could not be processed.' } };
  } finally {
    report(true);
  }
}
