import { z } from 'zod';

import { entityId } from './common';
import { fieldChangesSchema } from './field-changes';

/**
 * An issuer's public Profile changed: its texts or image were edited, a signing key was made or
 * rotated (the Profile lists every key), or the issuer was deleted. Documents that show the issuer
 * (its badge classes' and assertions' pages) are stale with it (issue #14: caches drop them).
 */
export const issuerUpdatedPayload = z.object({
  issuerId: entityId,
  change: z.enum(['profile', 'keys', 'deleted']),
  /** `profile`: the edited fields, before and after (added compatibly, like `keys`). */
  changes: fieldChangesSchema.optional(),
  /** `keys`: the key now active, and the one it retired (none when it is the issuer's first). */
  keys: z.object({ active: entityId, retired: entityId.optional() }).optional(),
});

export type IssuerUpdatedPayload = z.infer<typeof issuerUpdatedPayload>;
