import { z } from 'zod';

import { BADGE_STATUSES, BADGR_ACCEPTANCES, type BackpackAssertionV2, type BadgeStatus, type BadgrAcceptance, type EndorsementTargetType } from '@badges/api-contracts';

import type { BadgeView } from './backpack.repository';

/** Badgr's acceptance values, and ours. */
const ACCEPTANCE: Record<string, BadgeStatus> = { Accepted: 'accepted', Rejected: 'declined', Unaccepted: 'pending', accepted: 'accepted', declined: 'declined', pending: 'pending' };
const TO_BADGR: Record<BadgeStatus, BadgrAcceptance> = { accepted: 'Accepted', declined: 'Rejected', pending: 'Unaccepted' };

/** PUT /v2/backpack/assertions/{entityId}: Badgr's `{acceptance: "Accepted" | "Rejected"}`. */
export const AcceptanceBodySchema = z.object({
  acceptance: z.enum([...BADGR_ACCEPTANCES, ...BADGE_STATUSES], { error: 'acceptance must be Accepted or Rejected.' }).transform((value) => ACCEPTANCE[value]),
});

export const StatusQuerySchema = z.object({
  status: z.enum(BADGE_STATUSES, { error: 'status must be pending, accepted or declined.' }).optional(),
});

export function toBackpackAssertionV2({ badge, award, revocation, endorsements }: BadgeView): BackpackAssertionV2 {
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
  };
}
