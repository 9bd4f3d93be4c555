const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^\d+$/;

/**
 * 1.x allowed Unix timestamps (seconds) and bare dates; 2.0 wants ISO 8601 date-times with a
 * timezone. Both old forms are in UTC by definition, so the conversion is lossless. Anything
 * else is left untouched for validation to judge.
 */
export function normalizeLegacyDate(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString().replace('.000Z', 'Z');
  if (typeof value !== 'string') return value;
  if (DATE_ONLY.test(value)) return `${value}T00:00:00Z`;
  if (DIGITS.test(value)) return normalizeLegacyDate(Number(value));
  return value;
}
