import type { z } from 'zod';

import { parseRequest } from '@badges/api-contracts';

/**
 * Parses a request part with its contract schema (api-contracts' `parseRequest`, Badgr's wording).
 * A failure is thrown as its ZodError, which the filter renders with the same `validationErrorEnvelope`.
 */
export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = parseRequest(schema, value);
  if (!parsed.success) throw parsed.zodError;
  return parsed.data;
}
