import { z } from 'zod';

import { awardedBadgeFields, issuedRecipient } from './assertion-issued.payload';
import { entityId, isoDateTime } from './common';

/**
 * An award brought over from another badge platform by a migration run (issue #18, decision 0044).
 * Its own topic, not `assertion.issued` with a marker: whoever listens for awards (emails, webhooks)
 * must not hear of years-old badges as new ones unless it chose to. The passport collects it like an
 * issued award; a revoked one arrives with its revocation. Idempotent by `assertionId`: a run that
 * overwrites an award announces it again. Its `assertionUrl` is the OB 2.0 `id` the other platform
 * published (kept), or ours.
 */
export const assertionImportedPayload = awardedBadgeFields.extend({
  /** Never the plaintext: nobody is emailed. `lookup` is absent when only a hash is known. */
  recipient: issuedRecipient.omit({ plaintextIdentity: true }),
  revocation: z.object({ reason: z.string(), revokedAt: isoDateTime }).optional(),
  /** The migration run that wrote it. */
  runId: entityId,
});

export type AssertionImportedPayload = z.infer<typeof assertionImportedPayload>;
