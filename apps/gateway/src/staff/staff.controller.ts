import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';

import {
  StaffInviteBodySchema,
  StaffRolesBodySchema,
  successEnvelope,
  type IssuerStaffV2,
  type StaffMemberV2,
  type StaffSessionsRevokedV2,
  type V2SuccessEnvelope,
} from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { isEntityId } from '@badges/persistence';
import { ApiError, parseWith } from '@badges/service-kit';

import { ChangeOrigin } from '../audit/change-origin.decorator';
import { BearerTokenGuard, CurrentCaller } from '../auth/bearer-token.guard';
import type { CallerIdentity } from '../auth/caller';
import { StaffService } from './staff.service';

/**
 * The institution's people, for its admins: BearerTokenGuard lets in only the institution's admins
 * and `manage` clients (staff-access.ts, client-scope.ts).
 */
@Controller('v2/staff')
@UseGuards(BearerTokenGuard)
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  async list(@CurrentCaller() caller: CallerIdentity): Promise<V2SuccessEnvelope<StaffMemberV2>> {
    return successEnvelope(await this.staff.list(caller.institutionId));
  }

  @Post()
  @HttpCode(201)
  async invite(@CurrentCaller() caller: CallerIdentity, @Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<StaffMemberV2>> {
    return successEnvelope(await this.staff.invite(caller, parseWith(StaffInviteBodySchema, body), origin));
  }

  @Put(':staffId')
  async updateRoles(
    @CurrentCaller() caller: CallerIdentity,
    @Param('staffId') staffId: string,
    @Body() body: unknown,
    @ChangeOrigin() origin: EventOrigin,
  ): Promise<V2SuccessEnvelope<StaffMemberV2>> {
    return successEnvelope(await this.staff.updateRoles(caller, knownStaffId(staffId), parseWith(StaffRolesBodySchema, body), origin));
  }

  @Delete(':staffId')
  async remove(@CurrentCaller() caller: CallerIdentity, @Param('staffId') staffId: string, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<StaffMemberV2>> {
    return successEnvelope(await this.staff.remove(caller, knownStaffId(staffId), origin));
  }

  @Post(':staffId/sessions/revoke')
  @HttpCode(200)
  async revokeSessions(@CurrentCaller() caller: CallerIdentity, @Param('staffId') staffId: string, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<StaffSessionsRevokedV2>> {
    return successEnvelope(await this.staff.revokeSessions(caller, knownStaffId(staffId), origin));
  }
}

/**
 * Badgr's issuer staff list, served by the gateway (which keeps people) on a path more specific
 * than the forwarded `/v2/issuers/*`, so Fastify's router picks it; any caller that may read the
 * issuer may read it.
 */
@Controller('v2/issuers')
@UseGuards(BearerTokenGuard)
export class IssuerStaffController {
  constructor(private readonly staff: StaffService) {}

  @Get(':entityId/staff')
  async list(@CurrentCaller() caller: CallerIdentity, @Param('entityId') entityId: string, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<IssuerStaffV2>> {
    if (!isEntityId(entityId)) throw ApiError.notFound('issuer');
    return successEnvelope(await this.staff.issuerStaff(caller, entityId, origin));
  }
}

/** A staff id as ids are made (newEntityId), or 404 before any database read. */
function knownStaffId(staffId: string): string {
  if (!isEntityId(staffId)) throw ApiError.notFound('staff member');
  return staffId;
}
