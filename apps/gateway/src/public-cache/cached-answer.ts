import type { IncomingMessage, ServerResponse } from 'node:http';

import fresh from 'fresh';

import { policyForContentType } from '@badges/service-kit';

import { CORS_VARY, PUBLIC_READ_CORS_HEADERS } from '../cors/cors.policy';

/**
 * A kept answer's headers, computed once when it is kept: what the service said, plus what the
 * gateway's own hooks (CORS, inert-content headers) would have added, since a cached answer is
 * written straight to the socket without them. Flat [name, value, …] lists, Node's fastest form.
 */
export interface CachedAnswerHeaders {
  full: readonly string[];
  /** For a 304 (RFC 9110 §15.4.5): only what does not describe a body. */
  notModified: readonly string[];
}

const NOT_MODIFIED_HEADERS = new Set(['cache-control', 'vary', 'content-location', 'expires', 'etag']);

export function cachedAnswerHeaders(serviceHeaders: Record<string, string | string[]>, etag: string, bodyLength: number): CachedAnswerHeaders {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(serviceHeaders)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  headers.vary = headers.vary ? `${headers.vary}, ${CORS_VARY}` : CORS_VARY;
  Object.assign(headers, PUBLIC_READ_CORS_HEADERS);
  headers.etag = etag;
  headers['x-content-type-options'] = 'nosniff';
  const policy = headers['content-security-policy'] ?? policyForContentType(headers['content-type'] ?? '');
  if (policy) headers['content-security-policy'] = policy;
  const notModified = Object.entries(headers).filter(([name]) => NOT_MODIFIED_HEADERS.has(name) || name.startsWith('access-control-') || name === 'x-content-type-options');
  headers['content-length'] = String(bodyLength);
  return { full: Object.entries(headers).flat(), notModified: notModified.flat() };
}

export interface CachedAnswer {
  status: number;
  body: Buffer;
  etag: string;
  answerHeaders: CachedAnswerHeaders;
}

/**
 * Writes a kept answer, or a 304 when the caller's If-None-Match names its ETag. If-None-Match
 * alone decides (RFC 9110 §13.1.2): the cache is part of the origin, kept current by events, so
 * a request's `Cache-Control: no-cache` (fetch() adds it to every conditional request; browsers
 * to a reload) neither bypasses it nor turns a match into a full answer. HEAD gets no body (Node
 * leaves it out).
 */
export function writeCachedAnswer(request: IncomingMessage, response: ServerResponse, answer: CachedAnswer, outcome: 'HIT' | 'MISS', correlationId: string): void {
  const perRequest = ['x-cache', outcome, 'x-correlation-id', correlationId];
  if (answer.status === 200 && fresh({ 'if-none-match': request.headers['if-none-match'] }, { etag: answer.etag })) {
    response.writeHead(304, [...answer.answerHeaders.notModified, ...perRequest]);
    response.end();
    return;
  }
  response.writeHead(answer.status, [...answer.answerHeaders.full, ...perRequest]);
  response.end(answer.body);
}
