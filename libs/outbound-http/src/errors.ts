// Every failure of safeFetch is one of these codes. Callers (verification, import, webhooks)
// branch on `code`, and may show `message` to a person: it names the host, never an internal
// address, so an error cannot be used to map our private network.
export const OUTBOUND_ERROR_CODES = [
  'unsupported_scheme',
  'invalid_url',
  'blocked_address',
  'dns_failure',
  'connect_timeout',
  'timeout',
  'too_large',
  'too_many_redirects',
  'redirect_blocked',
  'network_error',
] as const;

export type OutboundErrorCode = (typeof OUTBOUND_ERROR_CODES)[number];

export class OutboundFetchError extends Error {
  override readonly name = 'OutboundFetchError';

  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    /** The URL being fetched when it failed (the redirect hop, not always the first URL). */
    readonly url?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isOutboundFetchError(value: unknown): value is OutboundFetchError {
  return value instanceof OutboundFetchError;
}
