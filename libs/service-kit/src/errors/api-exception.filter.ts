import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { toErrorResponse } from './to-error-response';

/** Renders every error a Nest handler throws as the documented envelope; never leaks internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = toErrorResponse(exception);
    if (response.unexpected) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    void reply.status(response.status).header('content-type', 'application/json; charset=utf-8').send(response.body);
  }
}
