import { ErrorCode } from './error-codes';

/** The one exception type services throw for an expected failure; the filter renders it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly field?: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static notFound(what = 'resource'): ApiError {
    return new ApiError(404, ErrorCode.NotFound, `The ${what} was not found.`);
  }

  static validation(message: string, field?: string, fieldErrors?: Record<string, string[]>): ApiError {
    return new ApiError(400, ErrorCode.ValidationFailed, message, field, fieldErrors);
  }

  static unauthorized(message = 'A valid bearer token is required.'): ApiError {
    return new ApiError(401, ErrorCode.Unauthorized, message);
  }
}
