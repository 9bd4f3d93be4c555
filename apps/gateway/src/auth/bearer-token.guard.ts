import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { BearerAuth } from './bearer-auth';
import type { CallerIdentity } from './caller';
import { requireAccess } from './staff-access';

type AuthenticatedRequest = FastifyRequest & { caller?: CallerIdentity };

/**
 * Guards the gateway's own /v2 handlers: a client's or a person's access token, whose scope (and,
 * for a person, whose roles) allow the route (staff-access.ts). The route's pattern is checked
 * rather than the URL as sent, so no spelling of the path can reach a handler under a rule meant
 * for another. Forwarded routes use BearerAuth and requireAccess directly.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(private readonly bearer: BearerAuth) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = await this.bearer.authenticate(request.headers.authorization);
    requireAccess(caller, request.method, request.routeOptions.url ?? request.url);
    request.caller = caller;
    return true;
  }
}

/** The caller's identity, set by BearerTokenGuard. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): CallerIdentity => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without BearerTokenGuard');
  return caller;
});
