import { Body, Controller, Get, HttpCode, Param, Put, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { successEnvelope, type IssuerInstitutionCounts, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InternalTokenGuard, parseWith } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { InstitutionUpsertBodySchema, type InstitutionDto } from './institutions.dto';
import { InstitutionsRepository } from './institutions.repository';

/** Internal: the gateway registers institutions here; idempotent, so it can retry freely. */
@Controller('internal/institutions')
@UseGuards(InternalTokenGuard)
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsRepository) {}

  /** What every institution holds, for the operator's list: one request for all of them. */
  @Get('counts')
  async counts(): Promise<IssuerInstitutionCounts> {
    return { institutions: await this.institutions.counts() };
  }

  @Put(':id')
  @HttpCode(200)
  async upsert(
    @Param('id', EntityIdPipe) id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<V2SuccessEnvelope<InstitutionDto>> {
    const { name } = parseWith(InstitutionUpsertBodySchema, body);
    const { institution, created } = await this.institutions.upsert(id, name);
    if (created) void reply.status(201);
    return successEnvelope(institution);
  }
}
