import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { toErrorResponse } from '../errors/to-error-response';
import { createLogger } from '../logging/json-logger';

export interface ServiceAppOptions {
  /** Largest accepted request body in bytes; larger bodies get 413 `payload_too_large`. */
  bodyLimit?: number;
  logger?: LoggerService;
  /**
   * Fastify's trustProxy: which X-Forwarded-For hops to believe for `request.ip`. Off unless the
   * caller says so, since a client could otherwise pick its own IP (and escape per-IP limits).
   */
  trustProxy?: boolean | number | string[];
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
}

/**
 * Every service is built the same way: Nest on Fastify, one error envelope for Nest handlers
 * and for failures that happen before Nest sees the request (body parsing, size limits).
 */
export async function createServiceApp(rootModule: unknown, options: ServiceAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new EnvelopeFastifyAdapter({ bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, trustProxy: options.trustProxy ?? false });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule as never, adapter, {
    logger: options.logger ?? createLogger(),
    abortOnError: false,
  });
  app.useGlobalFilters(new ApiExceptionFilter());

  // Nest's FastifyAdapter registers the form-urlencoded parser (OAuth2 token requests) itself.
  app.enableShutdownHooks();
  const logger = new Logger('HttpErrors');
  app.getHttpAdapter().getInstance().setErrorHandler((error, _request, reply) => {
    const response = toErrorResponse(error);
    if (response.unexpected) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(response.status).send(response.body);
  });
  await app.init();
  return app;
}
