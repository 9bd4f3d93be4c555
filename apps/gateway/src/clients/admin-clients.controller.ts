import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';

import type { ApiClientV2 } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';

import { ChangeOrigin } from '../audit/change-origin.decorator';
import { AdminTokenGuard } from '../tenancy/admin-token.guard';
import { knownId } from './clients.controller';
import { ClientsService } from './clients.service';

/** The operator revokes any institution's client (a leak reported to the province, say). */
@Controller('admin/clients')
@UseGuards(AdminTokenGuard)
export class AdminClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post(':clientId/revoke')
  @HttpCode(200)
  revoke(@Param('clientId') clientId: string, @ChangeOrigin() origin: EventOrigin): Promise<ApiClientV2> {
    return this.clients.revokeAny(knownId(clientId), origin);
  }
}
