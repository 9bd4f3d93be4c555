import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';

import { CreateInstitutionBodySchema, type AdminApiClientCredentials, type AdminInstitutionCreated, type AdminInstitutionList } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { isEntityId } from '@badges/persistence';
import { ApiError, parseWith } from '@badges/service-kit';

import { ChangeOrigin } from '../audit/change-origin.decorator';
import { toApiClientV2 } from '../clients/clients.mapper';
import { AdminTokenGuard } from './admin-token.guard';
import { InstitutionsService } from './institutions.service';

/** Operator bootstrap (ours, not Badgr): tenants and their API clients. */
@Controller('admin/institutions')
@UseGuards(AdminTokenGuard)
export class AdminController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<AdminInstitutionCreated> {
    const { name } = parseWith(CreateInstitutionBodySchema, body);
    return this.institutions.create(name, origin);
  }

  @Get()
  async list(): Promise<AdminInstitutionList> {
    const institutions = await this.institutions.list();
    return {
      institutions: institutions.map((institution) => ({
        ...institution,
        createdAt: institution.createdAt.toISOString(),
        clients: institution.clients.map(toApiClientV2),
      })),
    };
  }

  @Post(':id/clients')
  @HttpCode(201)
  addClient(@Param('id') id: string, @ChangeOrigin() origin: EventOrigin): Promise<AdminApiClientCredentials> {
    if (!isEntityId(id)) throw ApiError.notFound('institution');
    return this.institutions.addClient(id, origin);
  }
}
