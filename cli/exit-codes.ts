import type { ErrorCode } from '../shared/errors.ts';

/**
 * The CLI's exit codes: a stable contract for users' scripts (documented in the README).
 */
export const EXIT = {
  ok: 0,
  /** An unexpected failure inside idlens (a bug). */
  internal: 1,
  /** Usage or configuration error: bad flag, missing client id, http issuer, port in use. */
  usage: 2,
  /** `check`: the person has no approved ID verification. */
  notVerified: 3,
  /** Sign-in or authorization failed: denied, state/nonce/iss mismatch, token rejected, missing scope. */
  authFailed: 4,
  /** Network or server error (including an unreadable discovery document). */
  network: 5,
  /** `check`: invalid data (an image that is not a JPEG, truncated, too large, …). */
  invalidData: 6,
  /** Sign-in timed out or was cancelled (Ctrl-C). */
  cancelled: 7,
  /** `audit`: sensitive data found on disk. */
  sensitiveFound: 8,
  /** `audit`: nothing sensitive found, but some files could not be read. */
  auditIncomplete: 9,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every error code has its exit code; a new code fails the typecheck until it is placed here. */
const BY_ERROR: Record<ErrorCode, ExitCode> = {
  config_invalid: EXIT.usage,
  settings_invalid: EXIT.usage,
  settings_locked: EXIT.usage,
  connection_declined: EXIT.cancelled,
  insecure_url: EXIT.usage,
  bad_sender: EXIT.internal,
  bad_argument: EXIT.usage,
  internal: EXIT.internal,
  auth_required: EXIT.authFailed,
  auth_cancelled: EXIT.cancelled,
  auth_superseded: EXIT.cancelled,
  auth_timeout: EXIT.cancelled,
  auth_denied: EXIT.authFailed,
  auth_state_mismatch: EXIT.authFailed,
  auth_iss_mismatch: EXIT.authFailed,
  auth_nonce_mismatch: EXIT.authFailed,
  auth_token_rejected: EXIT.authFailed,
  auth_port_in_use: EXIT.usage,
  auth_discovery_failed: EXIT.network,
  auth_browser_failed: EXIT.usage,
  missing_token: EXIT.authFailed,
  invalid_token: EXIT.authFailed,
  missing_scope: EXIT.authFailed,
  rate_limited: EXIT.network,
  server_error: EXIT.network,
  network_error: EXIT.network,
  malformed_body: EXIT.invalidData,
  url_refused: EXIT.invalidData,
  host_not_allowed: EXIT.invalidData,
  url_expired: EXIT.network,
  download_failed: EXIT.network,
  download_timeout: EXIT.network,
  image_too_large: EXIT.invalidData,
  image_not_jpeg: EXIT.invalidData,
  image_truncated: EXIT.invalidData,
  image_dimensions: EXIT.invalidData,
};

export function exitCodeFor(code: ErrorCode): ExitCode {
  return BY_ERROR[code];
}
