import Router, { type HTTPMethod } from 'find-my-way';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ApiError } from '../errors/api-error';
import { ErrorCode } from '../errors/error-codes';
import { sendErrorResponse } from '../errors/to-error-response';

/** The methods listed in Allow, in this order. */
const METHODS: readonly HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Which methods a concrete path answers to. Fastify's router only says "no route", so every
 * route is also recorded, as it is added, in a find-my-way router of our own (the one Fastify is
 * built on, so paths match exactly as they do there). A catch-all (`*`, the CORS preflight
 * route) says nothing about a path and is left out.
 */
export class RouteMethods {
  private readonly router = Router();
  private readonly recorded: RegisteredRoute[] = [];

  record(method: string | string[], url: string): void {
    if (url === '*' || url === '/*') return;
    for (const one of Array.isArray(method) ? method : [method]) {
      try {
        this.router.on(one as HTTPMethod, url, () => undefined);
        this.recorded.push({ method: one, url });
      } catch {
        // The same method and path twice (Fastify's HEAD for a GET): one record is enough.
      }
    }
  }

  /** Every method and path recorded so far, in the order they were added. */
  routes(): readonly RegisteredRoute[] {
    return this.recorded;
  }

  allowedFor(path: string): string[] {
    const allowed = METHODS.filter((method) => this.router.find(method, path) !== null);
    if (allowed.includes('GET') && !allowed.includes('HEAD')) allowed.splice(1, 0, 'HEAD');
    return allowed;
  }
}

/** One method on one route pattern, as Fastify registered it (`/v2/issuers/:entityId`). */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const routeMethodsOf = new WeakMap<FastifyInstance, RouteMethods>();

/**
 * Every route an app built by createServiceApp registered (its Nest controllers and its own
 * Fastify routes). The gateway's /docs test compares them with the OpenAPI document.
 */
export function registeredRoutes(fastify: FastifyInstance): readonly RegisteredRoute[] {
  const methods = routeMethodsOf.get(fastify);
  if (!methods) throw new Error('registeredRoutes: this Fastify instance was not built by createServiceApp');
  return methods.routes();
}

/**
 * Unknown paths answer 404 `not_found`; a known path with the wrong method answers 405
 * `method_not_allowed` with the methods it takes in Allow. Must run before any route is added.
 */
export function registerRouteFallback(fastify: FastifyInstance): void {
  const methods = new RouteMethods();
  routeMethodsOf.set(fastify, methods);
  fastify.addHook('onRoute', (route) => methods.record(route.method, route.url ?? route.path));
  fastify.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const queryAt = request.url.indexOf('?');
    const allowed = methods.allowedFor(queryAt < 0 ? request.url : request.url.slice(0, queryAt)).filter((method) => method !== request.method);
    if (allowed.length === 0) return void sendErrorResponse(reply, new ApiError(404, ErrorCode.NotFound, 'No such resource or route.'));
    void reply.header('allow', allowed.join(', '));
    sendErrorResponse(reply, new ApiError(405, ErrorCode.MethodNotAllowed, `${request.method} is not allowed here; this path takes ${allowed.join(', ')}.`));
  });
}
