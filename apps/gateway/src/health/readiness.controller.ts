import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { HealthService, type HealthReport } from './health.service';

/**
 * Readiness: 200 once the gateway, its database and every service it forwards to answer; else
 * 503, same shape. It touches every dependency, so it is for load balancers deciding where to
 * send traffic, not for liveness (that is `/health`, which touches nothing: liveness.route.ts).
 */
@Controller('ready')
export class ReadinessController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
