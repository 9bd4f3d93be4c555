import { z } from 'zod';

import { entityId, httpUrl, isoDateTime } from './common';

export const assertionRevokedPayload = z.object({
  assertionId: entityId,
  assertionUrl: httpUrl,
  badgeClassId: entityId,
  issuerId: entityId,
  revocationReason: z.string(),
  revokedAt: isoDateTime,
});

export type AssertionRevokedPayload = z.infer<typeof assertionRevokedPayload>;
