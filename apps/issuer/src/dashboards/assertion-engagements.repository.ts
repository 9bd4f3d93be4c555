import { Injectable } from '@nestjs/common';

import type { TenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

export type Engagement = 'accepted' | 'shared';

/** The first acceptance and the first share of each of the institution's assertions (AssertionEngagement). */
@Injectable()
export class AssertionEngagementsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  /**
   * Keeps the first time only: the key (assertion, engagement) makes a redelivered event, a badge
   * accepted again after a decline, or shared by a second link, change nothing, so the consumer
   * needs no claim table. The issuer and class come from our own assertion, not the event, and an
   * assertion the institution does not have is ignored (another institution's id counts nowhere).
   */
  async record(scope: TenantScope, assertionId: string, engagement: Engagement, occurredAt: Date): Promise<void> {
    await this.prisma.database.query(
      `INSERT INTO "issuer"."assertion_engagements" ("assertionId", "engagement", "institutionId", "issuerId", "badgeClassId", "occurredAt")
       SELECT "id", $3, "institutionId", "issuerId", "badgeClassId", $4::timestamptz FROM "issuer"."assertions" WHERE "institutionId" = $1 AND "id" = $2
       ON CONFLICT ("assertionId", "engagement") DO NOTHING`,
      [scope.institutionId, assertionId, engagement, occurredAt.toISOString()],
    );
  }
}
