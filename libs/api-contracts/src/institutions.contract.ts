/**
 * GET /v2/institutions/self (ours): the institution of the calling API client,
 * in the v2 envelope: `{status, result: [InstitutionV2]}`.
 */
export interface InstitutionV2 {
  entityId: string;
  name: string;
}
