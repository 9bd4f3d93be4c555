/**
 * OB 2.0 DateTime: ISO 8601 with a mandatory timezone designator. Offsets may be written
 * `+08:00`, `+0800` or `+08` (all accepted by the reference validator). Date.parse is not used
 * because engines disagree on the `+0800` / `+08` forms.
 */
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/i;

/** Milliseconds since the epoch, or undefined when the value is not a zoned ISO 8601 date-time. */
export function parseZonedDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATETIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone, sign, oh = '0', om = '0'] = m;
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
  const check = new Date(utc);
  // Reject impossible dates such as 2023-02-30 that Date.UTC would roll over.
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 60) return undefined;
  if (zone.toUpperCase() === 'Z') return utc;
  const offset = (+oh * 60 + +om) * 60_000;
  return sign === '+' ? utc - offset : utc + offset;
}
