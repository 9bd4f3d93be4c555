import { createHash, timingSafeEqual } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { ApiError } from '../errors/api-error';
import { metricsRegistry } from './metrics-registry';

export const METRICS_PATH = '/metrics';

export interface MetricsOptions {
  /** The `service` label of this app's figures (`gateway`, `issuer`, ...). */
  service: string;
  /** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>`. */
  token?: string;
  /**
   * The app listens on a public port (the gateway, and so the embedded runner): /metrics is then
   * served only when a token is set. The other services listen on the internal network, where
   * Prometheus scrapes each of them (decision 0050).
   */
  publicPort?: boolean;
}

/** GET /metrics in Prometheus' text format: every figure of this process's registry. */
export function registerMetricsRoute(fastify: FastifyInstance, options: MetricsOptions): void {
  if (options.publicPort && !options.token) return;
  const expected = options.token === undefined ? undefined : digest(options.token);
  fastify.get(METRICS_PATH, async (request, reply) => {
    if (expected && !timingSafeEqual(digest(bearerOf(request.headers.authorization)), expected)) {
      void reply.header('www-authenticate', 'Bearer');
      throw ApiError.unauthorized('The metrics need the METRICS_TOKEN as a bearer token.');
    }
    const body = await metricsRegistry.metrics();
    return reply.header('cache-control', 'no-store').type(metricsRegistry.contentType).send(body);
  });
}

function bearerOf(header: string | undefined): string {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  return match ? match[1].trim() : '';
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
