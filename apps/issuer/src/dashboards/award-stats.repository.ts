import { Injectable } from '@nestjs/common';

import type { AwardCountsV2, AwardStatsV2 } from '@badges/api-contracts';
import type { TenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import type { StatsPeriod } from './stats-period';

/** What a dashboard is about: one badge class, or every badge class of one issuer. */
export type StatsSubject = { badgeClassId: string } | { issuerId: string };

type Metric = keyof AwardCountsV2;
const METRICS: readonly Metric[] = ['awarded', 'accepted', 'shared', 'revoked'];
const zero = (): AwardCountsV2 => ({ awarded: 0, accepted: 0, shared: 0, revoked: 0 });

/**
 * Counts for the dashboards, grouped by bucket in the database: awards and revocations from the
 * issuer's own assertions, acceptances and shares from the passport's events (assertion
 * engagements). Each part walks an index on (institution, class or issuer, time), so a view reads
 * index entries of its period only, never the assertions' rows (decision 0040 has the figures).
 */
@Injectable()
export class AwardStatsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async count(scope: TenantScope, subject: StatsSubject, period: StatsPeriod): Promise<AwardStatsV2> {
    // The column is one of two fixed names, never caller text.
    const column = 'badgeClassId' in subject ? '"badgeClassId"' : '"issuerId"';
    const subjectId = 'badgeClassId' in subject ? subject.badgeClassId : subject.issuerId;
    const bucketOf = (time: string) => `to_char(date_trunc($5::text, ${time} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
    const within = (time: string) => `"institutionId" = $1 AND ${column} = $2 AND ${time} >= $3::timestamptz AND ${time} < $4::timestamptz`;
    const rows = await this.prisma.database.query<{ metric: Metric; day: string; n: number }>(
      `SELECT 'awarded' AS "metric", ${bucketOf('"createdAt"')} AS "day", count(*)::int AS "n"
         FROM "issuer"."assertions" WHERE ${within('"createdAt"')} GROUP BY 2
       UNION ALL
       SELECT 'revoked', ${bucketOf('"revokedAt"')}, count(*)::int
         FROM "issuer"."assertions" WHERE ${within('"revokedAt"')} GROUP BY 2
       UNION ALL
       SELECT "engagement", ${bucketOf('"occurredAt"')}, count(*)::int
         FROM "issuer"."assertion_engagements" WHERE ${within('"occurredAt"')} GROUP BY 1, 2`,
      [scope.institutionId, subjectId, period.from.toISOString(), period.to.toISOString(), period.bucket],
    );
    const byDay = new Map(period.starts.map((start) => [start.toISOString().slice(0, 10), { start: start.toISOString(), ...zero() }]));
    const totals = zero();
    for (const row of rows) {
      const bucket = byDay.get(row.day);
      if (!bucket || !METRICS.includes(row.metric)) continue;
      bucket[row.metric] += Number(row.n);
      totals[row.metric] += Number(row.n);
    }
    return { bucket: period.bucket, from: period.from.toISOString(), to: period.to.toISOString(), totals, series: [...byDay.values()] };
  }
}
