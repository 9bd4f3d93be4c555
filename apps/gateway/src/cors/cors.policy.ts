import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** What anyone may read (or, for /v2/verify, ask) from any site: public documents and discovery. */
const PUBLIC_PATH = /^\/(public\/|\.well-known\/|docs\/openapi\.json$|v2\/verify(\/|$))/;
const VERIFY_PATH = /^\/v2\/verify(\/|$)/;

const EXPOSED_HEADERS = ['Location', 'ETag', 'Retry-After', 'Content-Language', 'Content-Disposition', 'X-Correlation-Id'];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The CORS answer for one request. Public paths allow any origin, never with credentials;
 * the rest of the API only the configured origins (none by default), with bearer tokens but
 * never cookies. An OPTIONS that is not a preflight is left to the route, which answers 405
 * with Allow in the envelope.
 */
export function corsOptionsFor(request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>, allowedOrigins: readonly string[]): FastifyCorsOptions {
  if (request.method === 'OPTIONS' && !(request.headers.origin && request.headers['access-control-request-method'])) return { origin: false };
  const path = request.url.split('?', 1)[0];
  const common = { credentials: false, exposedHeaders: EXPOSED_HEADERS, maxAge: PREFLIGHT_MAX_AGE_SECONDS };
  if (PUBLIC_PATH.test(path)) {
    return { ...common, origin: '*', methods: VERIFY_PATH.test(path) ? ['POST'] : ['GET', 'HEAD'], allowedHeaders: ['Accept', 'Accept-Language', 'Content-Type'] };
  }
  return {
    ...common,
    origin: [...allowedOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Accept', 'Accept-Language', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'X-Request-Id'],
  };
}

/** Preflights are answered by @fastify/cors in its onRequest hook, before authentication. */
export async function registerCors(fastify: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  await fastify.register(fastifyCors, { delegator: (request, callback) => callback(null, corsOptionsFor(request, allowedOrigins)) });
}
