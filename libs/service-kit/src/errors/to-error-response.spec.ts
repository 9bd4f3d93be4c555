import { NotFoundException } from '@nestjs/common';
import { z } from 'zod';

import { ApiError } from './api-error';
import { toErrorResponse } from './to-error-response';

describe('toErrorResponse', () => {
  it('renders an ApiError with its status, code and field', () => {
    const response = toErrorResponse(ApiError.validation('Email is not valid.', 'recipient.identity'));
    expect(response).toEqual({
      status: 400,
      unexpected: false,
      body: {
        status: { success: false, description: 'bad request' },
        result: [],
        error: { code: 'validation_failed', message: 'Email is not valid.', field: 'recipient.identity' },
      },
    });
  });

  it('turns a ZodError into validation_failed with the dotted field path', () => {
    const schema = z.object({ recipient: z.object({ identity: z.email() }) });
    const result = schema.safeParse({ recipient: { identity: 'not-an-email' } });
    const response = toErrorResponse(result.error);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.field).toBe('recipient.identity');
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'payload_too_large'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'unsupported_media_type'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'invalid_json'],
    ['FST_ERR_BAD_URL', 400, 'bad_request'],
    ['FST_ERR_MAX_PARAM_LENGTH', 414, 'uri_too_long'],
  ])('maps Fastify %s to %i %s', (code, status, errorCode) => {
    const error = Object.assign(new Error('fastify'), { code });
    expect(toErrorResponse(error)).toMatchObject({ status, body: { error: { code: errorCode } } });
  });

  it('maps a JSON syntax error to invalid_json', () => {
    expect(toErrorResponse(Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 })).body.error.code).toBe('invalid_json');
  });

  it('keeps the status of any other client error a plugin raises, in the envelope', () => {
    const error = Object.assign(new Error('Invalid Preflight Request'), { statusCode: 400 });
    expect(toErrorResponse(error)).toMatchObject({ status: 400, unexpected: false, body: { error: { code: 'validation_failed' } } });
    expect(toErrorResponse(Object.assign(new Error('slow'), { statusCode: 429 }))).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
  });

  it('maps an unknown route to not_found', () => {
    expect(toErrorResponse(new NotFoundException())).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('hides the details of unexpected errors and flags them for logging', () => {
    const response = toErrorResponse(new TypeError('cannot read x of undefined'));
    expect(response.status).toBe(500);
    expect(response.unexpected).toBe(true);
    expect(JSON.stringify(response.body)).not.toContain('undefined');
  });
});
