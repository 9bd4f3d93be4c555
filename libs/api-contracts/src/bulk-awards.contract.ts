/**
 * Bulk awards (issuer service; ours). docs/api.md "Bulk awards":
 *
 * POST /v2/badgeclasses/{id}/bulk-awards  -> 202 (new) or 200 (same Idempotency-Key), [BulkAwardJobV2]
 * GET  /v2/bulk-awards/{jobId}            -> 200, [BulkAwardJobDetailV2]
 * GET  /v2/bulk-awards/{jobId}/events     -> text/event-stream of BulkAwardProgress: `progress`, then `complete`
 */
import { z } from 'zod';

import { badgrCreatedBy } from './common';

export const BULK_AWARD_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type BulkAwardStatus = (typeof BULK_AWARD_STATUSES)[number];

const FINISHED_STATUSES: readonly string[] = ['completed', 'failed'] satisfies BulkAwardStatus[];

/** A completed or failed job changes no more: its progress stream ends. */
export function isBulkAwardFinished(status: string): boolean {
  return FINISHED_STATUSES.includes(status);
}

export const BULK_AWARD_SOURCE_KINDS = ['csv', 'json'] as const;
export type BulkAwardSourceKind = (typeof BULK_AWARD_SOURCE_KINDS)[number];

/** Where a row stands: `duplicate` repeats a recipient already in the job (one award per recipient). */
export const BULK_AWARD_ROW_STATUSES = ['pending', 'awarded', 'failed', 'duplicate'] as const;
export type BulkAwardRowStatus = (typeof BULK_AWARD_ROW_STATUSES)[number];

/** The counts the progress stream sends on every change. */
export const BulkAwardProgressSchema = z.object({
  total: z.number().int().describe('Rows in the upload'),
  done: z.number().int().describe('Rows awarded, or skipped as duplicates'),
  failed: z.number().int().describe('Rows that could not be awarded'),
  status: z.enum(BULK_AWARD_STATUSES),
});

export const BulkAwardJobV2Schema = BulkAwardProgressSchema.extend({
  jobId: z.string(),
  badgeClass: z.string().describe('The badge class entityId'),
  sourceKind: z.enum(BULK_AWARD_SOURCE_KINDS).describe('How the rows were uploaded'),
  pending: z.number().int().describe('total - done - failed'),
  createdAt: z.iso.datetime(),
  createdBy: badgrCreatedBy(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  resultCsv: z.string().describe('URL of the result CSV: one line per input row'),
  events: z.string().describe('URL of the progress stream (text/event-stream)'),
});

export const BulkAwardRowErrorSchema = z.object({
  line: z.number().int().describe('The CSV line, or the JSON row index + 1'),
  status: z.enum(BULK_AWARD_ROW_STATUSES).exclude(['pending', 'awarded']),
  message: z.string(),
});

/** GET /v2/bulk-awards/{jobId}: the job and its row errors (the first 100 unless `?errors=all` or paged). */
export const BulkAwardJobDetailV2Schema = BulkAwardJobV2Schema.extend({
  errors: z.array(BulkAwardRowErrorSchema),
});

export type BulkAwardProgress = z.output<typeof BulkAwardProgressSchema>;
export type BulkAwardJobV2 = z.output<typeof BulkAwardJobV2Schema>;
export type BulkAwardRowError = z.output<typeof BulkAwardRowErrorSchema>;
export type BulkAwardJobDetailV2 = z.output<typeof BulkAwardJobDetailV2Schema>;

/** The bulk awards' answers, by their OpenAPI component name. */
export const BULK_AWARDS_RESPONSE_SCHEMAS = {
  BulkAwardProgress: BulkAwardProgressSchema,
  BulkAwardJob: BulkAwardJobV2Schema,
  BulkAwardJobDetail: BulkAwardJobDetailV2Schema,
} as const satisfies Record<string, z.ZodType>;
