import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { InternalTokenGuard } from '@badges/service-kit';

import { Learner, LearnerAuthGuard } from '../accounts/learner-auth.guard';
import type { LearnerScope } from '../common/learner-scope';
import { ExportService } from './export.service';

/** GET /v2/backpack/export: the whole passport as a zip. */
@Controller('v2/backpack/export')
@UseGuards(InternalTokenGuard, LearnerAuthGuard)
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get()
  async download(@Learner() scope: LearnerScope, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const zip = await this.exports.zip(scope);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="passport-${day}.zip"`)
      .header('cache-control', 'no-store')
      .send(zip);
  }
}
