import { ApiError, ErrorCode } from '@badges/service-kit';

/**
 * The one refusal a suspended institution's clients and people get, wherever they sign in or call
 * (403 `institution_suspended`; POST /o/token words it in RFC 6749 terms). Told only to a caller
 * that proved who it is, so it reveals nothing to anyone else.
 */
export function institutionSuspended(): ApiError {
  return new ApiError(
    403,
    ErrorCode.InstitutionSuspended,
    'This institution is suspended by the province’s operator: it cannot sign in or use the API until it is reactivated. Its public badges stay verifiable.',
  );
}

export function isInstitutionSuspended(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === ErrorCode.InstitutionSuspended;
}
