import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';

import { StatsQuerySchema, successEnvelope, type AwardStatsV2, type V2SuccessEnvelope } from '@badges/api-contracts';
import { InstitutionId, InternalTokenGuard, parseWith, tenantScope } from '@badges/service-kit';

import { EntityIdPipe } from '../common/entity-id.pipe';
import { OwnedEntities } from '../common/owned-entities';
import { AwardStatsRepository } from './award-stats.repository';
import { statsPeriod } from './stats-period';

/**
 * Ours (issue #17): the console's dashboards. Reads, like the awards list: anyone of the
 * institution may see them; another institution's id is a 404 before the query is even parsed.
 */
@Controller('v2')
@UseGuards(InternalTokenGuard)
export class DashboardsController {
  constructor(private readonly owned: OwnedEntities, private readonly stats: AwardStatsRepository) {}

  @Get('issuers/:entityId/stats')
  async forIssuer(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) issuerId: string, @Query() query: unknown): Promise<V2SuccessEnvelope<AwardStatsV2>> {
    const scope = tenantScope(institutionId);
    await this.owned.requireIssuer(scope, issuerId);
    return successEnvelope(await this.stats.count(scope, { issuerId }, statsPeriod(parseWith(StatsQuerySchema, query), new Date())));
  }

  @Get('badgeclasses/:entityId/stats')
  async forBadgeClass(@InstitutionId() institutionId: string, @Param('entityId', EntityIdPipe) badgeClassId: string, @Query() query: unknown): Promise<V2SuccessEnvelope<AwardStatsV2>> {
    const scope = tenantScope(institutionId);
    await this.owned.requireBadgeClass(scope, badgeClassId);
    return successEnvelope(await this.stats.count(scope, { badgeClassId }, statsPeriod(parseWith(StatsQuerySchema, query), new Date())));
  }
}
