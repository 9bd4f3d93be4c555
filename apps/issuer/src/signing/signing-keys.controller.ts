import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { IssuerRotateSigningKeyBodySchema, successEnvelope, type SigningKeyV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { cacheTag, InstitutionId, InternalTokenGuard, markPublicCacheStale, parseWith, RequestOrigin, requireIssuerAction, StaffIssuerAccess, tenantScope, type IssuerAccess } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { OwnedEntities } from '../common/owned-entities';
import { PublicUrls } from '../common/public-urls';
import { toSigningKeyV2 } from './signing-keys.dto';
import { SigningKeysService } from './signing-keys.service';

/** An issuer's signing keys (signed badges). Tenant-scoped: another institution's issuer is 404. */
@Controller('v2/issuers/:entityId/keys')
@UseGuards(InternalTokenGuard)
export class SigningKeysController {
  constructor(
    private readonly keys: SigningKeysService,
    private readonly owned: OwnedEntities,
    private readonly urls: PublicUrls,
  ) {}

  /** Oldest first; empty until the issuer's first signed badge class, award (2.0 signed or 3.0) or rotation. */
  @Get()
  async list(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) issuerId: string): Promise<V2SuccessEnvelope<SigningKeyV2>> {
    await this.owned.requireIssuer(tenantScope(institutionId), issuerId);
    const keys = await this.keys.list(tenantScope(institutionId), issuerId);
    return successEnvelope(keys.map((key) => toSigningKeyV2(key, this.urls)));
  }

  /** 201 with the issuer's keys after the rotation (the new active key last). */
  @Post('rotate')
  @HttpCode(201)
  async rotate(
    @InstitutionId() institutionId: string,
    @Param('entityId', EntityIdPipe) issuerId: string,
    @Body() body: unknown,
    @RequestOrigin() origin: EventOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
    @StaffIssuerAccess() access: IssuerAccess,
  ): Promise<V2SuccessEnvelope<SigningKeyV2>> {
    requireIssuerAction(access, await this.owned.requireIssuer(tenantScope(institutionId), issuerId), 'manage-issuer');
    const { algorithm } = parseWith(IssuerRotateSigningKeyBodySchema, body);
    const keys = await this.keys.rotate(tenantScope(institutionId), issuerId, origin, algorithm);
    markPublicCacheStale(reply, [cacheTag.issuer(issuerId)]);
    return successEnvelope(keys.map((key) => toSigningKeyV2(key, this.urls)));
  }
}
