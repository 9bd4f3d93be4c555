import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** What anyone may read (or, for /v2/verify, ask) from any site: public documents and discovery. */
const PUBLIC_PATH = /^\/(public\/|\.well-known\/|docs\/openapi\.json$|v2\/verify(\/|$))/;
const VERIFY_PATH = /^\/v2\/verify(\/|$)/;

// Link and X-Total-Count page the OB 3.0 API's getCredentials for a wallet running in a browser.
const EXPOSED_HEADERS = ['Location', 'ETag', 'Retry-After', 'Content-Language', 'Content-Disposition', 'X-Correlation-Id', 'Link', 'X-Total-Count'];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * What @fastify/cors adds to a simple GET of a public path, for answers sent without it (the
 * gateway's cached documents): any origin, the exposed headers, and Vary on Origin.
 */
export const PUBLIC_READ_CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
} as const;
export const CORS_VARY = 'Origin';

const COMMON = { credentials: false, exposedHeaders: EXPOSED_HEADERS, maxAge: PREFLIGHT_MAX_AGE_SECONDS };
const PUBLIC_HEADERS = ['Accept', 'Accept-Language', 'Content-Type'];
// Built once: the delegator runs for every request, and these never change.
const NOT_CORS: FastifyCorsOptions = { origin: false };
const PUBLIC_READ: FastifyCorsOptions = { ...COMMON, origin: '*', methods: ['GET', 'HEAD'], allowedHeaders: PUBLIC_HEADERS };
const PUBLIC_VERIFY: FastifyCorsOptions = { ...COMMON, origin: '*', methods: ['POST'], allowedHeaders: PUBLIC_HEADERS };

/**
 * The CORS answers of a deployment, by request. Public paths allow any origin, never with
 * credentials; the rest of the API only the configured origins (none by default), with bearer
 * tokens but never cookies. An OPTIONS that is not a preflight is left to the route, which
 * answers 405 with Allow in the envelope.
 */
export function corsPolicy(allowedOrigins: readonly string[]): (request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>) => FastifyCorsOptions {
  const api: FastifyCorsOptions = {
    ...COMMON,
    origin: [...allowedOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Accept', 'Accept-Language', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'X-Request-Id'],
  };
  return (request) => {
    if (request.method === 'OPTIONS' && !(request.headers.origin && request.headers['access-control-request-method'])) return NOT_CORS;
    const path = request.url.split('?', 1)[0];
    if (!PUBLIC_PATH.test(path)) return api;
    return VERIFY_PATH.test(path) ? PUBLIC_VERIFY : PUBLIC_READ;
  };
}

/** Preflights are answered by @fastify/cors in its onRequest hook, before authentication. */
export async function registerCors(fastify: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const optionsFor = corsPolicy(allowedOrigins);
  await fastify.register(fastifyCors, { delegator: (request, callback) => callback(null, optionsFor(request)) });
}
