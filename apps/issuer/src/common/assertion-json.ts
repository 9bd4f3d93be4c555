import { buildAssertion, type Assertion as ObAssertion, type VerificationInput } from '@badges/openbadges';

import type { PublicUrls } from './public-urls';

/** The stored fields an OB 2.0 Assertion is built from (a saved row, or one about to be saved). */
export interface AssertionSource {
  id: string;
  /** Another platform's published id, kept by a migration (decision 0044); null or absent (an award being made): ours. */
  documentId?: string | null;
  badgeClassId: string;
  /** The badge class's published id when it was migrated (its `badge`); null or absent: ours. */
  badgeDocumentId?: string | null;
  recipientType: string;
  recipientIdentity: string;
  recipientHashed: boolean;
  recipientSalt: string | null;
  issuedOn: Date;
  expires: Date | null;
  narrative: string | null;
  evidence: { url: string | null; narrative: string | null }[];
}

/**
 * One builder for both forms of an assertion: the hosted document served at its URL, and the
 * payload a signed badge signs at award time. Sharing it keeps the two identical apart from
 * `verification`.
 */
export function buildAssertionJson(source: AssertionSource, urls: PublicUrls, verification: VerificationInput): ObAssertion {
  return buildAssertion({
    id: urls.assertionDocument({ id: source.id, documentId: source.documentId ?? null }),
    badge: source.badgeDocumentId ?? urls.badge(source.badgeClassId),
    recipient: {
      // The award use case only stores OB recipient types.
      type: source.recipientType as 'email',
      identity: source.recipientIdentity,
      hashed: source.recipientHashed,
      salt: source.recipientSalt ?? undefined,
    },
    issuedOn: source.issuedOn,
    expires: source.expires ?? undefined,
    verification,
    image: urls.assertionImage(source.id),
    narrative: source.narrative ?? undefined,
    evidence: source.evidence.map((e) => ({ id: e.url ?? undefined, narrative: e.narrative ?? undefined })),
  });
}
