import {
  cannotTell,
  type CannotTell,
  type DocumentFacts,
  type ExpiryStatus,
  type MrzRead,
} from '../../../shared/analysis.ts';
import { countryName } from './countries.ts';
import { mrzDate } from '../mrz/text.ts';

/**
 * What kind of document it is, who issued it, and whether it was valid — today and on the day of
 * the verification session. The API does not say; the MRZ does.
 */

export const EXPIRY_WARNING_DAYS = 90;
const DAY_MS = 86_400_000;

export function expiryStatus(expiry: string, on: Date): ExpiryStatus {
  const end = Date.parse(`${expiry}T23:59:59.999Z`);
  if (end < on.getTime()) return 'expired';
  return end - on.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS ? 'expires_within_90_days' : 'valid';
}

export function documentType(documentCode: string): DocumentFacts['type'] {
  const first = documentCode.charAt(0);
  if (first === 'P') return 'passport';
  if (first === 'I' || first === 'A' || first === 'C') return 'id_card';
  return 'other';
}

export interface FactsContext {
  today: Date;
  sessionDate: Date | null;
  /** The back image was delivered. */
  hasBack: boolean;
}

export function documentFacts(mrz: MrzRead, ctx: FactsContext): DocumentFacts {
  const code = mrz.fields.documentCode?.raw.replace(/<+$/, '') ?? '';
  const type = code ? documentType(code) : null;
  const stateRaw = mrz.fields.issuingState?.raw.replace(/</g, '') ?? '';
  const expiryRaw = mrz.fields.expirationDate?.raw ?? '';
  const date = mrzDate(expiryRaw, 'expiry', ctx.today);
  let atSession: ExpiryStatus | CannotTell;
  if (!date) atSession = cannotTell('mrz_field_missing', 'expiry_unreadable');
  else if (!ctx.sessionDate) atSession = cannotTell('no_session_date');
  else atSession = expiryStatus(date, ctx.sessionDate);
  return {
    type,
    issuingCountry: stateRaw ? { code: stateRaw, name: countryName(stateRaw) } : null,
    expiry: date
      ? { status: 'known', date, today: expiryStatus(date, ctx.today), atSession }
      : cannotTell('mrz_field_missing', 'expiry_unreadable'),
    // A TD1 card carries its MRZ on the back: read from the front means the back was not given.
    backMissing: mrz.format === 'TD1' && !ctx.hasBack,
  };
}
