import { z } from 'zod';

import { issuedRecipient } from './assertion-issued.payload';
import { entityId, httpUrl, isoDateTime } from './common';

/**
 * An award brought over from another badge platform by a migration run (issue #18, decision 0044).
 * Its own topic, not `assertion.issued` with a marker: whoever listens for awards (emails, webhooks)
 * must not hear of years-old badges as new ones unless it chose to. The passport collects it like an
 * issued award; a revoked one arrives with its revocation. Idempotent by `assertionId`: a run that
 * overwrites an award announces it again.
 */
export const assertionImportedPayload = z.object({
  assertionId: entityId,
  /** The assertion's OB 2.0 `id`: the one the other platform published (kept), or ours. */
  assertionUrl: httpUrl,
  badgeClassId: entityId,
  badgeClassName: z.string().min(1),
  issuerId: entityId,
  issuerName: z.string().min(1),
  badgeLanguage: z.string().min(1).max(35).optional(),
  /** Never the plaintext: nobody is emailed. `lookup` is absent when only a hash is known. */
  recipient: issuedRecipient.omit({ plaintextIdentity: true }),
  issuedOn: isoDateTime,
  expires: isoDateTime.optional(),
  imageUrl: httpUrl,
  revocation: z.object({ reason: z.string(), revokedAt: isoDateTime }).optional(),
  /** The migration run that wrote it. */
  runId: entityId,
});

export type AssertionImportedPayload = z.infer<typeof assertionImportedPayload>;
