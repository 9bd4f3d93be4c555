import { randomUUID } from 'node:crypto';

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { InternalHeader } from './internal-headers';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The correlation id the gateway assigned to this request (a fresh one if absent), for events and logs. */
export const CorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers[InternalHeader.CorrelationId];
  return typeof value === 'string' && SANE.test(value) ? value : randomUUID();
});
