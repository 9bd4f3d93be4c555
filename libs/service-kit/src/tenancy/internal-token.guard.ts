import { timingSafeEqual } from 'node:crypto';

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ApiError } from '../errors/api-error';
import { InternalHeader } from './internal-headers';

/**
 * In distributed mode services sit on a private network behind the gateway; INTERNAL_TOKEN adds
 * a shared secret on top, so a misrouted public request cannot impersonate the gateway.
 */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected = process.env.INTERNAL_TOKEN ? Buffer.from(process.env.INTERNAL_TOKEN) : undefined;

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const given = request.headers[InternalHeader.InternalToken];
    const actual = Buffer.from(typeof given === 'string' ? given : '');
    if (actual.length === this.expected.length && timingSafeEqual(actual, this.expected)) return true;
    throw ApiError.unauthorized('This service only answers the gateway.');
  }
}
