import { z } from 'zod';

import { entityId, httpUrl, isoDateTime } from './common';
import { fieldChangesSchema } from './field-changes';

/** What `PUT /v2/assertions/{id}` can change (Badgr's evidence, narrative and expiry). */
export const ASSERTION_UPDATABLE_FIELDS = ['evidence', 'narrative', 'expires'] as const;
export type AssertionUpdatableField = (typeof ASSERTION_UPDATABLE_FIELDS)[number];

/**
 * An awarded assertion was edited: its hosted document and baked image now show the new
 * evidence, narrative or expiry (a signed one was signed again). Recipient, badge class and
 * issue date never change. The document itself is at `assertionUrl`; `changed` says which fields
 * the edit set, `changes` (added compatibly) their values before and after.
 */
export const assertionUpdatedPayload = z.object({
  assertionId: entityId,
  assertionUrl: httpUrl,
  badgeClassId: entityId,
  issuerId: entityId,
  changed: z.array(z.enum(ASSERTION_UPDATABLE_FIELDS)).min(1),
  updatedAt: isoDateTime,
  changes: fieldChangesSchema.optional(),
});

export type AssertionUpdatedPayload = z.infer<typeof assertionUpdatedPayload>;
