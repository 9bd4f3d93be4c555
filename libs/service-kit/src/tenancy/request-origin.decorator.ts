import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { parseActor, type Actor, type EventOrigin } from '@badges/events';

import { ApiError } from '../errors/api-error';
import { correlationIdOf } from './correlation-id.decorator';
import { InternalHeader } from './internal-headers';

/**
 * Who the gateway says made this request (`x-badges-actor`: `client:<clientId>` or
 * `staff:<staffId>`). Absent means nobody said: a direct internal call, which the platform itself
 * makes. A value that is not an actor is refused (400 `validation_failed`) rather than recorded
 * as "nobody".
 */
export function actorOf(request: FastifyRequest): Actor | undefined {
  const value = request.headers[InternalHeader.Actor];
  if (value === undefined) return undefined;
  const actor = typeof value === 'string' ? parseActor(value) : undefined;
  if (!actor) throw ApiError.validation(`${InternalHeader.Actor}: expected client:<id> or staff:<id>.`, InternalHeader.Actor);
  return actor;
}

/**
 * What caused this request's changes (`EventOrigin`): its correlation id and its actor. Services
 * take it as one parameter down to the events they write and the `createdBy` they store.
 */
export const RequestOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): EventOrigin => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const actor = actorOf(request);
  return { correlationId: correlationIdOf(request), ...(actor ? { actor } : {}) };
});
