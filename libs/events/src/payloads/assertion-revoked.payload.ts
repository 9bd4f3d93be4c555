import { z } from 'zod';

import { entityId, httpUrl, isoDateTime } from './common';

export const assertionRevokedPayload = z.object({
  assertionId: entityId,
  assertionUrl: httpUrl,
  badgeClassId: entityId,
  issuerId: entityId,
  revocationReason: z.string(),
  revokedAt: isoDateTime,
  /** An OB 3.0 award's status list, signed again in the revocation's transaction: caches of it are stale now. */
  statusListUrl: httpUrl.optional(),
});

export type AssertionRevokedPayload = z.infer<typeof assertionRevokedPayload>;
