import { randomUUID } from 'node:crypto';

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { InternalHeader } from './internal-headers';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The correlation id the gateway assigned to this request, or a fresh one if it sent none (or a strange one). */
export function correlationIdOf(request: FastifyRequest): string {
  const value = request.headers[InternalHeader.CorrelationId];
  return typeof value === 'string' && SANE.test(value) ? value : randomUUID();
}

/** The correlation id the gateway assigned to this request (a fresh one if absent), for events and logs. */
export const CorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  correlationIdOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
