/**
 * The province operator's API (ours, not Badgr), under /admin with
 * `Authorization: Bearer <ADMIN_TOKEN>`: create, rename, suspend and reactivate institutions, list
 * them with their counts. Answers are plain objects (no v2 envelope). A client secret is shown
 * once; only its hash is stored.
 */
import { z } from 'zod';
import { ApiClientV2Schema } from './api-clients.contract';
import { optionalText, requiredText } from './common';

export const INSTITUTION_NAME_MAX = 255;
export const SUSPENSION_REASON_MAX = 500;

/**
 * A suspended institution's clients and people cannot sign in or call the API; its public badges,
 * badge classes, issuers and images stay readable and verifiable (decision 0032).
 */
export const INSTITUTION_STATUSES = ['active', 'suspended'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

export const CreateInstitutionBodySchema = z.object({
  name: requiredText(INSTITUTION_NAME_MAX).describe('Name of the institution'),
});
export type CreateInstitutionBody = z.output<typeof CreateInstitutionBodySchema>;
export type CreateInstitutionInput = z.input<typeof CreateInstitutionBodySchema>;

/** PATCH /admin/institutions/{id}: the new name (the services that keep the institution learn it too). */
export const RenameInstitutionBodySchema = z.object({
  name: requiredText(INSTITUTION_NAME_MAX).describe('New name of the institution'),
});
export type RenameInstitutionInput = z.input<typeof RenameInstitutionBodySchema>;

/** POST /admin/institutions/{id}/suspend: why, for the operators' own record (no one else sees it). */
export const SuspendInstitutionBodySchema = z.object({
  reason: optionalText(SUSPENSION_REASON_MAX).optional().describe('Why the institution is suspended; kept for operators (blank is no reason)'),
});
export type SuspendInstitutionInput = z.input<typeof SuspendInstitutionBodySchema>;

export const AdminApiClientCredentialsSchema = z.object({
  clientId: z.string(),
  clientSecret: z.string().describe('Shown once; only a hash is stored.'),
});
export type AdminApiClientCredentials = z.output<typeof AdminApiClientCredentialsSchema>;

export const AdminInstitutionCreatedSchema = z.object({
  id: z.string(),
  name: z.string(),
  client: AdminApiClientCredentialsSchema,
});
export type AdminInstitutionCreated = z.output<typeof AdminInstitutionCreatedSchema>;

/** An institution as the operator sees it: the answer of rename, suspend and reactivate. */
export const AdminInstitutionSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(INSTITUTION_STATUSES),
  createdAt: z.iso.datetime(),
  suspendedAt: z.iso.datetime().nullable().describe('Set while suspended'),
  suspendedReason: z.string().nullable().describe('The operator’s note, set while suspended'),
});
export type AdminInstitution = z.output<typeof AdminInstitutionSchema>;

/**
 * What an institution holds. `people` and `apiClients` count only those who may sign in (active
 * people, unrevoked clients). The issuer service's counts are null when it did not answer: the
 * list is still served, so the operator can act while a service is down.
 */
export const AdminInstitutionCountsSchema = z.object({
  people: z.number().int().nonnegative(),
  apiClients: z.number().int().nonnegative(),
  issuers: z.number().int().nonnegative().nullable(),
  badgeClasses: z.number().int().nonnegative().nullable(),
  assertionsAwarded: z.number().int().nonnegative().nullable().describe('Every assertion awarded, revoked ones included'),
  assertionsRevoked: z.number().int().nonnegative().nullable(),
});
export type AdminInstitutionCounts = z.output<typeof AdminInstitutionCountsSchema>;

/** GET /admin/institutions: every institution with its status, counts and API clients (no secrets), oldest first. */
export const AdminInstitutionListSchema = z.object({
  institutions: z.array(
    AdminInstitutionSchema.extend({
      counts: AdminInstitutionCountsSchema,
      clients: z.array(ApiClientV2Schema),
    }),
  ),
});
export type AdminInstitutionList = z.output<typeof AdminInstitutionListSchema>;

/**
 * Internal (gateway → issuer service): GET /internal/institutions/counts, one row per institution
 * that holds anything, in one request for all (the gateway may not read the service's schema).
 */
export const IssuerInstitutionCountsSchema = z.object({
  institutions: z.array(
    z.object({
      institutionId: z.string(),
      issuers: z.number().int().nonnegative(),
      badgeClasses: z.number().int().nonnegative(),
      assertionsAwarded: z.number().int().nonnegative(),
      assertionsRevoked: z.number().int().nonnegative(),
    }),
  ),
});
export type IssuerInstitutionCounts = z.output<typeof IssuerInstitutionCountsSchema>;
