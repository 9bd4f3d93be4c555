import { StatsQuerySchema } from '@badges/api-contracts';
import { ApiError } from '@badges/service-kit';

import { bucketStart, statsPeriod } from './stats-period';

const query = (raw: Record<string, string>) => StatsQuerySchema.parse(raw);
const iso = (dates: Date[]) => dates.map((date) => date.toISOString().slice(0, 10));
const now = new Date('2026-12-06T15:30:00Z'); // a Sunday

describe('statsPeriod', () => {
  it('starts buckets on UTC days, Mondays and first days of the month, as date_trunc does', () => {
    expect(bucketStart('day', now).toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(bucketStart('week', now).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(bucketStart('week', new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(bucketStart('month', now).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('defaults to a screenful of buckets that ends now', () => {
    const weeks = statsPeriod(query({}), now);
    expect([weeks.bucket, weeks.starts.length, iso(weeks.starts).at(0), iso(weeks.starts).at(-1), weeks.to]).toEqual(['week', 12, '2026-09-14', '2026-11-30', now]);
    expect(statsPeriod(query({ bucket: 'day' }), now).starts.length).toBe(30);
    expect(iso(statsPeriod(query({ bucket: 'month' }), now).starts)).toEqual([
      '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01',
    ]);
  });

  it('moves `from` back to its bucket’s start and stops before `to`', () => {
    const period = statsPeriod(query({ bucket: 'day', from: '2026-03-01T12:00:00+05:00', to: '2026-03-03T00:00:00Z' }), now);
    expect([period.from.toISOString(), iso(period.starts)]).toEqual(['2026-03-01T00:00:00.000Z', ['2026-03-01', '2026-03-02']]);
  });

  it('refuses a period longer than the series may be, naming `from`', () => {
    expect(() => statsPeriod(query({ bucket: 'day', from: '2020-01-01T00:00:00Z' }), now)).toThrow(ApiError);
    expect(statsPeriod(query({ bucket: 'week', from: '2020-01-01T00:00:00Z' }), now).starts.length).toBeGreaterThan(300);
  });
});
