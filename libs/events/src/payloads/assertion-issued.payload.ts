import { z } from 'zod';

import { entityId, httpUrl, isoDateTime } from './common';

export const issuedRecipient = z.object({
  type: z.enum(['email', 'url', 'telephone', 'id']),
  /** The identity exactly as published in the assertion: `sha256$<hex>` when hashed. */
  identity: z.string().min(1),
  salt: z.string().optional(),
  hashed: z.boolean(),
  /** Only present when `notify` is true: the notification service needs it to send the email. */
  plaintextIdentity: z.string().min(1).optional(),
  /**
   * Hex HMAC-SHA256(RECIPIENT_LOOKUP_SECRET, normalised identity): the keyed lookup the issuer
   * stores. The passport computes the same key from a learner's verified identifiers, so it can
   * collect the badge without the plaintext ever travelling (docs/decisions/0014).
   */
  lookup: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/** What every award event says of its badge, whether issued here or imported (assertion-imported.payload.ts). */
export const awardedBadgeFields = z.object({
  assertionId: entityId,
  assertionUrl: httpUrl,
  badgeClassId: entityId,
  badgeClassName: z.string().min(1),
  issuerId: entityId,
  issuerName: z.string().min(1),
  /** The badge class's language (BCP 47): with its translated names, the award email's languages (decision 0035). */
  badgeLanguage: z.string().min(1).max(35).optional(),
  issuedOn: isoDateTime,
  expires: isoDateTime.optional(),
  /** The baked image: the OB 2.0 one, or the OB 3.0 credential's for an award made in 3.0 only. */
  imageUrl: httpUrl,
  /**
   * OB 3.0 (decision 0048): the award's OpenBadgeCredential (`PUBLIC_URL/public/credentials/{id}`),
   * present when the award has that form, with its format: `ldp` (JSON with a Data Integrity proof)
   * or `jwt` (a compact VC-JWT). Absent: the award is OB 2.0 only, as every award before.
   */
  credentialUrl: httpUrl.optional(),
  credentialFormat: z.enum(['ldp', 'jwt']).optional(),
});

export const assertionIssuedPayload = awardedBadgeFields
  .extend({
    badgeTranslations: z.array(z.object({ language: z.string().min(1).max(35), name: z.string().min(1) })).max(50).optional(),
    recipient: issuedRecipient,
    notify: z.boolean(),
  })
  // The plaintext identity is personal data: it travels only when someone must be emailed.
  .refine((p) => p.notify || p.recipient.plaintextIdentity === undefined, {
    message: 'recipient.plaintextIdentity is only allowed when notify is true',
    path: ['recipient', 'plaintextIdentity'],
  })
  .refine((p) => (p.credentialUrl === undefined) === (p.credentialFormat === undefined), {
    message: 'credentialUrl and credentialFormat travel together',
    path: ['credentialFormat'],
  });

export type AssertionIssuedPayload = z.infer<typeof assertionIssuedPayload>;

/**
 * The award's public page: its OB 2.0 assertion, or its OB 3.0 credential when the award was made in
 * 3.0 only. That case shows in the payload as `imageUrl` naming the credential's own image, since an
 * award in 3.0 only has no 2.0 document (its assertion URL answers 404 `ob3_only`).
 */
export function awardPageUrl(payload: Pick<AssertionIssuedPayload, 'assertionUrl' | 'imageUrl' | 'credentialUrl'>): string {
  return payload.credentialUrl && payload.imageUrl.startsWith(`${payload.credentialUrl}/`) ? payload.credentialUrl : payload.assertionUrl;
}
