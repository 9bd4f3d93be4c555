import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { IssuerCreateBodySchema, IssuerUpdateBodySchema, successEnvelope, type IssuerV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { cacheTag, InstitutionId, InternalTokenGuard, markPublicCacheStale, parseWith, RequestOrigin, tenantScope } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { OwnedEntities } from '../common/owned-entities';
import { PublicUrls } from '../common/public-urls';
import { toIssuerV2 } from './issuers.mapper';
import { IssuersService } from './issuers.service';

@Controller('v2/issuers')
@UseGuards(InternalTokenGuard)
export class IssuersController {
  constructor(
    private readonly issuers: IssuersService,
    private readonly owned: OwnedEntities,
    private readonly urls: PublicUrls,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@InstitutionId() institutionId: string, @Body() body: unknown, @RequestOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<IssuerV2>> {
    const issuer = await this.issuers.create(tenantScope(institutionId), parseWith(IssuerCreateBodySchema, body), origin);
    return successEnvelope(toIssuerV2(issuer, this.urls));
  }

  @Get()
  async list(@InstitutionId() institutionId: string): Promise<V2SuccessEnvelope<IssuerV2>> {
    const issuers = await this.issuers.list(tenantScope(institutionId));
    return successEnvelope(issuers.map((issuer) => toIssuerV2(issuer, this.urls)));
  }

  @Get(':entityId')
  async get(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) id: string): Promise<V2SuccessEnvelope<IssuerV2>> {
    return successEnvelope(toIssuerV2(await this.issuers.get(tenantScope(institutionId), id), this.urls));
  }

  @Put(':entityId')
  async update(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<V2SuccessEnvelope<IssuerV2>> {
    await this.owned.requireIssuer(tenantScope(institutionId), id);
    const issuer = await this.issuers.update(tenantScope(institutionId), id, parseWith(IssuerUpdateBodySchema, body), origin);
    markPublicCacheStale(reply, [cacheTag.issuer(id)]);
    return successEnvelope(toIssuerV2(issuer, this.urls));
  }

  /** 204 without a body, as Badgr. */
  @Delete(':entityId')
  @HttpCode(204)
  async delete(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) id: string,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.issuers.delete(tenantScope(institutionId), id, origin);
    markPublicCacheStale(reply, [cacheTag.issuer(id)]);
  }
}
