/**
 * Endorsements (ours; Badgr never built them). design.md §3:
 *
 * PUT  /v2/endorsers/self                      -> 200, the caller's endorser Profile (hosted at /public/endorsers/{id})
 * GET  /v2/endorsers/self                      -> 200, or 404 before the first PUT
 * GET  /v2/endorsers/self/keys                 -> 200, the endorser's signing keys (signed verification)
 * POST /v2/endorsers/self/keys/rotate          -> 201, the keys after retiring the active one
 * POST /v2/endorsement-requests                -> 201, a pending request (by the owner of the target)
 * GET  /v2/endorsement-requests?role=          -> requests the caller made (`requester`, default) or received (`endorser`)
 * GET  /v2/endorsement-requests/{id}           -> either party; anyone else 404
 * POST /v2/endorsement-requests/{id}/approve   -> 201, the Endorsement (endorser only)
 * POST /v2/endorsement-requests/{id}/decline   -> 200, the declined request (endorser only)
 * GET  /v2/endorsements?role=, /v2/endorsements/{id}
 * DELETE /v2/endorsements/{id}                 -> 200, the revoked Endorsement (either party: withdraw)
 */
import { z } from 'zod';

import { VERIFICATION_TYPES, type VerificationType } from './badge-classes.contract';
import { emailAddress, entityId, httpUrl, optionalText, requiredText } from './common';

export const ENDORSEMENT_LIMITS = { name: 1024, description: 16_384, email: 255, url: 1024, message: 4096, comment: 16_384, reason: 1024 } as const;

export const ENDORSEMENT_TARGET_TYPES = ['Issuer', 'BadgeClass', 'Assertion'] as const;
export type EndorsementTargetType = (typeof ENDORSEMENT_TARGET_TYPES)[number];

/** Body of PUT /v2/endorsers/self: the OB 2.0 Profile the platform hosts for the endorser. */
export const EndorserProfileBodySchema = z.object({
  name: requiredText(ENDORSEMENT_LIMITS.name),
  /** The endorser's own website (need not be on this platform). */
  url: httpUrl(ENDORSEMENT_LIMITS.url),
  /** OB 2.0 requires a contact email on a Profile that issues. */
  email: emailAddress(ENDORSEMENT_LIMITS.email),
  description: optionalText(ENDORSEMENT_LIMITS.description).nullish(),
  /**
   * How the endorser's Endorsements are verified from now on: "hosted" (the default for a new
   * Profile) or "signed" (a JWS made with the endorser's own key). Absent keeps the current choice.
   */
  verification: z.enum(VERIFICATION_TYPES).optional(),
});

/** Body of POST /v2/endorsement-requests. */
export const EndorsementRequestCreateBodySchema = z.object({
  target: z.object(
    {
      type: z.enum(ENDORSEMENT_TARGET_TYPES, { error: `Use one of ${ENDORSEMENT_TARGET_TYPES.join(', ')}.` }),
      entityId: entityId(),
    },
    { error: 'This field is required.' },
  ),
  /** The endorser's institution id. */
  endorser: entityId(),
  message: optionalText(ENDORSEMENT_LIMITS.message).nullish(),
});

/** Body of POST /v2/endorsement-requests/{id}/approve: `comment` becomes `claim.endorsementComment`. */
export const EndorsementApproveBodySchema = z.object({
  comment: optionalText(ENDORSEMENT_LIMITS.comment).nullish(),
});

/** Body of /decline and of DELETE /v2/endorsements/{id}; both optional. */
export const EndorsementReasonBodySchema = z.object({
  reason: optionalText(ENDORSEMENT_LIMITS.reason).nullish(),
});

/** `?role=` of the lists. */
export const EndorsementRoleQuerySchema = z.object({
  role: z.enum(['requester', 'endorser'], { error: 'Use role=requester or role=endorser.' }).default('requester'),
});

export type EndorserProfileBody = z.output<typeof EndorserProfileBodySchema>;
export type EndorsementRequestCreateBody = z.output<typeof EndorsementRequestCreateBodySchema>;
export type EndorsementRole = z.output<typeof EndorsementRoleQuerySchema>['role'];

export interface EndorserProfileV2 {
  entityType: 'EndorserProfile';
  entityId: string;
  /** The hosted Profile's URL (the `issuer` of the endorser's Endorsements). */
  openBadgeId: string;
  name: string;
  url: string;
  email: string;
  description: string | null;
  verification: VerificationType;
}

/** An endorser's signing key: public information only, never the private half. */
export interface EndorserSigningKeyV2 {
  entityType: 'EndorserSigningKey';
  entityId: string;
  /** The CryptographicKey's URL: the `creator` of the Endorsements this key signed. */
  openBadgeId: string;
  algorithm: string;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
  active: boolean;
}

/** GET /v2/endorsers: another institution's Profile; `institution` is what a request's `endorser` names. */
export interface PublishedEndorserV2 extends EndorserProfileV2 {
  institution: string;
}

export interface EndorsementTargetV2 {
  type: EndorsementTargetType;
  entityId: string;
  openBadgeId: string;
  name?: string;
}

export interface EndorsementRequestV2 {
  entityType: 'EndorsementRequest';
  entityId: string;
  target: EndorsementTargetV2;
  /** Institution ids of the two parties. */
  requester: string;
  endorser: string;
  message: string | null;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  /** The Endorsement made by approving it. */
  endorsement: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface EndorsementV2 {
  entityType: 'Endorsement';
  entityId: string;
  /** The public URL: the OB 2.0 document's `id`. */
  openBadgeId: string;
  request: string;
  target: EndorsementTargetV2;
  requester: string;
  endorser: string;
  comment: string | null;
  issuedOn: string;
  revoked: boolean;
  revocationReason: string | null;
  /** "signed": `signature` is the Endorsement as a compact JWS made with the endorser's key. */
  verification: VerificationType;
  signature?: string;
}
