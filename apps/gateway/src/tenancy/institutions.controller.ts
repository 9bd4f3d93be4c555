import { Controller, Get, UseGuards } from '@nestjs/common';

import { successEnvelope, type InstitutionV2, type V2SuccessEnvelope } from '@badges/api-contracts';

import { BearerTokenGuard, CurrentCaller } from '../auth/bearer-token.guard';
import type { CallerIdentity } from '../auth/caller';
import { InstitutionsService } from './institutions.service';

@Controller('v2/institutions')
@UseGuards(BearerTokenGuard)
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  /** Who am I: the institution the calling client or person belongs to. */
  @Get('self')
  async self(@CurrentCaller() client: CallerIdentity): Promise<V2SuccessEnvelope<InstitutionV2>> {
    return successEnvelope(await this.institutions.self(client.institutionId));
  }
}
