import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import {
  BadgeClassCreateBodySchema,
  BadgeClassUpdateBodySchema,
  successEnvelope,
  type BadgeClassV2,
  type V2SuccessEnvelope,
} from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { cacheTag, InstitutionId, InternalTokenGuard, markPublicCacheStale, parseWith, RequestOrigin, requireIssuerAction, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { OwnedEntities } from '../common/owned-entities';
import { PublicUrls } from '../common/public-urls';
import { toBadgeClassV2 } from './badge-classes.mapper';
import { BadgeClassesService } from './badge-classes.service';

@Controller('v2')
@UseGuards(InternalTokenGuard)
export class BadgeClassesController {
  constructor(
    private readonly badgeClasses: BadgeClassesService,
    private readonly owned: OwnedEntities,
    private readonly urls: PublicUrls,
  ) {}

  @Post('issuers/:entityId/badgeclasses')
  @HttpCode(201)
  async create(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) issuerId: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<BadgeClassV2>> {
    requireIssuerAction(access, await this.owned.requireIssuer(tenantScope(institutionId), issuerId), 'edit-badge-classes');
    const badgeClass = await this.badgeClasses.create(tenantScope(institutionId), issuerId, parseWith(BadgeClassCreateBodySchema, body), origin);
    return successEnvelope(toBadgeClassV2(badgeClass, this.urls));
  }

  @Get('issuers/:entityId/badgeclasses')
  async listForIssuer(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) issuerId: string): Promise<V2SuccessEnvelope<BadgeClassV2>> {
    const rows = await this.badgeClasses.listForIssuer(tenantScope(institutionId), issuerId);
    return successEnvelope(rows.map((row) => toBadgeClassV2(row, this.urls)));
  }

  @Get('badgeclasses')
  async list(@InstitutionId() institutionId: string): Promise<V2SuccessEnvelope<BadgeClassV2>> {
    const rows = await this.badgeClasses.list(tenantScope(institutionId));
    return successEnvelope(rows.map((row) => toBadgeClassV2(row, this.urls)));
  }

  @Get('badgeclasses/:entityId')
  async get(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<BadgeClassV2>> {
    return successEnvelope(toBadgeClassV2(await this.badgeClasses.get(tenantScope(institutionId), id), this.urls));
  }

  @Put('badgeclasses/:entityId')
  async update(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<BadgeClassV2>> {
    requireIssuerAction(access, await this.owned.requireBadgeClass(tenantScope(institutionId), id), 'edit-badge-classes');
    const badgeClass = await this.badgeClasses.update(tenantScope(institutionId), id, parseWith(BadgeClassUpdateBodySchema, body), origin);
    markPublicCacheStale(reply, [cacheTag.badgeClass(id)]);
    return successEnvelope(toBadgeClassV2(badgeClass, this.urls));
  }

  @Delete('badgeclasses/:entityId')
  @HttpCode(204)
  async delete(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<void> {
    requireIssuerAction(access, await this.owned.requireBadgeClass(tenantScope(institutionId), id), 'edit-badge-classes');
    await this.badgeClasses.delete(tenantScope(institutionId), id, origin);
    // Its event (badgeclass.deleted) is for the audit trail; this gateway forgets the document now.
    markPublicCacheStale(reply, [cacheTag.badgeClass(id)]);
  }
}
