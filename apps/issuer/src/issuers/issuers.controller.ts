import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { IssuerCreateBodySchema, IssuerQuerySchema, IssuerUpdateBodySchema, successEnvelope, type IssuerV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { cacheTag, InstitutionId, InternalTokenGuard, markPublicCacheStale, mayReadIssuer, parseWith, RequestOrigin, requireIssuerAction, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { OwnedEntities } from '../common/owned-entities';
import { PublicUrls } from '../common/public-urls';
import { IssuerStaffRepository, type StaffByIssuer } from '../issuer-staff/issuer-staff.repository';
import { toIssuerV2 } from './issuers.mapper';
import { IssuersService } from './issuers.service';

@Controller('v2/issuers')
@UseGuards(InternalTokenGuard)
export class IssuersController {
  constructor(
    private readonly issuers: IssuersService,
    private readonly owned: OwnedEntities,
    private readonly urls: PublicUrls,
    private readonly staff: IssuerStaffRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@InstitutionId() institutionId: string, @Body() body: unknown, @RequestOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<IssuerV2>> {
    const issuer = await this.issuers.create(tenantScope(institutionId), parseWith(IssuerCreateBodySchema, body), origin);
    return successEnvelope(toIssuerV2(issuer, this.urls));
  }

  /** As Badgr's issuer list: a person sees the issuers they have a role on (an admin, all of them). */
  @Get()
  async list(@InstitutionId() institutionId: string, @StaffIssuerAccess() access: IssuerAccess, @Query() query: unknown): Promise<V2SuccessEnvelope<IssuerV2>> {
    const [issuers, staff] = await Promise.all([this.issuers.list(tenantScope(institutionId)), this.staffOf(institutionId, query)]);
    return successEnvelope(issuers.filter((issuer) => mayReadIssuer(access, issuer.id)).map((issuer) => toIssuerV2(issuer, this.urls, staff.get(issuer.id))));
  }

  @Get(':entityId')
  async get(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string, @Query() query: unknown): Promise<V2SuccessEnvelope<IssuerV2>> {
    const [issuer, staff] = await Promise.all([this.issuers.get(tenantScope(institutionId), id), this.staffOf(institutionId, query)]);
    return successEnvelope(toIssuerV2(issuer, this.urls, staff.get(id)));
  }

  @Put(':entityId')
  async update(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<IssuerV2>> {
    requireIssuerAction(access, await this.owned.requireIssuer(tenantScope(institutionId), id), 'manage-issuer');
    const issuer = await this.issuers.update(tenantScope(institutionId), id, parseWith(IssuerUpdateBodySchema, body), origin);
    markPublicCacheStale(reply, [cacheTag.issuer(id)]);
    return successEnvelope(toIssuerV2(issuer, this.urls, (await this.staff.byIssuer(tenantScope(institutionId))).get(id)));
  }

  /** 204 without a body, as Badgr. */
  @Delete(':entityId')
  @HttpCode(204)
  async delete(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<void> {
    requireIssuerAction(access, await this.owned.requireIssuer(tenantScope(institutionId), id), 'manage-issuer');
    await this.issuers.delete(tenantScope(institutionId), id, origin);
    markPublicCacheStale(reply, [cacheTag.issuer(id)]);
  }

  /** Badgr's `include_staff=false` (the console's lists ask so) skips the lookup. */
  private async staffOf(institutionId: string, query: unknown): Promise<StaffByIssuer> {
    const { include_staff: include } = parseWith(IssuerQuerySchema, query);
    return include === 'false' || include === '0' ? new Map() : this.staff.byIssuer(tenantScope(institutionId));
  }
}
