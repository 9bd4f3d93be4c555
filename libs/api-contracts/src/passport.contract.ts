/**
 * The learner's passport (passport service), as Badgr's backpack API v2 plus our fields.
 *
 * GET  /v2/users/self                           -> 200, envelope with [UserV2]
 * GET/POST /v2/users/self/emails                -> EmailV2 (POST /v2/auth/confirm-email: ConfirmedEmailV2)
 * GET/POST /v2/users/self/identifiers           -> IdentifierV2 (POST: AddedIdentifierV2; …/verify: VerifiedIdentifierV2)
 * GET  /v2/backpack/assertions[?status=]        -> 200, envelope with BackpackAssertionV2[]
 * PUT  /v2/backpack/assertions/{id}             -> 200, the badge after accept or decline
 * POST /v2/backpack/import                      -> 201, the imported BackpackAssertionV2
 * POST/GET/PUT /v2/backpack/collections[/{id}]  -> CollectionV2
 * POST/GET /v2/backpack/shares[/{id}]           -> ShareV2
 */
import { z } from 'zod';

import { ENDORSEMENT_TARGET_TYPES } from './endorsements.contract';

/** Where a badge stands in the passport: the learner accepts or declines each badge awarded to them. */
export const BADGE_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type BadgeStatus = (typeof BADGE_STATUSES)[number];

/** Badgr's name for each status (`acceptance`). */
export const BADGR_ACCEPTANCES = ['Accepted', 'Rejected', 'Unaccepted'] as const;
export type BadgrAcceptance = (typeof BADGR_ACCEPTANCES)[number];

/** The languages the platform writes a learner's emails in (issue #17): the web app's, sent with a sign-up or a new address. */
export const LEARNER_LANGUAGES = ['en', 'fr'] as const;
export type LearnerLanguage = (typeof LEARNER_LANGUAGES)[number];

export const SHARE_TYPES = ['badge', 'collection'] as const;
export type ShareType = (typeof SHARE_TYPES)[number];

export const BackpackEndorsementSchema = z.object({
  url: z.string().describe('Public URL of the OB 2.0 Endorsement'),
  target: z.enum(ENDORSEMENT_TARGET_TYPES).describe('What the endorsement vouches for: the badge itself, its badge class or its issuer'),
  endorserName: z.string().nullable(),
  comment: z.string().nullable(),
  issuedOn: z.iso.datetime().nullable(),
});

/** A badge of the passport: Badgr's v2 backpack serializer plus our status fields. */
export const BackpackAssertionV2Schema = z.object({
  entityId: z.string().describe('The assertion entityId'),
  entityType: z.literal('Assertion'),
  openBadgeId: z.string().describe('Public URL of the OB 2.0 Assertion'),
  badgeclass: z.string(),
  badgeclassName: z.string(),
  issuer: z.string(),
  issuerName: z.string(),
  image: z.string().describe('URL of the badge image'),
  recipient: z
    .object({ identity: z.string(), type: z.string(), hashed: z.boolean(), salt: z.string().optional() })
    .describe('As the assertion names the recipient; never the plaintext identity'),
  issuedOn: z.iso.datetime(),
  expires: z.iso.datetime().nullable(),
  expired: z.boolean().describe('Ours: `expires` has passed (the badge stays in the passport, marked)'),
  acceptance: z.enum(BADGR_ACCEPTANCES).describe("Badgr's name for `status`"),
  status: z.enum(BADGE_STATUSES).describe('Ours: pending until the learner accepts or declines the badge'),
  revoked: z.boolean(),
  revocationReason: z.string().nullable(),
  endorsements: z.array(BackpackEndorsementSchema).describe('Ours: the live OB 2.0 Endorsements of the badge, its badge class or its issuer'),
  badgeEdition: z
    .object({ language: z.string(), name: z.string(), description: z.string().optional(), criteriaNarrative: z.string().optional() })
    .nullable()
    .describe('Ours: the badge class’s texts in the reader’s language (`Accept-Language`), when its issuer publishes that translation; null: read the badge as issued'),
});

/**
 * GET /v2/backpack/assertions/{entityId}/credential: the badge's OB 3.0 credential exactly as the
 * passport keeps it. A credential whose id is no address (`urn:uuid:…`) can only be checked from
 * this text (POST /v2/verify {json}); the learner may also save it. 404 for a badge without one.
 */
export const HeldCredentialV2Schema = z.object({
  format: z.enum(['ldp', 'jwt']).describe('ldp: JSON with an embedded proof; jwt: a compact VC-JWT'),
  credential: z.string().describe('The credential as signed: JSON text (ldp) or the compact JWT (jwt)'),
});

/** A named, ordered set of the learner's accepted badges. */
export const CollectionV2Schema = z.object({
  entityId: z.string(),
  entityType: z.literal('BackpackCollection'),
  name: z.string(),
  description: z.string(),
  assertions: z.array(z.string()).describe('Assertion entityIds, in display order'),
  createdAt: z.iso.datetime(),
});

/** A public link to one badge or collection. */
export const ShareV2Schema = z.object({
  entityId: z.string(),
  type: z.enum(SHARE_TYPES),
  target: z.string().describe('The assertion or collection entityId'),
  url: z.string().describe('The public share page'),
  embedHtml: z.string().describe('An iframe that embeds the share page'),
  linkedInUrl: z.string().nullable().describe("Badges only: LinkedIn's add-to-profile link"),
  views: z.number().int(),
  revoked: z.boolean(),
  createdAt: z.iso.datetime(),
});

export const EmailV2Schema = z.object({
  entityId: z.string(),
  email: z.string(),
  verified: z.boolean(),
  primary: z.boolean().describe('The address the learner signs in with'),
});

/** POST /v2/auth/confirm-email: the confirmed address and how many waiting badges it collected. */
export const ConfirmedEmailV2Schema = EmailV2Schema.extend({
  collected: z.number().int().describe('Badges awarded to this address that joined the passport'),
});

export const IdentifierV2Schema = z.object({
  entityId: z.string(),
  type: z.string().describe('email, url or telephone'),
  identifier: z.string(),
  verified: z.boolean(),
});

/** POST /v2/users/self/identifiers: a URL identifier comes with the proof its page must show. */
export const AddedIdentifierV2Schema = IdentifierV2Schema.extend({
  proof: z.string().optional().describe('URL identifiers: the text to put on that page, then POST …/{id}/verify'),
});

/** POST /v2/users/self/identifiers/{id}/verify: the verified identifier and the badges it collected. */
export const VerifiedIdentifierV2Schema = IdentifierV2Schema.extend({
  collected: z.number().int().describe('Badges awarded to this identifier that joined the passport'),
});

/** The learner's account, as Badgr's BadgeUser. */
export const UserV2Schema = z.object({
  entityId: z.string(),
  entityType: z.literal('BadgeUser'),
  username: z.string().describe('The primary email address'),
  name: z.string(),
  emails: z.array(EmailV2Schema),
  identifiers: z.array(IdentifierV2Schema).describe('Every identifier badges may be awarded to, emails included'),
  language: z.enum(LEARNER_LANGUAGES).nullable().describe('Ours: the language of the learner’s emails; null: not known yet (emails are written in English and French)'),
});

export type BackpackEndorsement = z.output<typeof BackpackEndorsementSchema>;
export type BackpackAssertionV2 = z.output<typeof BackpackAssertionV2Schema>;
export type HeldCredentialV2 = z.output<typeof HeldCredentialV2Schema>;
export type CollectionV2 = z.output<typeof CollectionV2Schema>;
export type ShareV2 = z.output<typeof ShareV2Schema>;
export type EmailV2 = z.output<typeof EmailV2Schema>;
export type ConfirmedEmailV2 = z.output<typeof ConfirmedEmailV2Schema>;
export type IdentifierV2 = z.output<typeof IdentifierV2Schema>;
export type AddedIdentifierV2 = z.output<typeof AddedIdentifierV2Schema>;
export type VerifiedIdentifierV2 = z.output<typeof VerifiedIdentifierV2Schema>;
export type UserV2 = z.output<typeof UserV2Schema>;

/** The passport's answers, by their OpenAPI component name. */
export const PASSPORT_RESPONSE_SCHEMAS = {
  BackpackAssertion: BackpackAssertionV2Schema,
  HeldCredential: HeldCredentialV2Schema,
  Collection: CollectionV2Schema,
  Share: ShareV2Schema,
  LearnerUser: UserV2Schema,
  LearnerEmail: EmailV2Schema,
  ConfirmedEmail: ConfirmedEmailV2Schema,
  LearnerIdentifier: IdentifierV2Schema,
  AddedIdentifier: AddedIdentifierV2Schema,
  VerifiedIdentifier: VerifiedIdentifierV2Schema,
} as const satisfies Record<string, z.ZodType>;
