import { ISSUER_STAFF_ROLES, type IssuerStaffRole, type SsoRoleMapping, type StaffRolesBody } from '@badges/api-contracts';

/**
 * The values of the role claim in an ID token (or userinfo): a string, or an array whose string
 * items count (IdPs send `groups` either way); anything else, or no claim named, is no value.
 */
export function roleClaimValues(claims: Record<string, unknown>, roleClaim: string | null): string[] {
  if (roleClaim === null) return [];
  const value = claims[roleClaim];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The roles the institution's mappings give a person with these claim values: the union of every
 * mapping that applies (admin if any says so; on each issuer the strongest role any gives), or
 * undefined when none applies — then the person keeps the roles the admins gave them, or, with no
 * account, is not let in (decision 0031).
 */
export function mappedRoles(mappings: readonly SsoRoleMapping[], claimValues: readonly string[]): StaffRolesBody | undefined {
  const values = new Set(claimValues);
  const applying = mappings.filter((mapping) => values.has(mapping.claimValue));
  if (applying.length === 0) return undefined;
  const strongest = new Map<string, IssuerStaffRole>();
  for (const grant of applying.flatMap((mapping) => mapping.issuerRoles)) {
    const held = strongest.get(grant.issuerId);
    // ISSUER_STAFF_ROLES lists the strongest first.
    if (!held || ISSUER_STAFF_ROLES.indexOf(grant.role) < ISSUER_STAFF_ROLES.indexOf(held)) strongest.set(grant.issuerId, grant.role);
  }
  return {
    institutionRole: applying.some((mapping) => mapping.institutionRole === 'admin') ? 'admin' : null,
    issuerRoles: [...strongest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([issuerId, role]) => ({ issuerId, role })),
  };
}
