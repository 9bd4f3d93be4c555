import { formatDateTimeV2, type AssertionV2, type BatchRevokeBody, type BatchRevokeResultV2, type RecipientType, type RecipientV2 } from '@badges/api-contracts';

import type { PublicUrls } from '../common/public-urls';
import type { AssertionRecord, RevokeOutcome } from './assertions.repository';
import { ALREADY_REVOKED_MESSAGE } from './assertions.service';

/**
 * Row -> Badgr v2 `BadgeInstanceSerializerV2` shape. Badgr always returns `plaintextIdentity`
 * because it stores it; we keep only the salted hash of a hashed recipient, so the plaintext is
 * known (and returned) only in the response that created the assertion.
 */
export function toAssertionV2(row: AssertionRecord, urls: PublicUrls, plaintextIdentity?: string): AssertionV2 {
  const recipient: RecipientV2 = { identity: row.recipientIdentity, hashed: row.recipientHashed, type: row.recipientType as RecipientType };
  const plaintext = row.recipientHashed ? plaintextIdentity : row.recipientIdentity;
  if (plaintext !== undefined) recipient.plaintextIdentity = plaintext;
  if (row.recipientSalt) recipient.salt = row.recipientSalt;
  return {
    entityType: 'Assertion',
    entityId: row.id,
    openBadgeId: urls.assertionDocument(row),
    createdAt: formatDateTimeV2(row.createdAt),
    createdBy: row.createdBy,
    badgeclass: row.badgeClassId,
    badgeclassOpenBadgeId: urls.badge(row.badgeClassId),
    issuer: row.issuerId,
    issuerOpenBadgeId: urls.issuer(row.issuerId),
    image: urls.awardImage(row),
    recipient,
    recipientName: row.recipientName,
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
    ...(row.credential ? { openBadgeCredentialUrl: urls.credential(row.id) } : {}),
  };
}

/** Badgr's reason for an id the caller may not revoke: unknown and another institution's read the same. */
export const NOT_FOUND_REASON = 'permission denied or object not found';

/**
 * One item of Badgr's `BatchAssertionsRevoke` answer. As Badgr, the request's reason is echoed
 * whether or not the assertion was revoked, and `reason` says why not.
 */
export function toBatchRevokeResultV2(request: BatchRevokeBody[number], result: RevokeOutcome): BatchRevokeResultV2 {
  const { entityId, revocationReason } = request;
  if (result.outcome === 'revoked') return { entityId, revoked: true, revocationReason };
  const reason = result.outcome === 'not_found' ? NOT_FOUND_REASON : ALREADY_REVOKED_MESSAGE;
  return { entityId, revoked: false, revocationReason, reason };
}
