import { z } from 'zod';

import { entityId } from './common';
import { fieldChangesSchema } from './field-changes';

export const badgeClassUpdatedPayload = z.object({
  badgeClassId: entityId,
  issuerId: entityId,
  name: z.string().min(1),
  /** Baked images of existing assertions must be re-baked when true. */
  imageChanged: z.boolean(),
  /** The edited fields, before and after (added compatibly; the image is `imageChanged`). */
  changes: fieldChangesSchema.optional(),
});

export type BadgeClassUpdatedPayload = z.infer<typeof badgeClassUpdatedPayload>;
