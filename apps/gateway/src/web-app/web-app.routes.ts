import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The browser app's own paths (apps/web/src/App.tsx): each answers index.html and the app routes
 * in the browser. Listed one by one rather than a catch-all, so an unknown `/v2/...` or `/public/...`
 * path still gets the API's JSON 404, never the app's HTML.
 */
export const WEB_APP_PATHS = [
  '/',
  '/verify',
  '/passport',
  '/passport/*',
  '/console',
  '/console/*',
  '/operator',
  '/operator/*',
  // The Badge Connect manifest's authorizationUrl: clients send the learner's browser here, so the
  // consent page lives at this address (decision 0039); its POST is still forwarded to the passport.
  '/o/badgeconnect/authorize',
] as const;

/** Where scripts/build.mjs puts the Vite output: dist/apps/web/app, beside this compiled file's app. */
export const DEFAULT_WEB_APP_DIR = join(__dirname, '../../../web/app');

// The app only talks to its own origin; badge images being verified may live anywhere (https).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built web app: the files Vite wrote (hashed assets cached for good, since their names
 * change with their content) and index.html for the app's paths. Returns false when there is no
 * build (e.g. the gateway running from sources in a unit test), and then serves nothing.
 */
export async function registerWebApp(fastify: FastifyInstance, dir: string = DEFAULT_WEB_APP_DIR): Promise<boolean> {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  // Loaded only when there is something to serve: its ESM-only dependency does not load under jest.
  const { default: fastifyStatic } = await import('@fastify/static');
  await fastify.register(fastifyStatic, {
    root: dir,
    // One route per file found at start, not a wildcard that would shadow API routes.
    wildcard: false,
    index: false,
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const pageHeaders = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
  for (const url of WEB_APP_PATHS) fastify.get(url, (_request, reply) => reply.headers(pageHeaders).send(indexHtml));
  // A browser that lands on nothing (an unknown page, an unknown public badge) gets the app's
  // "page not found", still as a 404; API callers, who ask for JSON, keep the JSON error.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 404 || !isPageRequest(request)) return payload;
    reply.removeHeader('content-length');
    reply.removeHeader('etag');
    reply.headers(pageHeaders);
    return indexHtml;
  });
  return true;
}

/** A browser's navigation: a GET whose Accept names HTML first (fetch() and API clients do not). */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const first = (request.headers.accept ?? '').split(',', 1)[0].trim().toLowerCase();
  return first === 'text/html' || first === 'application/xhtml+xml';
}
