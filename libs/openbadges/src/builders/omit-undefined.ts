/**
 * Drop keys whose value is undefined (and empty arrays), so published JSON-LD never carries
 * `"expires": null`-style noise that validators would read as an invalid value.
 */
export function omitUndefined<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as T;
}
