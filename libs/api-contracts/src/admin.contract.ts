/**
 * Operator bootstrap (ours, not Badgr): POST /admin/institutions with
 * `Authorization: Bearer <ADMIN_TOKEN>` creates an institution and its first API client.
 * Answers 201 with a plain AdminInstitutionCreated object (no v2 envelope).
 * The client secret is shown once; only its hash is stored.
 */
import { z } from 'zod';
import { ApiClientV2Schema } from './api-clients.contract';
import { requiredText } from './common';

export const INSTITUTION_NAME_MAX = 255;

export const CreateInstitutionBodySchema = z.object({
  name: requiredText(INSTITUTION_NAME_MAX).describe('Name of the institution'),
});
export type CreateInstitutionBody = z.output<typeof CreateInstitutionBodySchema>;
export type CreateInstitutionInput = z.input<typeof CreateInstitutionBodySchema>;

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

/** GET /admin/institutions: every institution with its API clients (no secrets), oldest first. */
export const AdminInstitutionListSchema = z.object({
  institutions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.iso.datetime(),
      clients: z.array(ApiClientV2Schema),
    }),
  ),
});
export type AdminInstitutionList = z.output<typeof AdminInstitutionListSchema>;
