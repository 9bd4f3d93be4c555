/**
 * Operator bootstrap (ours, not Badgr): POST /admin/institutions with
 * `Authorization: Bearer <ADMIN_TOKEN>` creates an institution and its first API client.
 * Answers 201 with a plain AdminInstitutionCreated object (no v2 envelope).
 * The client secret is shown once; only its hash is stored.
 */
import { z } from 'zod';
import { requiredText } from './common';

export const INSTITUTION_NAME_MAX = 255;

export const CreateInstitutionBodySchema = z.object({
  name: requiredText(INSTITUTION_NAME_MAX).describe('Name of the institution'),
});
export type CreateInstitutionBody = z.output<typeof CreateInstitutionBodySchema>;
export type CreateInstitutionInput = z.input<typeof CreateInstitutionBodySchema>;

export interface AdminApiClientCredentials {
  clientId: string;
  /** Plain secret, returned only in this response. */
  clientSecret: string;
}

export interface AdminInstitutionCreated {
  id: string;
  name: string;
  client: AdminApiClientCredentials;
}
