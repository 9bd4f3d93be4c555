import { z } from 'zod';

import { entityId } from './common';

export const badgeClassUpdatedPayload = z.object({
  badgeClassId: entityId,
  issuerId: entityId,
  name: z.string().min(1),
  /** Baked images of existing assertions must be re-baked when true. */
  imageChanged: z.boolean(),
});

export type BadgeClassUpdatedPayload = z.infer<typeof badgeClassUpdatedPayload>;
