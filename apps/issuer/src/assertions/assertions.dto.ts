import { z } from 'zod';

import { AssertionListQuerySchema } from '@badges/api-contracts';
import { decodeKeysetCursor, encodeKeysetCursor } from '@badges/service-kit';

import type { AssertionCursor } from './assertions.repository';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/**
 * The contract's list query, with our page size bounds (default 100, max 1000) and an opaque
 * keyset `cursor` (Badgr paginates with a cursor too; clients follow `pagination.nextResults`).
 */
export const AssertionListQueryWithCursorSchema = AssertionListQuerySchema.extend({
  num: z.coerce
    .number({ error: 'A valid integer is required.' })
    .int({ error: 'A valid integer is required.' })
    .min(1, { error: 'Ensure this value is greater than or equal to 1.' })
    .max(MAX_PAGE_SIZE, { error: `Ensure this value is less than or equal to ${MAX_PAGE_SIZE}.` })
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
});
export type AssertionListQueryWithCursor = z.output<typeof AssertionListQueryWithCursorSchema>;

export function encodeCursor(cursor: AssertionCursor): string {
  return encodeKeysetCursor({ at: cursor.createdAt, id: cursor.id });
}

/** Undefined when the cursor was not made by encodeCursor (the caller answers 400). */
export function decodeCursor(value: string): AssertionCursor | undefined {
  const cursor = decodeKeysetCursor(value);
  return cursor && { createdAt: cursor.at, id: cursor.id };
}

export function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}
