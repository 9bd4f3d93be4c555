/**
 * Stable, documented machine codes of every error the API returns (docs/api.md lists them).
 * Clients branch on these: never rename one, only add.
 */
export const ErrorCode = {
  InvalidJson: 'invalid_json',
  ValidationFailed: 'validation_failed',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  InvalidImage: 'invalid_image',
  NotFound: 'not_found',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  InvalidClient: 'invalid_client',
  UnsupportedGrantType: 'unsupported_grant_type',
  Conflict: 'conflict',
  MethodNotAllowed: 'method_not_allowed',
  ServiceUnavailable: 'service_unavailable',
  InternalError: 'internal_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
