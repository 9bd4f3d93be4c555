import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { EventOrigin } from '@badges/events';
import { InternalHeader } from '@badges/service-kit';

import { callerActor, type CallerIdentity } from '../auth/caller';
import { correlationIdFor } from '../routing/forward-headers';

/**
 * The cause of a change the gateway makes itself, as its audit entry names it: the caller's
 * correlation id (its `x-request-id` when it sent a sane one, else a fresh one; answered as
 * `x-correlation-id`, as forwarded answers are) and the client or person BearerTokenGuard
 * authenticated. An operator's call (admin token) names no actor.
 */
export const ChangeOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): EventOrigin => {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest & { caller?: CallerIdentity }>();
  const correlationId = correlationIdFor(request.headers);
  void http.getResponse<FastifyReply>().header(InternalHeader.CorrelationId, correlationId);
  const caller = request.caller;
  return { correlationId, ...(caller && { actor: callerActor(caller) }) };
});
