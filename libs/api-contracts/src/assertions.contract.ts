/**
 * Assertions, as Badgr v2 `BadgeInstanceSerializerV2` and the v2 views in `apps/issuer/api.py`.
 *
 * POST /v2/badgeclasses/{entityId}/assertions -> 201, envelope with [AssertionV2]
 * GET  /v2/badgeclasses/{entityId}/assertions -> 200, AssertionV2[] (query: recipient, num,
 *      include_expired, include_revoked; expired and revoked ones are hidden by default)
 * GET  /v2/issuers/{entityId}/assertions      -> 200, same, for all classes of the issuer
 * POST /v2/badgeclasses/{entityId}/issue      -> 201, envelope with AssertionV2[] (batch, all or nothing)
 * GET  /v2/assertions/{entityId}              -> 200, envelope with [AssertionV2]
 * PUT  /v2/assertions/{entityId}              -> 200, envelope with the updated [AssertionV2] (updatable: evidence, narrative, expires)
 * DELETE /v2/assertions/{entityId}            -> 200, envelope with the revoked [AssertionV2];
 *      body `{revocation_reason}`; 400 when already revoked
 */
import { z } from 'zod';
import {
  badgrCreatedBy,
  badgrExtensions,
  E164_PATTERN,
  IRI_PATTERN,
  MIN_ISSUED_YEAR,
  httpUrl,
  humanBoolean,
  isoDateTimeWithZone,
  markdownText,
} from './common';
import { VERIFICATION_TYPES } from './badge-classes.contract';

/** Badgr `BadgeInstance.RECIPIENT_TYPE_CHOICES`. */
export const RECIPIENT_TYPES = ['email', 'url', 'telephone', 'id'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

/**
 * Badgr `BadgeRecipientSerializerV2.HASHED_DEFAULTS`: when `hashed` is not sent, email and
 * telephone identities are hashed, url and id identities are not.
 */
export const HASHED_DEFAULTS: Readonly<Record<RecipientType, boolean>> = {
  email: true,
  telephone: true,
  url: false,
  id: false,
};

/** Max assertions in one batch issue (POST /v2/badgeclasses/{id}/issue). */
export const MAX_BATCH_ASSERTIONS = 100;
/** Tolerated clock skew for "issuedOn is not in the future". */
export const ISSUED_ON_CLOCK_SKEW_MS = 60_000;
export const REVOCATION_REASON_MAX = 1024;

const emailCheck = z.email();
const urlCheck = z.url({ protocol: /^https?$/ });

/** Why `identity` is not a valid identity of `type`, or undefined when it is. */
export function recipientIdentityProblem(type: RecipientType, identity: string): string | undefined {
  switch (type) {
    case 'email':
      return emailCheck.safeParse(identity).success ? undefined : 'Enter a valid email address.';
    case 'url':
      return urlCheck.safeParse(identity).success ? undefined : 'Enter a valid URL.';
    case 'telephone':
      return E164_PATTERN.test(identity) ? undefined : 'Enter a telephone number in E.164 format, e.g. +15551234567.';
    case 'id':
      return IRI_PATTERN.test(identity) ? undefined : 'Enter a valid IRI, e.g. https://example.org/people/1 or urn:uuid:….';
  }
}

/**
 * Badgr `BadgeRecipientSerializerV2`: `identity` in plain text (we hash it with a salt),
 * `type` (default email), `hashed` (default per type, see HASHED_DEFAULTS).
 * `plaintextIdentity` and `salt` are read-only and stripped if sent.
 */
export const RecipientSchema = z
  .object({
    identity: z.string().trim().min(1, { error: 'This field may not be blank.' }).max(1024),
    type: z.enum(RECIPIENT_TYPES).default('email'),
    hashed: z.boolean().nullish(),
  })
  .superRefine((value, ctx) => {
    if (typeof value.identity !== 'string' || value.identity === '') return;
    const problem = recipientIdentityProblem(value.type, value.identity);
    if (problem) ctx.addIssue({ code: 'custom', path: ['identity'], message: problem });
  })
  .transform((value) => ({
    identity: value.identity,
    type: value.type,
    hashed: value.hashed ?? HASHED_DEFAULTS[value.type],
  }));
export type Recipient = z.output<typeof RecipientSchema>;

/** Badgr `EvidenceItemSerializerV2`: url and/or narrative. */
export const EvidenceItemSchema = z
  .object({
    url: httpUrl(1024).nullish(),
    narrative: markdownText().nullish(),
  })
  .superRefine((value, ctx) => {
    if (!value.url && !value.narrative) ctx.addIssue({ code: 'custom', message: 'Either url or narrative is required.' });
  });
export type EvidenceItem = z.output<typeof EvidenceItemSchema>;

const issuedOnField = isoDateTimeWithZone().superRefine((iso, ctx) => {
  const at = Date.parse(iso);
  if (at > Date.now() + ISSUED_ON_CLOCK_SKEW_MS) {
    ctx.addIssue({ code: 'custom', message: 'Only issuedOn dates in the past are acceptable.' });
  } else if (new Date(at).getUTCFullYear() < MIN_ISSUED_YEAR) {
    ctx.addIssue({
      code: 'custom',
      message: 'Only issuedOn dates after the introduction of the Gregorian calendar are allowed.',
    });
  }
});

/** Longest recipient name staff may give with an award. */
export const RECIPIENT_NAME_MAX = 256;

const assertionFields = {
  recipient: RecipientSchema,
  /**
   * Ours: the recipient's name as staff know it, kept for the console's list and search only
   * (never in the public document): a hashed identity cannot be read back (decision 0038).
   */
  recipientName: z
    .string()
    .trim()
    .max(RECIPIENT_NAME_MAX, { error: `Ensure this field has no more than ${RECIPIENT_NAME_MAX} characters.` })
    .nullish(),
  /** Defaults to now (server time). ISO 8601 with timezone; not in the future. */
  issuedOn: issuedOnField.optional(),
  narrative: markdownText().nullish(),
  evidence: z.array(EvidenceItemSchema).max(100).optional(),
  /** ISO 8601 with timezone, after issuedOn (or after now when issuedOn is absent). `null`: never. */
  expires: isoDateTimeWithZone().nullish(),
  /** Email the recipient (Badgr `notify`, default false). */
  notify: humanBoolean().default(false),
  /** Badgr: when false, refuse a second live award of the class to the same recipient. */
  allowDuplicateAwards: z.boolean().default(true),
};

function checkExpiresAfterIssuedOn(
  value: { issuedOn?: string; expires?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (typeof value.expires !== 'string') return;
  const issued = typeof value.issuedOn === 'string' ? Date.parse(value.issuedOn) : Date.now();
  if (Number.isNaN(issued)) return;
  if (Date.parse(value.expires) <= issued) {
    ctx.addIssue({
      code: 'custom',
      path: ['expires'],
      message: value.issuedOn ? 'expires must be after issuedOn.' : 'expires must be in the future.',
    });
  }
}

/**
 * Body of POST /v2/badgeclasses/{entityId}/assertions (award to one recipient).
 * Unknown fields are stripped: `badgeclass`, `badgeclassOpenBadgeId`, `issuer` (the class
 * comes from the path, as Badgr does for this route), `extensions` (ignored).
 */
export const AssertionCreateBodySchema = z.object(assertionFields).superRefine(checkExpiresAfterIssuedOn);
export type AssertionCreateBody = z.output<typeof AssertionCreateBodySchema>;
export type AssertionCreateInput = z.input<typeof AssertionCreateBodySchema>;

/**
 * Body of PUT /v2/assertions/{entityId} (Badgr `BadgeInstanceSerializerV2.update`): evidence,
 * narrative and expiry can change, each optional (absent: kept; `null`, `""` or `[]`: cleared),
 * at least one. Other fields are stripped, so a client that sends back what it read works:
 * recipient, badge class and issue date never change here (Badgr also let a PUT change the
 * recipient and issue date; revoke and award again instead). `expires` must be after the stored
 * issuedOn, which the service checks.
 */
export const AssertionUpdateBodySchema = z
  .object({
    narrative: assertionFields.narrative,
    evidence: assertionFields.evidence,
    expires: assertionFields.expires,
  })
  .refine((value) => value.narrative !== undefined || value.evidence !== undefined || value.expires !== undefined, {
    error: 'Send at least one of evidence, narrative or expires: only those can change.',
  });
export type AssertionUpdateBody = z.output<typeof AssertionUpdateBodySchema>;
export type AssertionUpdateInput = z.input<typeof AssertionUpdateBodySchema>;

/**
 * Body of POST /v2/badgeclasses/{entityId}/issue (Badgr `BatchAssertionsIssue`): synchronous,
 * 1 to 100 assertions, all or nothing. Errors point into the list: `assertions.3.recipient.identity`.
 */
export const BatchIssueBodySchema = z.object({
  assertions: z
    .array(z.object(assertionFields).superRefine(checkExpiresAfterIssuedOn))
    .min(1, { error: 'Send at least one assertion.' })
    .max(MAX_BATCH_ASSERTIONS, { error: `Send at most ${MAX_BATCH_ASSERTIONS} assertions per batch.` }),
  /** Badgr: notify every recipient by email (default false). */
  create_notification: humanBoolean().default(false),
});
export type BatchIssueBody = z.output<typeof BatchIssueBodySchema>;
export type BatchIssueInput = z.input<typeof BatchIssueBodySchema>;

/** Body of DELETE /v2/assertions/{entityId} (Badgr `BadgeInstanceDetail.delete`). */
export const RevokeBodySchema = z.object({
  revocation_reason: z
    .string()
    .trim()
    .min(1, { error: 'This field is required.' })
    .max(REVOCATION_REASON_MAX, { error: `Ensure this field has no more than ${REVOCATION_REASON_MAX} characters.` }),
});
export type RevokeBody = z.output<typeof RevokeBodySchema>;

/** Body of POST /v2/assertions/revoke (Badgr `BatchAssertionsRevoke`); note the camelCase here, as Badgr. */
export const BatchRevokeBodySchema = z
  .array(
    z.object({
      entityId: z.string().trim().min(1),
      revocationReason: z.string().trim().min(1).max(REVOCATION_REASON_MAX),
    }),
  )
  .min(1)
  .max(MAX_BATCH_ASSERTIONS);
export type BatchRevokeBody = z.output<typeof BatchRevokeBodySchema>;

/** One result of POST /v2/assertions/revoke (200, description "revoked badges"). */
export const BatchRevokeResultV2Schema = z.object({
  entityId: z.string().optional(),
  revoked: z.boolean(),
  revocationReason: z.string().optional(),
  reason: z.string().optional().describe('Why it was not revoked, e.g. "permission denied or object not found"'),
});
export type BatchRevokeResultV2 = z.output<typeof BatchRevokeResultV2Schema>;

/** Ours: what the console's awards list filters on. `active` is neither revoked nor expired. */
export const AWARD_STATUSES = ['active', 'revoked', 'expired'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];
export const AWARD_SEARCH_MAX = 200;

/** Query of the assertion lists. `recipient` may repeat. */
export const AssertionListQuerySchema = z.object({
  recipient: z.union([z.string(), z.array(z.string())]).optional(),
  /**
   * Ours: finds awards by what staff can search: the recipient's name (substring, any case), the
   * exact email or identity (any case for emails: matched through the keyed lookup, since hashed
   * identities cannot be read), or part of an unhashed identity.
   */
  q: z.string().trim().min(1, { error: 'Type at least one character.' }).max(AWARD_SEARCH_MAX).optional(),
  /** Ours: only active, revoked or expired awards; when given, include_revoked and include_expired are ignored. */
  status: z.enum(AWARD_STATUSES).optional(),
  num: z.coerce.number().int().min(1).max(500).optional(),
  include_expired: z.enum(['true', 'false', '1', '0']).optional(),
  include_revoked: z.enum(['true', 'false', '1', '0']).optional(),
});
export type AssertionListQuery = z.output<typeof AssertionListQuerySchema>;

export const ACCEPTANCE_STATUSES = ['Unaccepted', 'Accepted', 'Rejected'] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];

export const RecipientV2Schema = z.object({
  identity: z.string().describe('`sha256$<hex>` of identity + salt when hashed, else the plain identity'),
  hashed: z.boolean(),
  type: z.enum(RECIPIENT_TYPES),
  plaintextIdentity: z
    .string()
    .optional()
    .describe('The plain identity: always for an unhashed recipient, for a hashed one only in the answer that created it'),
  salt: z.string().optional().describe('Present when hashed'),
});
export type RecipientV2 = z.output<typeof RecipientV2Schema>;

export const EvidenceV2Schema = z.object({
  url: z.string().nullable(),
  narrative: z.string().nullable(),
});
export type EvidenceV2 = z.output<typeof EvidenceV2Schema>;

/** An Assertion as the v2 API returns it. Field names and order follow Badgr. */
export const AssertionV2Schema = z
  .object({
    entityType: z.literal('Assertion'),
    entityId: z.string(),
    openBadgeId: z.url().describe('Public URL of the OB 2.0 Assertion (`/public/assertions/{entityId}`); also its `id`'),
    createdAt: z.iso.datetime(),
    createdBy: badgrCreatedBy(),
    badgeclass: z.string().describe('entityId of the BadgeClass'),
    badgeclassOpenBadgeId: z.url(),
    issuer: z.string().describe('entityId of the Issuer'),
    issuerOpenBadgeId: z.url(),
    image: z.url().describe('URL of the baked image (`/public/assertions/{entityId}/image`; for an award in OB 3.0 only, the credential\'s, `/public/credentials/{entityId}/image`)'),
    recipient: RecipientV2Schema,
    recipientName: z.string().nullable().describe('Ours: the name staff gave with the award (staff only, never public)'),
    issuedOn: z.iso.datetime(),
    narrative: z.string().nullable(),
    evidence: z.array(EvidenceV2Schema),
    revoked: z.boolean(),
    revocationReason: z.string().nullable(),
    acceptance: z.enum(ACCEPTANCE_STATUSES),
    expires: z.iso.datetime().nullable(),
    extensions: badgrExtensions(),
    verification: z.enum(VERIFICATION_TYPES).describe('Ours: "signed" when the assertion is a JWS'),
    signature: z.string().optional().describe('Ours: a signed assertion\'s compact JWS (also what its baked image carries)'),
    openBadgeCredentialUrl: z
      .url()
      .optional()
      .describe('Ours: the OB 3.0 OpenBadgeCredential of the same award (`/public/credentials/{entityId}`), when the award has that form (decision 0048)'),
  })
  .describe('Badgr v2 Assertion. `openBadgeId` is the public URL of the OB 2.0 Assertion.');
export type AssertionV2 = z.output<typeof AssertionV2Schema>;
