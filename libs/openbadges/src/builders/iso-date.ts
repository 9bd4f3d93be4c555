const HAS_TIMEZONE = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Render a date as ISO 8601 UTC with `Z`, which OB 2.0 requires (a DateTime must carry a
 * timezone) and which keeps published documents byte-stable whatever the server's TZ.
 *
 * A string date-time without a timezone is refused rather than guessed: reading it in the
 * server's local zone would silently shift issue dates. A bare date (`2024-05-01`) is taken as
 * UTC midnight, which is what ECMAScript and Badgr clients mean by it.
 */
export function toIsoUtc(value: string | Date, field = 'date'): string {
  if (typeof value === 'string' && !DATE_ONLY.test(value) && !HAS_TIMEZONE.test(value.trim())) {
    throw new RangeError(`${field} "${value}" has no timezone; give it as UTC (…Z) or with an offset.`);
  }
  const date = typeof value === 'string' ? new Date(value.trim()) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`${field} "${String(value)}" is not a valid date.`);
  // Whole seconds are the norm in badge documents; keep milliseconds only when they carry data.
  return date.toISOString().replace('.000Z', 'Z');
}
