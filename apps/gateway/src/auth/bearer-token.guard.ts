import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import type { ClientIdentity } from './access-token.codec';
import { BearerAuth } from './bearer-auth';
import { requireScope } from './client-scope';

type AuthenticatedRequest = FastifyRequest & { clientIdentity?: ClientIdentity };

/**
 * Guards the gateway's own /v2 handlers: a client's access token, with the scope the route needs
 * (client-scope.ts). The route's pattern is checked rather than the URL as sent, so no spelling
 * of the path can reach a handler under a rule meant for another. Forwarded routes use BearerAuth
 * and requireScope directly.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(private readonly bearer: BearerAuth) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const identity = await this.bearer.authenticate(request.headers.authorization);
    requireScope(identity, request.method, request.routeOptions.url ?? request.url);
    request.clientIdentity = identity;
    return true;
  }
}

/** The caller's identity, set by BearerTokenGuard. */
export const CurrentClient = createParamDecorator((_data: unknown, context: ExecutionContext): ClientIdentity => {
  const identity = context.switchToHttp().getRequest<AuthenticatedRequest>().clientIdentity;
  if (!identity) throw new Error('CurrentClient used on a route without BearerTokenGuard');
  return identity;
});
