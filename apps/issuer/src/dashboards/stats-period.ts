import { MAX_STATS_BUCKETS, type StatsBucket, type StatsQuery } from '@badges/api-contracts';
import { ApiError } from '@badges/service-kit';

/** A dashboard's span of time: whole UTC buckets from `from`, up to `to` (not included). */
export interface StatsPeriod {
  bucket: StatsBucket;
  from: Date;
  to: Date;
  /** The start of every bucket, oldest first. */
  starts: Date[];
}

/** How far back a period reaches when the caller names no `from`: a screenful of each bucket. */
const DEFAULT_SPAN: Record<StatsBucket, number> = { day: 30, week: 12, month: 12 };

/**
 * The period a query asks for. `from` moves back to the start of its bucket, so that the first
 * row counts a whole day, week or month like the others. A period of more than
 * MAX_STATS_BUCKETS rows is refused rather than cut, so a chart never silently loses its start.
 */
export function statsPeriod(query: StatsQuery, now: Date): StatsPeriod {
  const to = query.to ? new Date(query.to) : now;
  const from = bucketStart(query.bucket, query.from ? new Date(query.from) : step(query.bucket, bucketStart(query.bucket, to), -(DEFAULT_SPAN[query.bucket] - 1)));
  const starts: Date[] = [];
  for (let start = from; start < to; start = step(query.bucket, start, 1)) {
    if (starts.length === MAX_STATS_BUCKETS) {
      throw ApiError.validation(`That period holds more than ${MAX_STATS_BUCKETS} ${query.bucket}s; choose a later \`from\` or a longer bucket.`, 'from');
    }
    starts.push(start);
  }
  return { bucket: query.bucket, from, to, starts };
}

/** The UTC start of the day, ISO week (Monday) or month holding `at`; PostgreSQL's date_trunc agrees. */
export function bucketStart(bucket: StatsBucket, at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (bucket === 'day') return day;
  if (bucket === 'week') return step('day', day, -((day.getUTCDay() + 6) % 7));
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

function step(bucket: StatsBucket, start: Date, count: number): Date {
  if (bucket === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1));
  return new Date(start.getTime() + count * (bucket === 'week' ? 7 : 1) * 86_400_000);
}
