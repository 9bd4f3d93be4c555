import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';

import { metricsRegistry } from './metrics-registry';

/** The route label of a request no route matched: its path would let a caller grow the label set. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Rate (`_count`), errors (`status_class="5xx"`) and duration per route. `route` is the pattern
 * Fastify matched (`/v2/issuers/:entityId`), never the URL: ids in a label would make a series per
 * badge. The buckets reach 10 s, past the gateway's slowest budget.
 */
const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by service, method, route pattern and status class.',
  labelNames: ['service', 'method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Records one answer; `route` must be a pattern or a fixed name, never a raw path. */
export type HttpObserver = (method: string, route: string, statusCode: number, seconds: number) => void;

export function httpObserver(service: string): HttpObserver {
  return (method, route, statusCode, seconds) =>
    httpDuration.observe({ service, method, route, status_class: `${Math.floor(statusCode / 100)}xx` }, seconds);
}

/** Times every answer of this app, errors and 404s included (onResponse runs for all of them). */
export function registerHttpMetrics(fastify: FastifyInstance, observe: HttpObserver): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    observe(request.method, request.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
