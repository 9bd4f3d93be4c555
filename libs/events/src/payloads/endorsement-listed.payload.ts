import { z } from 'zod';

import { entityId } from './common';

/**
 * The owner of an endorsed document (the issuer service) now lists an Endorsement in that
 * document's `endorsement`, or no longer does (`listed: false`). Published after it recorded an
 * endorsement.issued or .revoked event, so a cache that drops the document on this event cannot
 * keep the version from before the list changed (issue #14).
 */
export const endorsementListedPayload = z.object({
  endorsementId: entityId,
  target: z.object({ type: z.enum(['BadgeClass', 'Issuer', 'Assertion']), entityId }),
  listed: z.boolean(),
});

export type EndorsementListedPayload = z.infer<typeof endorsementListedPayload>;
