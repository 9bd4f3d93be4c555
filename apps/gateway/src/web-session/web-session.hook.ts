import type { FastifyInstance } from 'fastify';

import { isSessionKind, readSessionCookie, SESSION_HEADER } from './web-session.cookies';

/**
 * Turns the web app's session cookie into the `Authorization: Bearer` header every route already
 * understands, so no route changes. Only when the request names the session in the custom header
 * (a cookie alone, as a cross-site form would send it, counts for nothing) and carries no
 * Authorization of its own (an API client's explicit token always wins).
 */
export function registerWebSessionHook(fastify: FastifyInstance, secure: boolean): void {
  fastify.addHook('onRequest', async (request) => {
    const kind = request.headers[SESSION_HEADER];
    if (request.headers.authorization !== undefined || !isSessionKind(kind)) return;
    const token = readSessionCookie(request.headers, kind, secure);
    if (token) request.headers.authorization = `Bearer ${token}`;
  });
}
