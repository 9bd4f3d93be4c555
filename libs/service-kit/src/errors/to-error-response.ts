import { HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';

import { validationErrorEnvelope } from '@badges/api-contracts';

import { ApiError } from './api-error';
import { errorBody, type ErrorBody } from './error-body';
import { ErrorCode } from './error-codes';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True when the failure is ours, not the caller's: it must be logged with its stack. */
  unexpected: boolean;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: ErrorCode.PayloadTooLarge, message: 'The request body is larger than this endpoint accepts.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: ErrorCode.UnsupportedMediaType, message: 'This endpoint does not accept that Content-Type.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ErrorCode.InvalidJson, message: 'The request declared a JSON body but sent none.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ErrorCode.InvalidJson, message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: ErrorCode.ValidationFailed, message: 'The Content-Length header does not match the body.' },
  FST_ERR_BAD_URL: { status: 400, code: ErrorCode.BadRequest, message: 'The URL is not valid: a percent-encoded part of it does not decode.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: ErrorCode.UriTooLong, message: 'A part of the path is longer than 100 characters.' },
};

/** Answers `error` in the envelope; returns what was sent, so a caller can log an unexpected one. */
export function sendErrorResponse(reply: FastifyReply, error: unknown): ErrorResponse {
  const response = toErrorResponse(error);
  void reply.status(response.status).type('application/json; charset=utf-8').send(response.body);
  return response;
}

/** Maps anything a handler or the HTTP layer can throw to the documented error envelope. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof ApiError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.field, error.fieldErrors), unexpected: false };
  }
  if (error instanceof ZodError) {
    return { status: 400, body: validationErrorEnvelope(error), unexpected: false };
  }
  const fastifyCode = (error as { code?: string } | null)?.code;
  if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
    const known = FASTIFY_CODES[fastifyCode];
    return { status: known.status, body: errorBody(known.code, known.message), unexpected: false };
  }
  if (error instanceof SyntaxError) {
    return { status: 400, body: errorBody(ErrorCode.InvalidJson, 'The request body could not be parsed.'), unexpected: false };
  }
  // Any other client error Fastify or a plugin raises keeps its status, in the envelope.
  const clientStatus = (error as { statusCode?: number } | null)?.statusCode;
  if (!(error instanceof HttpException) && clientStatus && clientStatus >= 400 && clientStatus < 500) {
    return { status: clientStatus, body: errorBody(codeForStatus(clientStatus), 'The request could not be accepted as sent.'), unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, body: errorBody(codeForStatus(status), messageForStatus(status, error.message)), unexpected: status >= 500 };
  }
  return { status: 500, body: errorBody(ErrorCode.InternalError, 'Something went wrong on our side. It has been logged.'), unexpected: true };
}

function codeForStatus(status: number): string {
  switch (status) {
    case 401: return ErrorCode.Unauthorized;
    case 403: return ErrorCode.Forbidden;
    case 404: return ErrorCode.NotFound;
    case 405: return ErrorCode.MethodNotAllowed;
    case 408: return ErrorCode.RequestTimeout;
    case 409: return ErrorCode.Conflict;
    case 413: return ErrorCode.PayloadTooLarge;
    case 414: return ErrorCode.UriTooLong;
    case 415: return ErrorCode.UnsupportedMediaType;
    case 429: return ErrorCode.RateLimited;
    case 431: return ErrorCode.HeadersTooLarge;
    case 503: return ErrorCode.ServiceUnavailable;
    default: return status >= 500 ? ErrorCode.InternalError : ErrorCode.ValidationFailed;
  }
}

function messageForStatus(status: number, fallback: string): string {
  if (status === 404) return 'No such resource or route.';
  return fallback;
}
