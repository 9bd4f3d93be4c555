/**
 * JSON-LD treats a missing property, null, [] and [null] alike: "no value". The reference
 * validator's required×many×null matrix (test_validation_vectors.json) follows that, except that
 * nulls mixed with real values are an error. Returns undefined for "absent", else the list.
 */
export function presentValues(value: unknown): { values: unknown[]; hasNullInside: boolean } | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return { values: [value], hasNullInside: false };
  const nonNull = value.filter((v) => v !== null && v !== undefined);
  if (nonNull.length === 0) return undefined;
  return { values: nonNull, hasNullInside: nonNull.length !== value.length };
}

/** Normalise a one-or-many JSON-LD value to an array (absent -> []). */
export function asArray<T = unknown>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined) as T[];
}

export type JsonNode = Record<string, unknown>;

export function isJsonNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, log-safe preview of a value for messages (data URIs can be megabytes). */
export function preview(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
