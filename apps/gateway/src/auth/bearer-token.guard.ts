import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import type { ClientIdentity } from './access-token.codec';
import { AccessTokenService } from './access-token.service';
import { authenticateBearer } from './bearer-auth';

type AuthenticatedRequest = FastifyRequest & { clientIdentity?: ClientIdentity };

/** Guards the gateway's own /v2 handlers; forwarded /v2 routes use authenticateBearer directly. */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(private readonly tokens: AccessTokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.clientIdentity = await authenticateBearer(this.tokens, request.headers.authorization);
    return true;
  }
}

/** The caller's identity, set by BearerTokenGuard. */
export const CurrentClient = createParamDecorator((_data: unknown, context: ExecutionContext): ClientIdentity => {
  const identity = context.switchToHttp().getRequest<AuthenticatedRequest>().clientIdentity;
  if (!identity) throw new Error('CurrentClient used on a route without BearerTokenGuard');
  return identity;
});
