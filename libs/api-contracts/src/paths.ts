/**
 * Routes of the institution API. Badgr v2 paths unless marked "ours".
 * `:entityId` / `:jobId` are path parameters (Fastify / Express syntax).
 */
export const API_PATHS = {
  health: '/health',
  /** Ours. */
  adminInstitutions: '/admin/institutions',
  token: '/o/token',
  /** Ours. */
  institutionSelf: '/v2/institutions/self',

  issuers: '/v2/issuers',
  issuer: '/v2/issuers/:entityId',
  issuerBadgeClasses: '/v2/issuers/:entityId/badgeclasses',
  issuerAssertions: '/v2/issuers/:entityId/assertions',
  /** Ours. */
  issuerStats: '/v2/issuers/:entityId/stats',

  badgeClasses: '/v2/badgeclasses',
  badgeClass: '/v2/badgeclasses/:entityId',
  badgeClassAssertions: '/v2/badgeclasses/:entityId/assertions',
  /** Ours. */
  badgeClassStats: '/v2/badgeclasses/:entityId/stats',
  badgeClassBatchIssue: '/v2/badgeclasses/:entityId/issue',
  /** Ours. */
  badgeClassBulkAwards: '/v2/badgeclasses/:entityId/bulk-awards',
  /** Ours. */
  bulkAward: '/v2/bulk-awards/:jobId',

  assertion: '/v2/assertions/:entityId',
  assertionsBatchRevoke: '/v2/assertions/revoke',
} as const;

export type ApiPathName = keyof typeof API_PATHS;

/** Fill the `:params` of a path: `apiPath('issuer', { entityId: 'abc' })` -> `/v2/issuers/abc`. */
export function apiPath(name: ApiPathName, params: Record<string, string> = {}): string {
  return API_PATHS[name].replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter "${key}" for ${name}`);
    return encodeURIComponent(value);
  });
}
