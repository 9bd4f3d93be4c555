import { ALL_SCOPES } from '@badges/api-contracts';

export { ALL_SCOPES, BadgeConnectScope } from '@badges/api-contracts';

/** Space-separated scopes, keeping only the ones we offer (RFC 6749 §3.3). */
export function parseScopes(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/\s+/).filter((scope) => ALL_SCOPES.includes(scope)))];
}
