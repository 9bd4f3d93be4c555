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

import { VERIFICATION_TYPES } from './badge-classes.contract';
import { emailAddress, entityId, httpUrl, optionalText, requiredText } from './common';

export const ENDORSEMENT_LIMITS = { name: 1024, description: 16_384, email: 255, url: 1024, message: 4096, comment: 16_384, reason: 1024 } as const;

export const ENDORSEMENT_TARGET_TYPES = ['Issuer', 'BadgeClass', 'Assertion'] as const;
export type EndorsementTargetType = (typeof ENDORSEMENT_TARGET_TYPES)[number];

/** The languages of the emails written to an endorser's contact address (decision 0047). */
export const ENDORSER_LANGUAGES = ['en', 'fr'] as const;
export type EndorserLanguage = (typeof ENDORSER_LANGUAGES)[number];

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
  /**
   * The language of the emails sent to `email` (requests, withdrawals by the requester). Absent
   * keeps the current one; a new Profile takes the caller's (a person's own email language, else
   * the request's Accept-Language), else English.
   */
  language: z.enum(ENDORSER_LANGUAGES, { error: `Expected one of ${ENDORSER_LANGUAGES.join(', ')}.` }).optional(),
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

export const EndorserProfileV2Schema = z
  .object({
    entityType: z.literal('EndorserProfile'),
    entityId: z.string(),
    openBadgeId: z.url().describe('The hosted Profile\'s URL (the `issuer` of the endorser\'s Endorsements)'),
    name: z.string(),
    url: z.string(),
    email: z.string(),
    description: z.string().nullable(),
    verification: z.enum(VERIFICATION_TYPES).describe('How the endorser\'s Endorsements are verified'),
    language: z.enum(ENDORSER_LANGUAGES).describe('Ours: the language of the emails sent to the contact `email`'),
  })
  .describe('The caller\'s endorser Profile, hosted at `openBadgeId`.');
export type EndorserProfileV2 = z.output<typeof EndorserProfileV2Schema>;

/** GET /v2/endorsers: another institution's Profile. */
export const PublishedEndorserV2Schema = EndorserProfileV2Schema.extend({
  institution: z.string().describe('The institution id: what a request\'s `endorser` names'),
}).describe('Another institution\'s published endorser Profile.');
export type PublishedEndorserV2 = z.output<typeof PublishedEndorserV2Schema>;

export const EndorsementTargetV2Schema = z.object({
  type: z.enum(ENDORSEMENT_TARGET_TYPES),
  entityId: z.string(),
  openBadgeId: z.url().describe('The endorsed entity\'s public OB 2.0 id'),
  name: z.string().optional().describe('Its name when the request was made (requests only)'),
});
export type EndorsementTargetV2 = z.output<typeof EndorsementTargetV2Schema>;

export const ENDORSEMENT_REQUEST_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;

export const EndorsementRequestV2Schema = z.object({
  entityType: z.literal('EndorsementRequest'),
  entityId: z.string(),
  target: EndorsementTargetV2Schema,
  requester: z.string().describe('Institution id of the target\'s owner'),
  endorser: z.string().describe('Institution id of the endorser'),
  message: z.string().nullable(),
  status: z.enum(ENDORSEMENT_REQUEST_STATUSES),
  endorsement: z.string().nullable().describe('The Endorsement made by approving it'),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type EndorsementRequestV2 = z.output<typeof EndorsementRequestV2Schema>;

export const EndorsementV2Schema = z.object({
  entityType: z.literal('Endorsement'),
  entityId: z.string(),
  openBadgeId: z.url().describe('The public URL: the OB 2.0 document\'s `id`'),
  request: z.string().describe('The EndorsementRequest it answers'),
  target: EndorsementTargetV2Schema,
  requester: z.string(),
  endorser: z.string(),
  comment: z.string().nullable(),
  issuedOn: z.iso.datetime(),
  revoked: z.boolean(),
  revocationReason: z.string().nullable(),
  verification: z.enum(VERIFICATION_TYPES),
  signature: z.string().optional().describe('When signed: the Endorsement as a compact JWS made with the endorser\'s key'),
});
export type EndorsementV2 = z.output<typeof EndorsementV2Schema>;
