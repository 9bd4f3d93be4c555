import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { isOAuthErrorCode, oauthErrorStatus, type OAuthErrorCode, type OAuthErrorResponse } from '@badges/api-contracts';
import { toErrorResponse } from '@badges/service-kit';

const logger = new Logger('OAuthToken');

/** A refusal POST /o/token words itself, with its RFC 6749 §5.2 code. */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

/** RFC 6749 §5.2 forbids caching any answer of the token endpoint. */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

/**
 * Every failure of POST /o/token, from the body parser and the edge's text guard to the handler,
 * answered as RFC 6749 §5.2 says (`{error, error_description}`), since OAuth2 libraries read
 * `error` as a string. A 401 to a client that sent HTTP Basic names that scheme (§5.2). A 5xx is
 * not the client's error and keeps the platform's envelope, as the rate limits' 429 does.
 */
export function sendOAuthError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const answer = oauthErrorAnswer(error);
  noStore(reply);
  if (!answer) {
    const response = toErrorResponse(error);
    if (response.unexpected) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return reply.code(response.status).type('application/json; charset=utf-8').send(response.body);
  }
  if (answer.status === 401 && /^Basic\b/i.test(request.headers.authorization ?? '')) reply.header('www-authenticate', 'Basic realm="badges", charset="UTF-8"');
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
}

/** The status and RFC 6749 body for a failure, or undefined for one that is ours (5xx). */
export function oauthErrorAnswer(error: unknown): { status: number; body: OAuthErrorResponse } | undefined {
  if (error instanceof OAuthError) return { status: oauthErrorStatus(error.code), body: { error: error.code, error_description: error.description } };
  const { status, body } = toErrorResponse(error);
  if (status >= 500) return undefined;
  const code = isOAuthErrorCode(body.error.code) ? body.error.code : 'invalid_request';
  // 400 and 401 are the RFC's own; a status the HTTP layer chose (413, 415) says more and is kept.
  return { status: status === 400 || status === 401 ? oauthErrorStatus(code) : status, body: { error: code, error_description: body.error.message } };
}
