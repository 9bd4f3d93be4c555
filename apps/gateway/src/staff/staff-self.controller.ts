import { Body, Controller, Get, Header, HttpCode, Post, UseGuards } from '@nestjs/common';

import {
  StaffInvitationAcceptBodySchema,
  StaffPasswordResetBodySchema,
  StaffPasswordResetConfirmBodySchema,
  successEnvelope,
  type StaffMemberV2,
  type V2SuccessEnvelope,
} from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { ApiError, ErrorCode, parseWith } from '@badges/service-kit';

import { ChangeOrigin } from '../audit/change-origin.decorator';
import { BearerTokenGuard, CurrentCaller } from '../auth/bearer-token.guard';
import { isStaff, type CallerIdentity } from '../auth/caller';
import { StaffSelfService } from './staff-self.service';

/**
 * What a person does for themselves. Accepting an invitation and resetting a password are
 * anonymous (the emailed link's token proves the person) and rate limited per IP and per token or
 * address (rate-limits/rate-limit-rules.ts); reading oneself needs the person's own token.
 */
@Controller('v2/staff')
export class StaffSelfController {
  constructor(private readonly self: StaffSelfService) {}

  @Get('self')
  @UseGuards(BearerTokenGuard)
  async whoAmI(@CurrentCaller() caller: CallerIdentity): Promise<V2SuccessEnvelope<StaffMemberV2>> {
    if (!isStaff(caller)) throw new ApiError(403, ErrorCode.Forbidden, 'This is a person’s route: an API client is no staff member. GET /v2/institutions/self says which institution a client belongs to.');
    return successEnvelope(await this.self.self(caller));
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async accept(@Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<StaffMemberV2>> {
    return successEnvelope(await this.self.acceptInvitation(parseWith(StaffInvitationAcceptBodySchema, body), origin));
  }

  /** Always 202 with an empty result: whether the address has an account is nobody's business. */
  @Post('password-reset')
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  requestReset(@Body() body: unknown, @ChangeOrigin() origin: EventOrigin): V2SuccessEnvelope<never> {
    this.self.requestPasswordReset(parseWith(StaffPasswordResetBodySchema, body).email, origin.correlationId);
    return successEnvelope([]);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  async confirmReset(@Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<void> {
    await this.self.confirmPasswordReset(parseWith(StaffPasswordResetConfirmBodySchema, body), origin);
  }
}
