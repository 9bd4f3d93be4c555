import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';

import { RotateSigningKeyBodySchema, successEnvelope, type EndorserSigningKeyV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InstitutionId, InternalTokenGuard, parseWith, tenantScope } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import { toEndorserSigningKeyV2 } from './endorser-keys.mapper';
import { EndorserKeysService } from './endorser-keys.service';

/** The caller's own endorser signing keys (signed verification). */
@Controller('v2/endorsers/self/keys')
@UseGuards(InternalTokenGuard)
export class EndorserKeysController {
  constructor(private readonly keys: EndorserKeysService, private readonly urls: PublicUrls) {}

  /** Oldest first; empty until the first signed approval or rotation. */
  @Get()
  async list(@InstitutionId() institutionId: string): Promise<V2SuccessEnvelope<EndorserSigningKeyV2>> {
    const keys = await this.keys.list(tenantScope(institutionId));
    return successEnvelope(keys.map((key) => toEndorserSigningKeyV2(key, this.urls)));
  }

  /** 201 with the keys after the rotation (the new active key last); 404 before PUT /v2/endorsers/self. */
  @Post('rotate')
  @HttpCode(201)
  async rotate(@InstitutionId() institutionId: string, @Body() body: unknown): Promise<V2SuccessEnvelope<EndorserSigningKeyV2>> {
    const { algorithm } = parseWith(RotateSigningKeyBodySchema, body);
    const keys = await this.keys.rotate(tenantScope(institutionId), algorithm);
    return successEnvelope(keys.map((key) => toEndorserSigningKeyV2(key, this.urls)));
  }
}
