import { z } from 'zod';

import { OAUTH_ERROR_CODES } from '@badges/api-contracts';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { OAuthError, oauthErrorAnswer } from './oauth-error';

describe('oauthErrorAnswer: every failure of POST /o/token in RFC 6749 §5.2 form', () => {
  it.each(OAUTH_ERROR_CODES.map((code) => [code]))('%s keeps its code, with 401 only for invalid_client', (code) => {
    expect(oauthErrorAnswer(new OAuthError(code, 'why'))).toEqual({ status: code === 'invalid_client' ? 401 : 400, body: { error: code, error_description: 'why' } });
  });

  it('keeps an RFC code the platform threw (client authentication)', () => {
    expect(oauthErrorAnswer(new ApiError(401, ErrorCode.InvalidClient, 'unknown client'))).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'unknown client' } });
  });

  it('makes every other client error invalid_request, keeping a status the HTTP layer chose', () => {
    expect(oauthErrorAnswer(ApiError.validation('client_id contains a NUL character', 'client_id'))).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'client_id contains a NUL character' },
    });
    expect(oauthErrorAnswer(Object.assign(new Error('fastify'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }))).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(oauthErrorAnswer(Object.assign(new Error('fastify'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }))).toMatchObject({ status: 415, body: { error: 'invalid_request' } });
    expect(oauthErrorAnswer(z.object({ a: z.string() }).safeParse({}).error)).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('leaves our own failures (5xx) to the platform’s envelope', () => {
    expect(oauthErrorAnswer(new TypeError('bug'))).toBeUndefined();
    expect(oauthErrorAnswer(new ApiError(503, ErrorCode.ServiceUnavailable, 'down'))).toBeUndefined();
  });
});
