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
  /** The person declined (or dismissed) main's confirmation of a connection change. */
  'connection_declined',
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

/** Why a connection failed, as far as the network stack says. */
export const NET_CAUSES = [
  'dns',
  'refused',
  'reset',
  'timeout',
  'tls',
  'unreachable',
  'other',
] as const;
export type NetCause = (typeof NET_CAUSES)[number];

/** What was wrong with a server's TLS certificate. */
export const TLS_PROBLEMS = [
  'expired',
  'not_yet_valid',
  'self_signed',
  'untrusted',
  'wrong_host',
  'other',
] as const;
export type TlsProblem = (typeof TLS_PROBLEMS)[number];

/**
 * Which server could not be reached and why. `host` is a host name or IP (bracketed IPv6) with an
 * optional port — nothing that could carry a path, a query, a token or a signed URL.
 */
export const NetDetailSchema = z.object({
  host: z.string().regex(/^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/),
  cause: z.enum(NET_CAUSES),
  /** With cause `tls`: the certificate problem. */
  tls: z.enum(TLS_PROBLEMS).optional(),
});
export type NetDetail = z.infer<typeof NetDetailSchema>;

/** What crosses a boundary (IPC, CLI JSON): a code and a message fit to show a person. */
export const ErrorInfoSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Network failures: the host and the cause. */
  detail: NetDetailSchema.optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/**
 * The one error type the main-side modules throw. `message` must be safe to show and to log:
 * callers build it from fixed text, never from a URL, a token or a response body.
 */
export class IdlensError extends Error {
  readonly code: ErrorCode;
  readonly detail: NetDetail | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; detail?: NetDetail | undefined },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IdlensError';
    this.code = code;
    this.detail = options?.detail;
  }

  toInfo(): ErrorInfo {
    return this.detail
      ? { code: this.code, message: this.message, detail: { ...this.detail } }
      : { code: this.code, message: this.message };
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
