import { z } from 'zod';

import { SHARE_TYPES } from '@badges/api-contracts';

export const ShareCreateBodySchema = z.object({
  type: z.enum(SHARE_TYPES, { error: 'type must be badge or collection.' }),
  entityId: z.string({ error: 'This field is required.' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Not an entityId.' }),
});

export type ShareCreateBody = z.output<typeof ShareCreateBodySchema>;
