/** Badge Connect 2.1 (OB 2.1) scopes. */
export const BadgeConnectScope = {
  AssertionRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  AssertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  ProfileRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
} as const;

export type BadgeConnectScope = (typeof BadgeConnectScope)[keyof typeof BadgeConnectScope];

export const ALL_SCOPES: readonly string[] = Object.values(BadgeConnectScope);

/** Space-separated scopes, keeping only the ones we offer (RFC 6749 §3.3). */
export function parseScopes(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/\s+/).filter((scope) => ALL_SCOPES.includes(scope)))];
}
