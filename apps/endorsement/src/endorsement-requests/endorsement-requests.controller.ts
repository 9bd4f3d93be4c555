import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';

import {
  ENDORSER_LANGUAGES,
  EndorsementApproveBodySchema,
  EndorsementReasonBodySchema,
  EndorsementRequestCreateBodySchema,
  EndorsementRoleQuerySchema,
  successEnvelope,
  type EndorsementRequestV2,
  type EndorsementV2,
  type EndorserLanguage,
  type V2SuccessEnvelope,
} from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { ApiError, CallerLanguage, InstitutionId, InternalTokenGuard, parseWith, RequestOrigin, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { PublicUrls } from '../common/public-urls';
import { toEndorsementV2 } from '../endorsements/endorsements.mapper';
import { EndorsementPrismaService } from '../prisma/endorsement-prisma.service';
import { toEndorsementRequestV2 } from './endorsement-requests.mapper';
import { EndorsementRequestsRepository } from './endorsement-requests.repository';
import { EndorsementWorkflow } from './endorsement-workflow.usecase';

@Controller('v2/endorsement-requests')
@UseGuards(InternalTokenGuard)
export class EndorsementRequestsController {
  constructor(
    private readonly workflow: EndorsementWorkflow,
    private readonly requests: EndorsementRequestsRepository,
    private readonly prisma: EndorsementPrismaService,
    private readonly urls: PublicUrls,
  ) {}

  /** The asker's language (decision 0047) is the one the answer's emails to the requester are written in. */
  @Post()
  @HttpCode(201)
  async create(
    @InstitutionId() institutionId: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @StaffIssuerAccess() access: IssuerAccess,
    @CallerLanguage(ENDORSER_LANGUAGES) callerLanguage: EndorserLanguage | undefined,
  ): Promise<V2SuccessEnvelope<EndorsementRequestV2>> {
    const asked = { ...parseWith(EndorsementRequestCreateBodySchema, body), requesterLanguage: callerLanguage ?? 'en' };
    const request = await this.workflow.request(tenantScope(institutionId), asked, origin, access);
    return successEnvelope(toEndorsementRequestV2(request));
  }

  /** `role=requester` (default): the requests the caller made; `role=endorser`: those it received. */
  @Get()
  async list(@InstitutionId() institutionId: string, @Query() query: unknown): Promise<V2SuccessEnvelope<EndorsementRequestV2>> {
    const { role } = parseWith(EndorsementRoleQuerySchema, query);
    const rows = await this.requests.list(tenantScope(institutionId), role);
    const links = await this.endorsementIds(rows.map((row) => row.id));
    return successEnvelope(rows.map((row) => toEndorsementRequestV2(row, links.get(row.id) ?? null)));
  }

  @Get(':entityId')
  async get(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<EndorsementRequestV2>> {
    const request = await this.requests.find(tenantScope(institutionId), id);
    if (!request) throw ApiError.notFound('endorsement request');
    const links = await this.endorsementIds([request.id]);
    return successEnvelope(toEndorsementRequestV2(request, links.get(request.id) ?? null));
  }

  /** 201 with the Endorsement; its `openBadgeId` is the public URL of the OB 2.0 document. */
  @Post(':entityId/approve')
  @HttpCode(201)
  async approve(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<EndorsementV2>> {
    const { comment } = parseWith(EndorsementApproveBodySchema, body);
    const endorsement = await this.workflow.approve(tenantScope(institutionId), id, comment ?? null, origin, access);
    return successEnvelope(toEndorsementV2(endorsement, this.urls));
  }

  @Post(':entityId/decline')
  @HttpCode(200)
  async decline(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<EndorsementRequestV2>> {
    const { reason } = parseWith(EndorsementReasonBodySchema, body);
    return successEnvelope(toEndorsementRequestV2(await this.workflow.decline(tenantScope(institutionId), id, reason || null, origin, access)));
  }

  private async endorsementIds(requestIds: string[]): Promise<Map<string, string>> {
    if (requestIds.length === 0) return new Map();
    const rows = await this.prisma.endorsement.findMany({ where: { requestId: { in: requestIds } }, select: { id: true, requestId: true } });
    return new Map(rows.map((row) => [row.requestId, row.id]));
  }
}
