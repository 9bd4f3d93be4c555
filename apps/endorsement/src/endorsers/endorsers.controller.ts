import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';

import {
  ENDORSER_LANGUAGES,
  EndorserProfileBodySchema,
  successEnvelope,
  type EndorserLanguage,
  type EndorserProfileV2,
  type PublishedEndorserV2,
  type V2SuccessEnvelope,
} from '@badges/api-contracts';
import { ApiError, CallerLanguage, InstitutionId, InternalTokenGuard, parseWith, tenantScope } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import { toEndorserProfileV2, toPublishedEndorserV2 } from './endorsers.mapper';
import { EndorsersRepository } from './endorsers.repository';

/** The caller's own endorser Profile; an institution needs one before it can approve. */
@Controller('v2/endorsers')
@UseGuards(InternalTokenGuard)
export class EndorsersController {
  constructor(private readonly endorsers: EndorsersRepository, private readonly urls: PublicUrls) {}

  /**
   * The published Profiles of every other institution: a requester picks its endorser here, and a
   * request names the endorser by its institution id (which is why that id is part of each entry).
   */
  @Get()
  async list(@InstitutionId() institutionId: string): Promise<V2SuccessEnvelope<PublishedEndorserV2>> {
    const profiles = await this.endorsers.listOthers(tenantScope(institutionId));
    return successEnvelope(profiles.map((profile) => toPublishedEndorserV2(profile, this.urls)));
  }

  @Get('self')
  async self(@InstitutionId() institutionId: string): Promise<V2SuccessEnvelope<EndorserProfileV2>> {
    const profile = await this.endorsers.findOwn(tenantScope(institutionId));
    if (!profile) throw ApiError.notFound('endorser profile');
    return successEnvelope(toEndorserProfileV2(profile, this.urls));
  }

  /** A new Profile without `language` takes the caller's (decision 0047), else English. */
  @Put('self')
  async put(
    @InstitutionId() institutionId: string,
    @Body() body: unknown,
    @CallerLanguage(ENDORSER_LANGUAGES) callerLanguage: EndorserLanguage | undefined,
  ): Promise<V2SuccessEnvelope<EndorserProfileV2>> {
    const profile = await this.endorsers.upsert(tenantScope(institutionId), parseWith(EndorserProfileBodySchema, body), callerLanguage ?? 'en');
    return successEnvelope(toEndorserProfileV2(profile, this.urls));
  }
}
