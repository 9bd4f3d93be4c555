import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';

import { ApiError } from '@badges/service-kit';

import { bearerToken } from '../accounts/learner-auth.guard';
import { learnerScope, type LearnerScope } from '../common/learner-scope';
import { BadgeConnectError, BadgeConnectService } from './badge-connect.service';

const SCOPE_KEY = 'badgeConnectScope';

/** The scope a Badge Connect resource route needs (403 `insufficient_scope` without it). */
export const RequiresScope = (scope: string) => SetMetadata(SCOPE_KEY, scope);

type BcRequest = FastifyRequest & { bcLearner?: LearnerScope };

/** Badge Connect and OB 3.0 API resource routes: a `bc_` token with the route’s scope. */
@Injectable()
export class BadgeConnectAuthGuard implements CanActivate {
  constructor(private readonly connect: BadgeConnectService, private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<BcRequest>();
    const token = bearerToken(request);
    const grant = token ? await this.connect.resolve(token) : undefined;
    if (!grant) throw ApiError.unauthorized('A valid access token from the passport’s token endpoint (/o/badgeconnect/token) is required.');
    const needed = this.reflector.get<string | undefined>(SCOPE_KEY, context.getHandler());
    if (needed && !grant.scopes.includes(needed)) throw new ApiError(403, BadgeConnectError.InsufficientScope, `This token lacks the scope ${needed}.`);
    request.bcLearner = learnerScope(grant.learnerId);
    return true;
  }
}

export const BadgeConnectLearner = createParamDecorator((_data: unknown, context: ExecutionContext): LearnerScope => {
  const scope = context.switchToHttp().getRequest<BcRequest>().bcLearner;
  if (!scope) throw ApiError.unauthorized();
  return scope;
});
