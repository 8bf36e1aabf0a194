import { z } from 'zod';
import type { DocumentSlot, VerificationSession } from '../../shared/ipc.ts';
import { apiFailure, apiGetJson, type ApiDeps, type ApiFailure } from './http.ts';

/**
 * `GET /api/v1/me/natural-person/id-verification` (shared/reference/id-verification-endpoint.md).
 *
 * The body must have `id`, `type`, `date`, `status` (each a string or null) and `documents` with
 * `documentFront`, `documentBack`, `face` (each an absolute URL string or null). Extra fields
 * (`documentType`, anything new) are tolerated and dropped; `type` and `status` are any string,
 * not only today's `veriff` / `approved`. The answer is "verified" when at least one document
 * URL is present; all null is "not verified", which is an answer, not an error.
 *
 * The returned URLs are sensitive: callers keep them in local variables for the seconds a
 * download takes and never log, store or forward them.
 */

export const ID_VERIFICATION_PATH = '/api/v1/me/natural-person/id-verification';

const DocumentUrl = z
  .string()
  .refine((value) => URL.canParse(value), { message: 'not an absolute URL' })
  .nullable();

export const IdVerificationBodySchema = z.looseObject({
  id: z.string().nullable(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  status: z.string().nullable(),
  documents: z.looseObject({
    documentFront: DocumentUrl,
    documentBack: DocumentUrl,
    face: DocumentUrl,
  }),
});

export type DocumentUrls = Record<DocumentSlot, string | null>;

export type IdVerificationOutcome =
  | {
      kind: 'verified';
      session: VerificationSession;
      /** At least one is a URL. */
      documents: DocumentUrls;
      /** The API server's clock (its `Date` header), for judging URL expiry; null if absent. */
      serverDate: number | null;
    }
  | { kind: 'not_verified'; session: VerificationSession; serverDate: number | null }
  | ApiFailure;

export type ParsedIdVerification =
  | { ok: true; verified: boolean; session: VerificationSession; documents: DocumentUrls }
  | { ok: false; failure: ApiFailure };

/** Validates a decoded JSON body. Never throws. */
export function parseIdVerificationBody(body: unknown): ParsedIdVerification {
  const result = IdVerificationBodySchema.safeParse(body);
  if (!result.success) return { ok: false, failure: apiFailure('malformed_body') };
  const { id, type, date, status, documents } = result.data;
  const urls: DocumentUrls = {
    documentFront: documents.documentFront,
    documentBack: documents.documentBack,
    face: documents.face,
  };
  const verified = Object.values(urls).some((url) => url !== null);
  return { ok: true, verified, session: { id, type, date, status }, documents: urls };
}

export async function fetchIdVerification(deps: ApiDeps): Promise<IdVerificationOutcome> {
  const answer = await apiGetJson(ID_VERIFICATION_PATH, deps);
  if (answer.kind === 'error') return answer;
  const parsed = parseIdVerificationBody(answer.body);
  if (!parsed.ok) return { ...parsed.failure, status: answer.status };
  if (!parsed.verified) {
    return { kind: 'not_verified', session: parsed.session, serverDate: answer.serverDate };
  }
  return {
    kind: 'verified',
    session: parsed.session,
    documents: parsed.documents,
    serverDate: answer.serverDate,
  };
}
