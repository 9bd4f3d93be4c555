const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A Badgr time (`2020-03-02T14:11:52.381204Z` from the API, `+00:00` in public documents) as an
 * ISO instant in UTC with milliseconds, or null when it is not a real date and time with a zone.
 * Strict on purpose: `Date.parse` would roll 2019-02-30 over into March.
 */
export function badgrInstant(value: string): string | null {
  const match = ISO_WITH_ZONE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    calendar.getUTCHours() === hour &&
    calendar.getUTCMinutes() === minute;
  if (!real || second > 59) return null;
  return new Date(value.trim()).toISOString();
}
