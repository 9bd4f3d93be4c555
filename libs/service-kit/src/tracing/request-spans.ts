import { context, trace, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { contextFromCarrier, recordFailure, SpanKind, tracer } from '@badges/tracing';

import { UNMATCHED_ROUTE } from '../metrics/http-metrics';
import { METRICS_PATH } from '../metrics/metrics-route';

const spans = new WeakMap<FastifyRequest, Span>();

/** Probes and scrapes, every few seconds per process: a trace each would bury the awards. */
const UNTRACED_PATHS = new Set(['/health', METRICS_PATH]);

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A SERVER span per request, child of the caller's `traceparent` (the gateway's span, for a
 * forwarded call; an outside caller's, at the gateway). The rest of the request's lifecycle runs
 * in the span's context; its stream's listeners are bound to it too, as OpenTelemetry's own http
 * instrumentation does, so reading the body cannot lose it.
 * `badges.service` names the service: in the embedded runner every span has the same resource.
 */
export function registerRequestSpans(fastify: FastifyInstance, service: string): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const path = request.url.split('?')[0];
    if (UNTRACED_PATHS.has(path)) return done();
    const parent = contextFromCarrier({ traceparent: header(request.headers.traceparent), tracestate: header(request.headers.tracestate) });
    const span = tracer().startSpan(request.method, {
      kind: SpanKind.SERVER,
      attributes: { 'badges.service': service, 'http.request.method': request.method, 'url.path': path },
    }, parent);
    spans.set(request, span);
    const active = trace.setSpan(parent, span);
    context.bind(active, request.raw);
    context.with(active, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request);
    if (span) {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
      // Named by route pattern, as the metrics are: a raw path would make a span name per badge.
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': reply.statusCode });
      if (reply.statusCode >= 500) recordFailure(span, new Error(`answered ${reply.statusCode}`));
      span.end();
    }
    done();
  });
}
