import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';

import {
  CreateInstitutionBodySchema,
  RenameInstitutionBodySchema,
  SuspendInstitutionBodySchema,
  type AdminApiClientCredentials,
  type AdminInstitution,
  type AdminInstitutionCreated,
  type AdminInstitutionList,
} from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { isEntityId } from '@badges/persistence';
import { ApiError, parseWith } from '@badges/service-kit';

import { ChangeOrigin } from '../audit/change-origin.decorator';
import { toApiClientV2 } from '../clients/clients.mapper';
import { AdminTokenGuard } from './admin-token.guard';
import { toAdminCounts, toAdminInstitution } from './admin-institutions.mapper';
import { InstitutionsService } from './institutions.service';
import { IssuerCountsClient } from './issuer-counts.client';

/** The province operator (ours, not Badgr): tenants, their status and their API clients. */
@Controller('admin/institutions')
@UseGuards(AdminTokenGuard)
export class AdminController {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly issuerCounts: IssuerCountsClient,
  ) {}

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<AdminInstitutionCreated> {
    const { name } = parseWith(CreateInstitutionBodySchema, body);
    return this.institutions.create(name, origin);
  }

  @Get()
  async list(): Promise<AdminInstitutionList> {
    const [institutions, issuerCounts] = await Promise.all([this.institutions.list(), this.issuerCounts.byInstitution()]);
    return {
      institutions: institutions.map((institution) => ({
        ...toAdminInstitution(institution),
        counts: toAdminCounts(institution, issuerCounts),
        clients: institution.clients.map(toApiClientV2),
      })),
    };
  }

  @Patch(':id')
  async rename(@Param('id') id: string, @Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<AdminInstitution> {
    requireInstitutionId(id);
    const { name } = parseWith(RenameInstitutionBodySchema, body);
    return toAdminInstitution(await this.institutions.rename(id, name, origin));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  async suspend(@Param('id') id: string, @Body() body: unknown, @ChangeOrigin() origin: EventOrigin): Promise<AdminInstitution> {
    requireInstitutionId(id);
    // The reason is optional, and so is the body that carries it.
    const { reason } = parseWith(SuspendInstitutionBodySchema, body ?? {});
    return toAdminInstitution(await this.institutions.suspend(id, reason || null, origin));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  async reactivate(@Param('id') id: string, @ChangeOrigin() origin: EventOrigin): Promise<AdminInstitution> {
    requireInstitutionId(id);
    return toAdminInstitution(await this.institutions.reactivate(id, origin));
  }

  @Post(':id/clients')
  @HttpCode(201)
  addClient(@Param('id') id: string, @ChangeOrigin() origin: EventOrigin): Promise<AdminApiClientCredentials> {
    requireInstitutionId(id);
    return this.institutions.addClient(id, origin);
  }
}

/** An id that cannot be an institution's is as unknown as one that is not. */
function requireInstitutionId(id: string): void {
  if (!isEntityId(id)) throw ApiError.notFound('institution');
}
