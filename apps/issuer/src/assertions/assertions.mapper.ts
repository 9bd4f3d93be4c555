import { formatDateTimeV2, type AssertionV2, type RecipientType, type RecipientV2 } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { AssertionRecord } from './assertions.repository';

/**
 * Row -> Badgr v2 `BadgeInstanceSerializerV2` shape. Badgr always returns `plaintextIdentity`
 * because it stores it; we keep only the salted hash of a hashed recipient, so the plaintext is
 * known (and returned) only in the response that created the assertion.
 */
/** Ours, additive: a signed assertion's compact JWS (also what its baked image carries). */
export type AssertionV2WithSignature = AssertionV2 & { signature?: string };

export function toAssertionV2(row: AssertionRecord, urls: PublicUrls, plaintextIdentity?: string): AssertionV2WithSignature {
  const recipient: RecipientV2 = { identity: row.recipientIdentity, hashed: row.recipientHashed, type: row.recipientType as RecipientType };
  const plaintext = row.recipientHashed ? plaintextIdentity : row.recipientIdentity;
  if (plaintext !== undefined) recipient.plaintextIdentity = plaintext;
  if (row.recipientSalt) recipient.salt = row.recipientSalt;
  return {
    entityType: 'Assertion',
    entityId: row.id,
    openBadgeId: urls.assertion(row.id),
    createdAt: formatDateTimeV2(row.createdAt),
    createdBy: null,
    badgeclass: row.badgeClassId,
    badgeclassOpenBadgeId: urls.badge(row.badgeClassId),
    issuer: row.issuerId,
    issuerOpenBadgeId: urls.issuer(row.issuerId),
    image: urls.assertionImage(row.id),
    recipient,
    issuedOn: formatDateTimeV2(row.issuedOn),
    narrative: row.narrative,
    evidence: row.evidence.map((item) => ({ url: item.url, narrative: item.narrative })),
    revoked: row.revoked,
    revocationReason: row.revocationReason,
    acceptance: 'Unaccepted',
    expires: row.expires ? formatDateTimeV2(row.expires) : null,
    extensions: {},
    verification: row.signedJws ? 'signed' : 'hosted',
    ...(row.signedJws ? { signature: row.signedJws } : {}),
  };
}
