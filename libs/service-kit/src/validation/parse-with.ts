import type { z } from 'zod';

/** Parses a request part with a contract schema; a ZodError becomes a 400 in the filter. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  return schema.parse(value ?? {});
}
