import { type BackpackAssertionV2, type BadgeStatus, type BadgrAcceptance, type EndorsementTargetType } from '@badges/api-contracts';

import type { BadgeEdition } from '@badges/openbadges';

import type { BadgeView } from './backpack.repository';

const TO_BADGR: Record<BadgeStatus, BadgrAcceptance> = { accepted: 'Accepted', declined: 'Rejected', pending: 'Unaccepted' };

/** `edition`: the badge's texts in the reader's language, when asked for and translated (BadgeEditionsService). */
export function toBackpackAssertionV2({ badge, award, revocation, endorsements }: BadgeView, edition?: BadgeEdition): BackpackAssertionV2 {
  const status = badge.status as BadgeStatus;
  return {
    entityId: award.assertionId,
    entityType: 'Assertion',
    openBadgeId: award.assertionUrl,
    badgeclass: award.badgeClassId,
    badgeclassName: award.badgeClassName,
    issuer: award.issuerId,
    issuerName: award.issuerName,
    image: award.imageUrl,
    recipient: { identity: award.recipientIdentity, type: award.recipientType, hashed: award.recipientHashed, ...(award.recipientSalt ? { salt: award.recipientSalt } : {}) },
    issuedOn: award.issuedOn.toISOString(),
    expires: award.expires?.toISOString() ?? null,
    expired: award.expires !== null && award.expires.getTime() <= Date.now(),
    acceptance: TO_BADGR[status],
    status,
    revoked: revocation !== null,
    revocationReason: revocation?.reason ?? null,
    endorsements: endorsements.map((e) => ({ url: e.url, target: e.targetType as EndorsementTargetType, endorserName: e.endorserName, comment: e.comment, issuedOn: e.issuedOn?.toISOString() ?? null })),
    badgeEdition: edition ? { language: edition.language, name: edition.name, description: edition.description, criteriaNarrative: edition.criteriaNarrative } : null,
  };
}
