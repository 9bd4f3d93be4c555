import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ApiError } from '../errors/api-error';
import { InternalHeader } from './internal-headers';

/** The institution on whose behalf the gateway forwarded this request; required. */
export const InstitutionId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const value = request.headers[InternalHeader.InstitutionId];
  if (typeof value !== 'string' || value.length === 0) throw ApiError.unauthorized();
  return value;
});
