import type { ApiErrorCode } from '@badges/api-contracts';

/**
 * Typed names for the stable error codes. The catalogue itself (code -> HTTP status and Badgr
 * description) is `API_ERROR_CODES` in libs/api-contracts, the single source docs/api.md lists.
 */
export const ErrorCode = {
  InvalidJson: 'invalid_json',
  ValidationFailed: 'validation_failed',
  PayloadTooLarge: 'payload_too_large',
  UriTooLong: 'uri_too_long',
  HeadersTooLarge: 'headers_too_large',
  RequestTimeout: 'request_timeout',
  BadRequest: 'bad_request',
  UnsupportedMediaType: 'unsupported_media_type',
  InvalidImage: 'invalid_image',
  NotFound: 'not_found',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  InvalidClient: 'invalid_client',
  UnsupportedGrantType: 'unsupported_grant_type',
  Conflict: 'conflict',
  InUse: 'in_use',
  AlreadyRevoked: 'already_revoked',
  TargetRevoked: 'target_revoked',
  SelfEndorsement: 'self_endorsement',
  EndorserProfileRequired: 'endorser_profile_required',
  MethodNotAllowed: 'method_not_allowed',
  RateLimited: 'rate_limited',
  ServiceUnavailable: 'service_unavailable',
  InternalError: 'internal_error',
  InvalidCredentials: 'invalid_credentials',
  InvalidConfirmation: 'invalid_confirmation',
  Gone: 'gone',
  InstitutionSuspended: 'institution_suspended',
  SsoDiscoveryFailed: 'sso_discovery_failed',
  SsoRequired: 'sso_required',
} as const satisfies Record<string, ApiErrorCode>;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
