import type { IssuerStaffRole, StaffRolesBody } from '@badges/api-contracts/types';

/**
 * Badgr's issuer roles, widest first, for the console's choices. `satisfies Record` makes the
 * compiler flag a role the contract has and this list lacks (the web imports types only).
 */
export const ISSUER_ROLES = Object.keys({ owner: 1, editor: 2, staff: 3 } satisfies Record<IssuerStaffRole, number>) as IssuerStaffRole[];

/** A person's roles as the forms edit them: the body of PUT /v2/staff/{id}, and part of the invite. */
export type Roles = StaffRolesBody;

export const NO_ROLES: Roles = { institutionRole: null, issuerRoles: [] };

/** The roles with `issuerId`'s set to `role`, or removed when `role` is empty. */
export function withIssuerRole(roles: Roles, issuerId: string, role: IssuerStaffRole | ''): Roles {
  const others = roles.issuerRoles.filter((grant) => grant.issuerId !== issuerId);
  return { ...roles, issuerRoles: role ? [...others, { issuerId, role }] : others };
}
