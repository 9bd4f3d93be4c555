import { Body, Controller, Delete, Get, Put, UseGuards } from '@nestjs/common';

import { SsoSettingsBodySchema, successEnvelope, type SsoSettingsV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { parseWith } from '@badges/service-kit';

import { ChangeOrigin } from '../audit/change-origin.decorator';
import { BearerTokenGuard, CurrentCaller } from '../auth/bearer-token.guard';
import type { CallerIdentity } from '../auth/caller';
import { SsoSettingsService } from './sso-settings.service';

/**
 * The institution's single sign-on, for its admins: BearerTokenGuard lets in only the
 * institution's admins and `manage` clients (staff-access.ts, client-scope.ts), reads included,
 * since the settings say who may get in.
 */
@Controller('v2/institutions/self/sso')
@UseGuards(BearerTokenGuard)
export class SsoSettingsController {
  constructor(private readonly sso: SsoSettingsService) {}

  @Get()
  async get(@CurrentCaller() caller: CallerIdentity): Promise<V2SuccessEnvelope<SsoSettingsV2>> {
    return successEnvelope(await this.sso.get(caller.institutionId));
  }

  @Put()
  async put(@CurrentCaller() caller: CallerIdentity, @Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<SsoSettingsV2>> {
    return successEnvelope(await this.sso.put(caller, parseWith(SsoSettingsBodySchema, body), origin));
  }

  @Delete()
  async remove(@CurrentCaller() caller: CallerIdentity, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<SsoSettingsV2>> {
    return successEnvelope(await this.sso.remove(caller, origin));
  }
}
