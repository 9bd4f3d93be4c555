import { z } from 'zod';

import type { BadgeStatus, BadgeView } from './backpack.repository';

/** Badgr's acceptance values, and ours. */
const ACCEPTANCE: Record<string, BadgeStatus> = { Accepted: 'accepted', Rejected: 'declined', Unaccepted: 'pending', accepted: 'accepted', declined: 'declined', pending: 'pending' };
const TO_BADGR: Record<BadgeStatus, 'Accepted' | 'Rejected' | 'Unaccepted'> = { accepted: 'Accepted', declined: 'Rejected', pending: 'Unaccepted' };

/** PUT /v2/backpack/assertions/{entityId}: Badgr's `{acceptance: "Accepted" | "Rejected"}`. */
export const AcceptanceBodySchema = z.object({
  acceptance: z.enum(['Accepted', 'Rejected', 'Unaccepted', 'accepted', 'declined', 'pending'], { error: 'acceptance must be Accepted or Rejected.' }).transform((value) => ACCEPTANCE[value]),
});

export const StatusQuerySchema = z.object({
  status: z.enum(['pending', 'accepted', 'declined'], { error: 'status must be pending, accepted or declined.' }).optional(),
});

/** A backpack assertion, shaped like Badgr's v2 backpack serializer plus our status fields. */
export interface BackpackAssertionV2 {
  entityId: string;
  entityType: 'Assertion';
  openBadgeId: string;
  badgeclass: string;
  badgeclassName: string;
  issuer: string;
  issuerName: string;
  image: string;
  recipient: { identity: string; type: string; hashed: boolean; plaintextIdentity?: undefined; salt?: string };
  issuedOn: string;
  expires: string | null;
  /** The badge's `expires` has passed (it stays in the passport, marked). */
  expired: boolean;
  acceptance: 'Accepted' | 'Rejected' | 'Unaccepted';
  status: BadgeStatus;
  revoked: boolean;
  revocationReason: string | null;
  /** Who vouches for this badge (its Assertion, BadgeClass or Issuer), as OB 2.0 Endorsements. */
  endorsements: { url: string; target: string; endorserName: string | null; comment: string | null; issuedOn: string | null }[];
}

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
    endorsements: endorsements.map((e) => ({ url: e.url, target: e.targetType, endorserName: e.endorserName, comment: e.comment, issuedOn: e.issuedOn?.toISOString() ?? null })),
  };
}
