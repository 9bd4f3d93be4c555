import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';

import { ApiClientCreateBodySchema, successEnvelope, type ApiClientCredentialsV2, type ApiClientV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { isEntityId } from '@badges/persistence';
import { ApiError, parseWith } from '@badges/service-kit';

import { ChangeOrigin } from '../audit/change-origin.decorator';
import { BearerTokenGuard, CurrentCaller } from '../auth/bearer-token.guard';
import type { CallerIdentity } from '../auth/caller';
import { ClientsService } from './clients.service';

/**
 * The institution's own API clients (ours; Badgr has none). BearerTokenGuard lets in only `manage`
 * client tokens and the institution's admins (staff-access.ts).
 * Revocation is a POST, not a DELETE: the client stays listed, with its `revokedAt`.
 */
@Controller('v2/clients')
@UseGuards(BearerTokenGuard)
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  async list(@CurrentCaller() caller: CallerIdentity): Promise<V2SuccessEnvelope<ApiClientV2>> {
    return successEnvelope(await this.clients.list(caller.institutionId));
  }

  @Post()
  @HttpCode(201)
  async create(@CurrentCaller() caller: CallerIdentity, @Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<ApiClientCredentialsV2>> {
    return successEnvelope(await this.clients.create(caller.institutionId, parseWith(ApiClientCreateBodySchema, body), origin));
  }

  @Post(':clientId/rotate')
  @HttpCode(200)
  async rotate(@CurrentCaller() caller: CallerIdentity, @Param('clientId') clientId: string, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<ApiClientCredentialsV2>> {
    return successEnvelope(await this.clients.rotate(caller.institutionId, knownId(clientId), origin));
  }

  @Post(':clientId/revoke')
  @HttpCode(200)
  async revoke(@CurrentCaller() caller: CallerIdentity, @Param('clientId') clientId: string, @ChangeOrigin() origin: EventOrigin): Promise<V2SuccessEnvelope<ApiClientV2>> {
    return successEnvelope(await this.clients.revoke(caller.institutionId, knownId(clientId), origin));
  }
}

/** A client id as ids are made (newEntityId), or 404 before any database read. */
export function knownId(clientId: string): string {
  if (!isEntityId(clientId)) throw ApiError.notFound('API client');
  return clientId;
}
