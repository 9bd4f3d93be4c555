import { PASSPORT_OAUTH_SCOPES } from '@badges/api-contracts';

export { ALL_SCOPES, BadgeConnectScope, OpenBadgesApiScope } from '@badges/api-contracts';

/** Space-separated scopes, keeping only the ones we offer, Badge Connect's and OB 3.0's (RFC 6749 §3.3). */
export function parseScopes(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/\s+/).filter((scope) => PASSPORT_OAUTH_SCOPES.includes(scope)))];
}
