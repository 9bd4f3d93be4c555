/**
 * Ours (issue #17): the console's dashboards, per issuer and per badge class.
 *
 * GET /v2/issuers/{id}/stats and GET /v2/badgeclasses/{id}/stats ?bucket=&from=&to= -> 200,
 * one AwardStatsV2: totals over the period and one row per bucket (UTC days, ISO weeks from
 * Monday, or months), empty buckets included. Decision 0040.
 */
import { z } from 'zod';

import { isoDateTimeWithZone } from './common';

export const STATS_BUCKETS = ['day', 'week', 'month'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];
/** The longest series one request may ask for (a year of days, about eight years of weeks). */
export const MAX_STATS_BUCKETS = 400;

export const StatsQuerySchema = z
  .object({
    bucket: z.enum(STATS_BUCKETS, { error: 'Expected day, week or month.' }).default('week').describe('The length of each row of the series (UTC)'),
    from: isoDateTimeWithZone().optional().describe('Start of the period (moved back to the start of its bucket); default: 30 days, 12 weeks or 12 months before `to`'),
    to: isoDateTimeWithZone().optional().describe('End of the period, not included; default: now'),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { error: '`from` must be before `to`.', path: ['to'] });
export type StatsQuery = z.output<typeof StatsQuerySchema>;

const count = z.number().int().min(0);

/** What happened to a badge class's awards (or an issuer's) in one span of time. */
export const AwardCountsV2Schema = z.object({
  awarded: count.describe('Awards made'),
  accepted: count.describe('Awards a learner accepted into their passport for the first time'),
  shared: count.describe('Awards a learner shared for the first time (a public link to the badge, or to a collection holding it)'),
  revoked: count.describe('Awards revoked'),
});
export type AwardCountsV2 = z.output<typeof AwardCountsV2Schema>;

export const AwardStatsV2Schema = z.object({
  bucket: z.enum(STATS_BUCKETS),
  from: z.string().describe('Start of the first bucket (UTC)'),
  to: z.string().describe('End of the period, not included'),
  totals: AwardCountsV2Schema.describe('Counts over the whole period'),
  series: z.array(AwardCountsV2Schema.extend({ start: z.string().describe('Start of this bucket (UTC)') })).describe('One row per bucket, oldest first, empty buckets included'),
});
export type AwardStatsV2 = z.output<typeof AwardStatsV2Schema>;
