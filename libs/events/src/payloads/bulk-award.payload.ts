import { z } from 'zod';

import { entityId } from './common';

/**
 * A bulk award job was accepted (its rows stored and queued), and later finished. Its awards
 * travel as assertion.issued events, with the same correlation id and actor; these two say the
 * job's own start and end, for the audit trail (issue #16). Key: the job id.
 */
export const bulkAwardStartedPayload = z.object({
  jobId: entityId,
  badgeClassId: entityId,
  sourceKind: z.enum(['csv', 'json']),
  /** Rows in the upload, bad and repeated ones included. */
  total: z.number().int().nonnegative(),
});

export const bulkAwardFinishedPayload = z.object({
  jobId: entityId,
  badgeClassId: entityId,
  status: z.enum(['completed', 'failed']),
  total: z.number().int().nonnegative(),
  /** Rows awarded, or repeats of a recipient awarded once. */
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});

export type BulkAwardStartedPayload = z.infer<typeof bulkAwardStartedPayload>;
export type BulkAwardFinishedPayload = z.infer<typeof bulkAwardFinishedPayload>;
