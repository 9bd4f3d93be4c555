/**
 * GET /v2/institutions/self (ours): the institution of the calling API client,
 * in the v2 envelope: `{status, result: [InstitutionV2]}`.
 */
import { z } from 'zod';

export const InstitutionV2Schema = z.object({
  entityId: z.string(),
  name: z.string(),
});
export type InstitutionV2 = z.output<typeof InstitutionV2Schema>;
