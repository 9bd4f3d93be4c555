import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ApiError } from '@badges/service-kit';

import type { LearnerScope } from '../common/learner-scope';
import { SessionsService } from './sessions.service';

type LearnerRequest = FastifyRequest & { learner?: LearnerScope; learnerToken?: string };

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Every learner route: a valid learner token, or 401 before any query of learner data runs. */
@Injectable()
export class LearnerAuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LearnerRequest>();
    const token = bearerToken(request);
    if (!token) throw ApiError.unauthorized('Sign in first: send the learner token as `Authorization: Bearer <token>`.');
    const scope = await this.sessions.resolve(token);
    if (!scope) throw ApiError.unauthorized('The learner token is invalid or has expired; sign in again.');
    request.learner = scope;
    request.learnerToken = token;
    return true;
  }
}

/**
 * Routes that answer anyone but may do more for a signed-in learner (the Badge Connect consent
 * check): a valid learner token sets the learner, anything else leaves the caller anonymous.
 */
@Injectable()
export class OptionalLearnerGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LearnerRequest>();
    const token = bearerToken(request);
    request.learner = token ? await this.sessions.resolve(token) : undefined;
    return true;
  }
}

/** The learner behind OptionalLearnerGuard, or undefined when the caller is not signed in. */
export const LearnerIfSignedIn = createParamDecorator((_data: unknown, context: ExecutionContext): LearnerScope | undefined => {
  return context.switchToHttp().getRequest<LearnerRequest>().learner;
});

/** The signed-in learner's scope (only on routes behind LearnerAuthGuard). */
export const Learner = createParamDecorator((_data: unknown, context: ExecutionContext): LearnerScope => {
  const scope = context.switchToHttp().getRequest<LearnerRequest>().learner;
  if (!scope) throw ApiError.unauthorized();
  return scope;
});

export const LearnerToken = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<LearnerRequest>().learnerToken ?? '';
});
