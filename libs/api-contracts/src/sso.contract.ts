/**
 * Single sign-on per institution (issue #16): OpenID Connect, authorization code with PKCE,
 * served by the gateway (decision 0031). Answers of the /v2 routes are in the v2 envelope.
 *
 * Institution admins (a person with `admin`, or an API client of scope `manage`):
 * GET    /v2/institutions/self/sso        -> 200, [SsoSettingsV2] (never the client secret); 404 when none is set
 * PUT    /v2/institutions/self/sso {issuerUrl, clientId, clientSecret?, allowedDomains, roleClaim, roleMappings, ssoOnly, enabled}
 *                                         -> 200, [SsoSettingsV2]; the issuer is checked by OIDC discovery first
 *                                            (422 `sso_discovery_failed`); the secret may be left out to keep the one set
 * DELETE /v2/institutions/self/sso        -> 200, [SsoSettingsV2] (what was removed); people sign in with passwords again
 *
 * The browser (top-level navigations, never fetch):
 * GET /web/sso/start?email=<address>      -> 302 to the institution's provider; or 302 /console?sso_error=<SsoErrorCode>
 * GET /web/sso/callback?code&state        -> 302 /console?sso=signed_in with the staff session cookie; or 302 /console?sso_error=<SsoErrorCode>
 *
 * Who gets in, and with which roles (roleMappingsFor in the gateway):
 * - every mapping whose `claimValue` is among the values of the ID token's `roleClaim` applies; the
 *   person's roles are the union of the applying mappings' roles, and replace their roles at each sign-in;
 * - when none applies, a person who already has an account here (invited or active) signs in with
 *   the roles the admins gave them; anybody else is refused (`no_role`): no account is made without a mapping;
 * - a removed person, or an address that belongs to another institution, is refused (`account_unavailable`).
 */
import { z } from 'zod';

import { requiredText } from './common';
import { IssuerRoleGrantSchema, STAFF_INSTITUTION_ROLES } from './staff.contract';

export const SSO_ALLOWED_DOMAINS_MAX = 50;
export const SSO_ROLE_MAPPINGS_MAX = 100;

/** An email domain as people's addresses end: lower-cased, at least two labels, no `@`. */
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

const emailDomain = z
  .string({ error: 'Expected an email domain, e.g. college.example.' })
  .trim()
  .toLowerCase()
  .regex(DOMAIN_PATTERN, { error: 'Expected an email domain, e.g. college.example (no @, no scheme).' });

/** One value of the role claim (a group name, usually) and the roles it gives. */
export const SsoRoleMappingSchema = z.object({
  claimValue: requiredText(200).describe('A value of the role claim, e.g. a group name, compared exactly'),
  institutionRole: z.enum(STAFF_INSTITUTION_ROLES, { error: 'Expected admin or null.' }).nullable().default(null).describe('admin: the person is an institution admin'),
  issuerRoles: z
    .array(IssuerRoleGrantSchema)
    .max(500)
    .default([])
    .refine((grants) => new Set(grants.map((grant) => grant.issuerId)).size === grants.length, { error: 'Name each issuer once.' })
    .describe('Roles on issuers of this institution (each must exist)'),
});
export type SsoRoleMapping = z.output<typeof SsoRoleMappingSchema>;

/** PUT /v2/institutions/self/sso: the settings, replaced whole (the secret may be left out to keep it). */
export const SsoSettingsBodySchema = z
  .object({
    issuerUrl: z
      .string({ error: 'This field is required.' })
      .trim()
      .max(1024, { error: 'Ensure this field has no more than 1024 characters.' })
      .check(z.url({ protocol: /^https?$/, error: 'Enter the https URL of the OpenID Provider (its issuer).' }))
      .describe('The OpenID Provider’s issuer URL (https; discovery reads /.well-known/openid-configuration under it)'),
    clientId: requiredText(255).describe('The client id the provider gave the platform'),
    clientSecret: requiredText(1024).optional().describe('The client secret (write-only; leave out to keep the one set; required the first time)'),
    allowedDomains: z
      .array(emailDomain)
      .min(1, { error: 'Name at least one email domain.' })
      .max(SSO_ALLOWED_DOMAINS_MAX)
      .refine((domains) => new Set(domains).size === domains.length, { error: 'Name each domain once.' })
      .describe('Email domains whose people sign in through this provider (lower-cased); each belongs to one institution'),
    roleClaim: requiredText(100).nullable().default(null).describe('The ID token claim roles are mapped from, e.g. groups (a string or an array of strings); null: no mapping'),
    roleMappings: z.array(SsoRoleMappingSchema).max(SSO_ROLE_MAPPINGS_MAX).default([]).describe('Which claim values give which roles'),
    ssoOnly: z.boolean({ error: 'Expected true or false.' }).default(false).describe('true: the institution’s people may not sign in with a password (POST /o/token, the console)'),
    enabled: z.boolean({ error: 'Expected true or false.' }).default(true).describe('false: kept, but nobody signs in through it (and ssoOnly does not apply)'),
  })
  .refine((body) => body.roleMappings.length === 0 || body.roleClaim !== null, { error: 'Name the roleClaim the mappings read.', path: ['roleClaim'] });
export type SsoSettingsBody = z.output<typeof SsoSettingsBodySchema>;

/** The settings as admins read them: never the secret, only whether one is set. */
export const SsoSettingsV2Schema = z.object({
  issuerUrl: z.string(),
  clientId: z.string(),
  clientSecretSet: z.literal(true).describe('A secret is set (it is never shown)'),
  allowedDomains: z.array(z.string()),
  roleClaim: z.string().nullable(),
  roleMappings: z.array(SsoRoleMappingSchema),
  ssoOnly: z.boolean(),
  enabled: z.boolean(),
  redirectUri: z.string().describe('Register this redirect URI with the provider'),
  updatedAt: z.iso.datetime(),
});
export type SsoSettingsV2 = z.output<typeof SsoSettingsV2Schema>;

/**
 * Why a single sign-on did not sign the person in: GET /web/sso/start and /web/sso/callback
 * redirect to `/console?sso_error=<code>`, and the console says it in the person's language.
 */
export const SSO_ERROR_CODES = [
  /** The address given at the start is not an email address. */
  'invalid_email',
  /** No institution signs this address's domain in through SSO (nothing more is said). */
  'no_sso_for_domain',
  /** The sign-in's state is missing, expired or was tampered with: start again. */
  'invalid_state',
  /** The provider refused (the person cancelled, `access_denied`, …). */
  'provider_refused',
  /** The provider could not be reached, or its answer did not verify (code, PKCE, ID token). */
  'provider_failed',
  /** The ID token has no email, or the provider says it is not verified. */
  'email_not_verified',
  /** The provider's email is not in a domain the institution allows. */
  'domain_not_allowed',
  /** No mapping gives the person a role, and they have no account here. */
  'no_role',
  /** The address was removed here, or belongs to another institution. */
  'account_unavailable',
  /** The province's operator suspended the institution: nobody of it signs in until it is reactivated. */
  'institution_suspended',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

/** The domain of an address, lower-cased, as allowedDomains hold them (everything after the last `@`). */
export function emailDomainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
