import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ApiError, ErrorCode, type ServiceClient, type ServiceResponse } from '@badges/service-kit';

import { BearerAuth } from '../auth/bearer-auth';
import type { CallerIdentity } from '../auth/caller';
import { requireAccess } from '../auth/staff-access';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG, SERVICE_CLIENTS } from '../gateway.tokens';
import { PublicCache } from '../public-cache/public-cache';
import type { CachedResponse } from '../public-cache/public-document-cache';
import { buildForwardHeaders, correlationIdFor, pickResponseHeaders, withServiceVary } from './forward-headers';
import { forwardTarget } from './forward-target';
import { FORWARDED_METHODS, FORWARDING_TABLE, LARGE_BODY_ROUTES, type ForwardingRoute, type LargeBodyRoute } from './forwarding-table';

/**
 * Forwarded routes are plain Fastify routes, not Nest handlers: this is the hot path (public
 * documents must serve 10k req/s), so it does no DB access and skips Nest's per-request pipeline.
 * Errors thrown here go to service-kit's Fastify error handler, which renders the envelope.
 */
@Injectable()
export class ForwardingRoutes {
  private readonly logger = new Logger(ForwardingRoutes.name);

  constructor(
    private readonly bearer: BearerAuth,
    @Inject(SERVICE_CLIENTS) private readonly services: Record<string, ServiceClient>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Optional() private readonly cache?: PublicCache,
  ) {}

  register(fastify: FastifyInstance, table: readonly ForwardingRoute[] = FORWARDING_TABLE, largeBodies: readonly LargeBodyRoute[] = LARGE_BODY_ROUTES): void {
    for (const large of largeBodies) {
      const route = table.find((entry) => large.url.startsWith(`${entry.prefix}/`));
      const client = route && this.services[route.service];
      // A more specific path than the prefix's wildcard, so Fastify picks it (and its body limit).
      if (route && client) fastify.route({ method: large.method, url: large.url, bodyLimit: large.bodyLimit, handler: this.handlerFor(route, client) });
    }
    for (const route of table) {
      const client = this.services[route.service];
      if (!client) {
        this.logger.warn(`No client for service "${route.service}": ${route.prefix} is not served`);
        continue;
      }
      const handler = this.handlerFor(route, client);
      for (const url of [route.prefix, `${route.prefix}/*`]) fastify.route({ method: [...FORWARDED_METHODS], url, handler });
    }
  }

  private handlerFor(route: ForwardingRoute, client: ServiceClient) {
    return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const url = forwardTarget(request.url, route.prefix);
      if (url === undefined) throw ApiError.notFound('route');
      const identity = route.access === 'client' ? await this.authorize(request, url) : undefined;
      const correlationId = correlationIdFor(request.headers);
      const miss = this.cache?.miss(request.raw);
      const shared = miss?.joined && (await miss.joined);
      if (shared) return this.sendCached(request, reply, shared, 'HIT', correlationId);
      const headers = buildForwardHeaders(request.headers, {
        identity,
        passAuthorization: route.access === 'learner',
        correlationId,
        internalToken: this.config.INTERNAL_TOKEN,
        publicUrl: this.config.PUBLIC_URL,
      });
      // A document about to be kept is fetched whole: the gateway answers the caller's If-None-Match itself.
      if (miss) delete headers['if-none-match'];
      let response: ServiceResponse;
      try {
        response = await client.request({ method: request.method, url, headers, body: serialiseBody(request) });
      } catch (error) {
        if (miss) this.cache?.giveUp(miss);
        this.logger.warn(`${route.service} unreachable for ${request.method} ${route.prefix} (${correlationId}): ${error instanceof Error ? error.message : String(error)}`);
        throw new ApiError(503, ErrorCode.ServiceUnavailable, `The ${route.service} service is not reachable right now. Try again shortly.`);
      }
      this.cache?.dropStale(response);
      const returned = pickResponseHeaders(response.headers);
      const kept = miss && this.cache?.keep(miss, route.service, response, returned);
      if (kept) return this.sendCached(request, reply, kept, 'MISS', correlationId);
      return reply.code(response.status).headers(withServiceVary(reply, returned)).header('x-correlation-id', correlationId).send(response.body);
    };
  }

  /** The caller (a client, a person), allowed by its scope and roles to send this method to this (normalised) path. */
  private async authorize(request: FastifyRequest, url: string): Promise<CallerIdentity> {
    const caller = await this.bearer.authenticate(request.headers.authorization);
    requireAccess(caller, request.method, url.split('?', 1)[0]);
    return caller;
  }

  /** A kept answer carries every header it needs (cached-answer.ts), so it skips Fastify's reply. */
  private sendCached(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse, outcome: 'HIT' | 'MISS', correlationId: string): FastifyReply {
    reply.hijack();
    this.cache?.send(request.raw, reply.raw, entry, outcome, correlationId);
    return reply;
  }
}

/**
 * JSON was parsed (and size-checked) by the gateway, so it is re-serialised; form bodies were
 * parsed to an object by the form parser; everything else arrives as raw bytes and is passed on.
 */
function serialiseBody(request: FastifyRequest): Buffer | string | undefined {
  const body = request.body;
  if (body === undefined || request.method === 'GET' || request.method === 'HEAD') return undefined;
  if (Buffer.isBuffer(body) || typeof body === 'string') return body;
  if ((request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return formEncode(body as Record<string, unknown>);
  }
  return JSON.stringify(body);
}

function formEncode(fields: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params.toString();
}
