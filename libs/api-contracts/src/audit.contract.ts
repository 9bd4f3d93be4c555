/**
 * The audit trail (issue #16; ours, Badgr had none). Served by the gateway to the institution's
 * admins: a client token of scope `manage`, or a person with the `admin` role. Read only: no route changes
 * an entry. docs/api.md "Audit trail".
 *
 * GET /v2/audit?actor=&action=&target=&from=&to=&num=&cursor= -> 200, AuditEntryV2[] newest first, `pagination.nextResults`
 * GET /v2/audit/export.csv (the same filters)                 -> 200, text/csv of every entry that matches
 */
import { z } from 'zod';

import { entityId, isoDateTimeWithZone } from './common';

/**
 * What happened, as a stable code `<entity>.<verb>`: filters and integrations branch on it, so a
 * code is never renamed (new ones are added). Staff and SSO changes add theirs here.
 */
export const AUDIT_ACTIONS = [
  'assertion.awarded',
  'assertion.updated',
  'assertion.revoked',
  'bulk_award.started',
  'bulk_award.finished',
  'issuer.created',
  'issuer.updated',
  'issuer.deleted',
  'badge_class.created',
  'badge_class.updated',
  'badge_class.deleted',
  'signing_key.created',
  'signing_key.rotated',
  'endorsement.requested',
  'endorsement.approved',
  'endorsement.declined',
  'endorsement.withdrawn',
  'client.created',
  'client.rotated',
  'client.revoked',
  'staff.invited',
  'staff.joined',
  'staff.roles_changed',
  'staff.removed',
  'staff.sessions_revoked',
  'staff.password_reset',
  'institution.renamed',
  'institution.suspended',
  'institution.reactivated',
  /** A person the institution's SSO let in for the first time (a role mapping applied): made by the platform. */
  'staff.created',
  'staff.signed_in_sso',
  'sso.configured',
  'sso.removed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about. A signing key's entries are about its issuer (`signing_key.*` target the Issuer). */
export const AUDIT_TARGET_TYPES = ['Issuer', 'BadgeClass', 'Assertion', 'BulkAward', 'EndorsementRequest', 'Endorsement', 'ApiClient', 'StaffMember', 'Institution', 'SsoSettings'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AUDIT_PAGE_SIZE = { default: 100, max: 1000 } as const;

/** `client:<clientId>` or `staff:<staffId>`: how the platform names an actor (as in `createdBy`). */
const ACTOR_TEXT = /^(client|staff):[A-Za-z0-9_-]{1,64}$/;

const actions = z.enum(AUDIT_ACTIONS, { error: 'Unknown action; see AUDIT_ACTIONS in docs/api.md.' });

/** The filters of both routes; each one narrows (they combine with AND; several `action`s with OR). */
export const AuditFilterSchema = z
  .object({
    actor: z.string().regex(ACTOR_TEXT, { error: 'Expected client:<clientId> or staff:<staffId>.' }).optional().describe('Only what this actor did: `client:<clientId>` or `staff:<staffId>`'),
    action: z
      .union([actions, z.array(actions).max(AUDIT_ACTIONS.length)])
      .transform((value) => (typeof value === 'string' ? [value] : value))
      .optional()
      .describe('Only these actions; repeat the parameter for several (`action=assertion.awarded&action=assertion.revoked`)'),
    target: entityId().optional().describe('Only entries about this entity (an assertion, badge class, issuer, API client, …), by its entityId'),
    from: isoDateTimeWithZone().optional().describe('Only changes at or after this instant (ISO 8601 with a zone)'),
    to: isoDateTimeWithZone().optional().describe('Only changes before this instant (ISO 8601 with a zone)'),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { error: '`from` must be before `to`.', path: ['to'] });
export type AuditFilter = z.output<typeof AuditFilterSchema>;

/** GET /v2/audit: the filters, and a page of them. */
export const AuditQuerySchema = AuditFilterSchema.safeExtend({
  num: z.coerce
    .number({ error: 'A valid integer is required.' })
    .int({ error: 'A valid integer is required.' })
    .min(1, { error: 'Ensure this value is greater than or equal to 1.' })
    .max(AUDIT_PAGE_SIZE.max, { error: `Ensure this value is less than or equal to ${AUDIT_PAGE_SIZE.max}.` })
    .default(AUDIT_PAGE_SIZE.default)
    .describe('Entries per page'),
  cursor: z.string().max(200).optional().describe('Where the next page starts: follow `pagination.nextResults` as given'),
});
export type AuditQuery = z.output<typeof AuditQuerySchema>;

/** One field's change: `before` absent when the change created it, `after` absent when it removed it. */
export const AuditChangeSchema = z.object({
  before: z.unknown().optional().describe('Any JSON value'),
  after: z.unknown().optional().describe('Any JSON value'),
});

export const AuditEntryV2Schema = z.object({
  entityId: z.string(),
  occurredAt: z.iso.datetime().describe('When the change was committed'),
  actor: z
    .string()
    .nullable()
    .meta({ example: 'client:Qx3fE2aL0sVb8n1R9kTzYw' })
    .describe('Who made the change: `client:<clientId>` or `staff:<staffId>`; null when the platform (or the province’s operator) did'),
  actorName: z
    .string()
    .nullable()
    .meta({ example: 'Ada Lovelace' })
    .describe('The actor’s name as it is now (the person’s, or the API client’s), read when the trail is; null when the platform (or the operator) acted'),
  action: z.enum(AUDIT_ACTIONS),
  target: z.object({ type: z.enum(AUDIT_TARGET_TYPES), entityId: z.string() }),
  correlationId: z.string().describe('The request (or job) that made the change: the `x-correlation-id` its answer carried'),
  changes: z.record(z.string(), AuditChangeSchema).describe('What the change did, field by field; never a secret'),
  eventId: z.uuid().nullable().describe('The event the entry was recorded from; null for the gateway’s own changes (API clients)'),
});
export type AuditEntryV2 = z.output<typeof AuditEntryV2Schema>;
export type AuditChanges = AuditEntryV2['changes'];
