import { z } from 'zod';

import { entityId } from './common';

/**
 * A badge class was created, or deleted (only one nobody was ever awarded can be). Both name it
 * as it was; for the audit trail (issue #16).
 */
export const badgeClassCreatedPayload = z.object({
  badgeClassId: entityId,
  issuerId: entityId,
  name: z.string().min(1),
});

export const badgeClassDeletedPayload = badgeClassCreatedPayload;

export type BadgeClassCreatedPayload = z.infer<typeof badgeClassCreatedPayload>;
export type BadgeClassDeletedPayload = z.infer<typeof badgeClassDeletedPayload>;
