/**
 * Staff accounts: the people of an institution (issue #16), served by the gateway. A person has an
 * institution role (`admin`, or none) and per-issuer roles (Badgr's `owner`, `editor`, `staff`);
 * they sign in at POST /o/token (grant_type=password, then refresh_token: oauth.contract.ts).
 * Answers are in the v2 envelope.
 *
 * Institution admins (a person with `admin`, or an API client of scope `manage`):
 * GET    /v2/staff                               -> 200, StaffMemberV2[]
 * POST   /v2/staff {email, name, institutionRole, issuerRoles, language}
 *                                                -> 201, [StaffMemberV2] (status `invited`; the invite email carries a one-time link)
 * PUT    /v2/staff/{staffId} {institutionRole, issuerRoles}
 *                                                -> 200, [StaffMemberV2]; the new roles apply within seconds
 * DELETE /v2/staff/{staffId}                     -> 200, [StaffMemberV2] (status `removed`); sessions revoked, tokens refused within seconds
 * POST   /v2/staff/{staffId}/sessions/revoke     -> 200, [StaffSessionsRevokedV2]
 *
 * Anyone signed in: GET /v2/issuers/{entityId}/staff -> 200, IssuerStaffV2[] (Badgr's issuer staff, issuers.contract.ts)
 * The person: GET /v2/staff/self -> 200, [StaffMemberV2]
 * Anonymous (the one-time link's token proves the person):
 * POST /v2/staff/invitations/accept {token, password, name?}   -> 200, [StaffMemberV2] (status `active`)
 * POST /v2/staff/password-reset {email}                         -> 202, always (no account enumeration)
 * POST /v2/staff/password-reset/confirm {token, password}       -> 204; every session of the person revoked
 */
import { z } from 'zod';

import { accountEmail, newPassword, requiredText } from './common';
import { ISSUER_STAFF_ROLES } from './issuers.contract';

/** A person's role in the whole institution: `admin` (everything, people and API clients included), or none (null). */
export const STAFF_INSTITUTION_ROLES = ['admin'] as const;
export type StaffInstitutionRole = (typeof STAFF_INSTITUTION_ROLES)[number];

/** `invited` until the invitation is accepted; `removed` for good (the row stays, for who-did-what). */
export const STAFF_STATUSES = ['invited', 'active', 'removed'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** The languages of the emails a person gets (the inviter chooses; English by default). */
export const STAFF_LANGUAGES = ['en', 'fr'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

export const STAFF_NAME_MAX = 200;
/** More issuers than any institution has: a bound on the roles header, not a policy. */
export const STAFF_ISSUER_ROLES_MAX = 500;

/** An issuer the person has a role on: the issuer's entityId and Badgr's role. */
export const IssuerRoleGrantSchema = z.object({
  issuerId: z
    .string({ error: 'This field is required.' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Expected the entityId of an issuer of this institution.' })
    .describe('entityId of the issuer'),
  role: z.enum(ISSUER_STAFF_ROLES, { error: `Expected one of ${ISSUER_STAFF_ROLES.join(', ')}.` }).describe('owner: everything on the issuer; editor: badge classes and awards; staff: award only'),
});
export type IssuerRoleGrantV2 = z.output<typeof IssuerRoleGrantSchema>;

const rolesFields = {
  institutionRole: z
    .enum(STAFF_INSTITUTION_ROLES, { error: 'Expected admin or null.' })
    .nullable()
    .default(null)
    .describe('admin: everything in the institution, plus people and API clients; null: only what issuerRoles allow'),
  issuerRoles: z
    .array(IssuerRoleGrantSchema)
    .max(STAFF_ISSUER_ROLES_MAX)
    .default([])
    .refine((grants) => new Set(grants.map((grant) => grant.issuerId)).size === grants.length, { error: 'Name each issuer once.' })
    .describe('Roles on issuers of this institution (each must exist)'),
};

/** PUT /v2/staff/{staffId}: the person's roles, replaced whole. */
export const StaffRolesBodySchema = z.object(rolesFields);
export type StaffRolesBody = z.output<typeof StaffRolesBodySchema>;

/** POST /v2/staff: invite a person. Their address is stored lower-cased and is unique on the platform. */
export const StaffInviteBodySchema = z.object({
  email: accountEmail().transform((email) => email.toLowerCase()),
  name: requiredText(STAFF_NAME_MAX),
  language: z.enum(STAFF_LANGUAGES, { error: `Expected one of ${STAFF_LANGUAGES.join(', ')}.` }).default('en').describe('Language of the emails the person gets'),
  ...rolesFields,
});
export type StaffInviteBody = z.output<typeof StaffInviteBodySchema>;

const oneTimeToken = z.string({ error: 'This field is required.' }).trim().min(1, { error: 'This field is required.' }).max(200).describe('The token of the emailed link');

/** POST /v2/staff/invitations/accept: the invitation's token, the person's password, and their name if it should change. */
export const StaffInvitationAcceptBodySchema = z.object({
  token: oneTimeToken,
  password: newPassword(),
  name: requiredText(STAFF_NAME_MAX).optional(),
});
export type StaffInvitationAcceptBody = z.output<typeof StaffInvitationAcceptBodySchema>;

/** POST /v2/staff/password-reset: where to send a reset link (202 whether or not it belongs to anyone). */
export const StaffPasswordResetBodySchema = z.object({ email: accountEmail().transform((email) => email.toLowerCase()) });
export type StaffPasswordResetBody = z.output<typeof StaffPasswordResetBodySchema>;

/** POST /v2/staff/password-reset/confirm: the reset link's token and the new password. */
export const StaffPasswordResetConfirmBodySchema = z.object({ token: oneTimeToken, password: newPassword() });
export type StaffPasswordResetConfirmBody = z.output<typeof StaffPasswordResetConfirmBodySchema>;

/** A person as their institution's admins (and they themselves) see them: never a password hash or a token. */
export const StaffMemberV2Schema = z.object({
  staffId: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(STAFF_STATUSES),
  institutionRole: z.enum(STAFF_INSTITUTION_ROLES).nullable(),
  issuerRoles: z.array(IssuerRoleGrantSchema),
  language: z.enum(STAFF_LANGUAGES),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable().describe('Last password sign-in'),
  removedAt: z.iso.datetime().nullable(),
});
export type StaffMemberV2 = z.output<typeof StaffMemberV2Schema>;

/** POST /v2/staff/{staffId}/sessions/revoke: how many sessions were open. */
export const StaffSessionsRevokedV2Schema = z.object({
  staffId: z.string(),
  revokedSessions: z.number().int().describe('Sessions ended; their access tokens are refused within seconds'),
});
export type StaffSessionsRevokedV2 = z.output<typeof StaffSessionsRevokedV2Schema>;
