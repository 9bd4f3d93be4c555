import { z } from 'zod';

import { entityId } from './common';

/** An issuer was created (its Profile is public from now on). For the audit trail (issue #16). */
export const issuerCreatedPayload = z.object({
  issuerId: entityId,
  name: z.string().min(1),
});

export type IssuerCreatedPayload = z.infer<typeof issuerCreatedPayload>;
