import { Body, Controller, HttpCode, Param, Put, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { successEnvelope, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InternalTokenGuard, parseWith } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { InstitutionUpsertBodySchema, type InstitutionDto } from './institutions.dto';
import { InstitutionsRepository } from './institutions.repository';

/** Internal: the gateway registers institutions here; idempotent, so it can retry freely. */
@Controller('internal/institutions')
@UseGuards(InternalTokenGuard)
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsRepository) {}

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
