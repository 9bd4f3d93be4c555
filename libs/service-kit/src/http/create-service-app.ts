import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { sendErrorResponse } from '../errors/to-error-response';
import { createLogger } from '../logging/json-logger';
import { httpObserver, registerHttpMetrics } from '../metrics/http-metrics';
import { collectNodeMetrics } from '../metrics/metrics-registry';
import { registerMetricsRoute, type MetricsOptions } from '../metrics/metrics-route';
import { registerRequestSpans } from '../tracing/request-spans';
import { flushTracing, startTracing } from '../tracing/tracer-provider';
import { registerBodyParsers, registerTextGuard } from './body-parsers';
import { clientErrorHandler, frameworkErrors } from './edge-errors';
import type { FrontDoor } from './front-door';
import { registerRouteFallback } from './route-methods';
import { registerSecurityHeaders } from './security-headers';

export interface ServiceAppOptions {
  /** Largest accepted request body in bytes; larger bodies get 413 `payload_too_large`. */
  bodyLimit?: number;
  logger?: LoggerService;
  /**
   * Fastify's trustProxy: which X-Forwarded-For hops to believe for `request.ip`. Off unless the
   * caller says so, since a client could otherwise pick its own IP (and escape per-IP limits).
   */
  trustProxy?: boolean | number | string[];
  /** Answers some requests before Fastify sees them (FrontDoor); the app chooses which once built. */
  frontDoor?: FrontDoor;
  /**
   * Who the app is in the metrics, and how its GET /metrics is served (decision 0050); its
   * requests are traced under the same name (decision 0052).
   */
  metrics?: MetricsOptions;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Failures that happen before Nest routing (body parsing, size limits) must get our envelope too,
 * so our Fastify error handler is the only one: Nest's attempt to install its own during init is
 * ignored (errors inside Nest handlers are caught by ApiExceptionFilter before they get here).
 */
class EnvelopeFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(): ReturnType<FastifyAdapter['setErrorHandler']> {
    return this.getInstance();
  }

  /** Ours answers 405 for a known path with another method, which Nest's cannot tell. */
  override setNotFoundHandler(): ReturnType<FastifyAdapter['setNotFoundHandler']> {
    return this.getInstance();
  }
}

/**
 * Every service is built the same way: Nest on Fastify, one error envelope for Nest handlers
 * and for failures that happen before Nest sees the request (body parsing, size limits).
 */
export async function createServiceApp(rootModule: unknown, options: ServiceAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new EnvelopeFastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors,
    clientErrorHandler,
    ...(options.frontDoor && { serverFactory: options.frontDoor.serverFactory }),
  });
  hardenEdge(adapter.getInstance<FastifyInstance>());
  // Hooks reach only the routes added after them: before Nest adds its own.
  if (options.metrics) measure(adapter.getInstance<FastifyInstance>(), options.metrics.service, options.frontDoor);
  if (options.metrics) trace(adapter.getInstance<FastifyInstance>(), options.metrics.service);
  const app = await NestFactory.create<NestFastifyApplication>(rootModule as never, adapter, {
    logger: options.logger ?? createLogger(),
    abortOnError: false,
    // Ours (registerBodyParsers): the same parsers, with a depth budget in front of JSON.
    bodyParser: false,
  });
  app.useGlobalFilters(new ApiExceptionFilter());

  app.enableShutdownHooks();
  const logger = new Logger('HttpErrors');
  app.getHttpAdapter().getInstance().setErrorHandler((error, _request, reply) => {
    if (sendErrorResponse(reply, error).unexpected) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  });
  // A route keeps the error handler there was when it was added: after ours, for the envelope.
  if (options.metrics) registerMetricsRoute(app.getHttpAdapter().getInstance(), options.metrics);
  await app.init();
  return app;
}

/**
 * What every service does with a request before its handler, and with every answer: bounded
 * body parsers, no unstorable text, 404/405 in the envelope, inert-content headers. Installed
 * before Nest adds its routes, so the route fallback sees them all.
 */
function hardenEdge(fastify: FastifyInstance): void {
  registerRouteFallback(fastify);
  registerBodyParsers(fastify);
  registerTextGuard(fastify);
  registerSecurityHeaders(fastify);
}

/** Prometheus figures: Node's, and every answer timed by route pattern (the front door's too). */
function measure(fastify: FastifyInstance, service: string, frontDoor?: FrontDoor): void {
  collectNodeMetrics();
  const observe = httpObserver(service);
  registerHttpMetrics(fastify, observe);
  frontDoor?.measureWith(observe);
}

/** Spans per request, on the process's one tracer provider (started by the first app if need be). */
function trace(fastify: FastifyInstance, service: string): void {
  startTracing(service);
  registerRequestSpans(fastify, service);
  fastify.addHook('onClose', async () => flushTracing());
}
