import { z } from 'zod';

/**
 * What an edit changed, field by field: `{name: {before: 'Welding', after: 'Welding I'}}`. Only
 * fields whose value differs are listed; `before` is absent for a field that was set for the
 * first time by a creation, `after` for one a deletion removed. Values are JSON (a date is its
 * ISO string). Never a secret, nor an image's bytes: those are named by what stands for them.
 */
export const fieldChangesSchema = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a field name'),
  z.object({ before: z.json().optional(), after: z.json().optional() }),
);
export type FieldChanges = z.output<typeof fieldChangesSchema>;

type Comparable = Record<string, unknown>;

/** A value as events carry it: dates as ISO strings, undefined as null, the rest as JSON reads it back. */
function jsonValue(value: unknown): z.core.util.JSONType {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as z.core.util.JSONType;
}

/** The `fields` whose value differs between `before` and `after` (compared as JSON), with both values. */
export function fieldChanges<T extends Comparable>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const was = jsonValue(before[field]);
    const now = jsonValue(after[field]);
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[field] = { before: was, after: now };
  }
  return changes;
}
