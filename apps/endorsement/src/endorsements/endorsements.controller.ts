import { Body, Controller, Delete, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { EndorsementReasonBodySchema, EndorsementRoleQuerySchema, successEnvelope, type EndorsementV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { ApiError, cacheTag, InstitutionId, InternalTokenGuard, markPublicCacheStale, parseWith, RequestOrigin, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { PublicUrls } from '../common/public-urls';
import { EndorsementWorkflow } from '../endorsement-requests/endorsement-workflow.usecase';
import { toEndorsementV2 } from './endorsements.mapper';
import { EndorsementsRepository } from './endorsements.repository';

@Controller('v2/endorsements')
@UseGuards(InternalTokenGuard)
export class EndorsementsController {
  constructor(private readonly endorsements: EndorsementsRepository, private readonly workflow: EndorsementWorkflow, private readonly urls: PublicUrls) {}

  /** `role=requester` (default): endorsements of the caller's entities; `role=endorser`: those it made. */
  @Get()
  async list(@InstitutionId() institutionId: string, @Query() query: unknown): Promise<V2SuccessEnvelope<EndorsementV2>> {
    const { role } = parseWith(EndorsementRoleQuerySchema, query);
    return successEnvelope((await this.endorsements.list(tenantScope(institutionId), role)).map((row) => toEndorsementV2(row, this.urls)));
  }

  @Get(':entityId')
  async get(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<EndorsementV2>> {
    const endorsement = await this.endorsements.find(tenantScope(institutionId), id);
    if (!endorsement) throw ApiError.notFound('endorsement');
    return successEnvelope(toEndorsementV2(endorsement, this.urls));
  }

  /** Withdraw (either party): 200 with the revoked endorsement; 400 `already_revoked` the second time. */
  @Delete(':entityId')
  async withdraw(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<EndorsementV2>> {
    const { reason } = parseWith(EndorsementReasonBodySchema, body);
    const revoked = await this.workflow.withdraw(tenantScope(institutionId), id, reason ?? null, origin, access);
    // The Endorsement's own URL answers 410 at once; the endorsed document's list follows its owner (an event later).
    markPublicCacheStale(reply, [cacheTag.endorsement(id)]);
    return successEnvelope(toEndorsementV2(revoked, this.urls));
  }
}
