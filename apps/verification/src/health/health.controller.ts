import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { RESPONSE_CACHE } from '../common/tokens';
import type { ResponseCache } from '../fetching/response-cache';

/**
 * Liveness + readiness. The service has no database; with REDIS_URL its shared cache must
 * answer. Not behind InternalTokenGuard: orchestrator probes cannot carry the token, and the
 * answer reveals nothing.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(RESPONSE_CACHE) private readonly cache: ResponseCache) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'unavailable'; cache: ResponseCache['kind'] }> {
    const up = await this.cache.ping();
    if (!up) void reply.status(503);
    return { status: up ? 'ok' : 'unavailable', cache: this.cache.kind };
  }
}
