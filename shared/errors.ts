import { z } from 'zod';

/**
 * Stable error codes. Both processes and the CLI speak these; the renderer maps each one to a
 * message and a suggested action. A code never carries a token, a URL or an image byte.
 */
export const ERROR_CODES = [
  // configuration and boundaries
  'config_invalid',
  'settings_invalid',
  'settings_locked',
  'insecure_url',
  'bad_sender',
  'bad_argument',
  'internal',
  // sign-in
  'auth_required',
  'auth_cancelled',
  'auth_superseded',
  'auth_timeout',
  'auth_denied',
  'auth_state_mismatch',
  'auth_iss_mismatch',
  'auth_nonce_mismatch',
  'auth_token_rejected',
  'auth_port_in_use',
  'auth_discovery_failed',
  'auth_browser_failed',
  // the API
  'missing_token',
  'invalid_token',
  'missing_scope',
  'rate_limited',
  'server_error',
  'network_error',
  'malformed_body',
  // downloads and images
  'url_refused',
  'host_not_allowed',
  'url_expired',
  'download_failed',
  'download_timeout',
  'image_too_large',
  'image_not_jpeg',
  'image_truncated',
  'image_dimensions',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses a boundary (IPC, CLI JSON): a code and a message fit to show a person. */
export const ErrorInfoSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/**
 * The one error type the main-side modules throw. `message` must be safe to show and to log:
 * callers build it from fixed text, never from a URL, a token or a response body.
 */
export class IdlensError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdlensError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isIdlensError(value: unknown): value is IdlensError {
  return value instanceof IdlensError;
}

/** Any thrown value as safe ErrorInfo: unknown errors become `internal` with no detail. */
export function toErrorInfo(value: unknown): ErrorInfo {
  if (isIdlensError(value)) return value.toInfo();
  return { code: 'internal', message: 'An unexpected error occurred.' };
}
