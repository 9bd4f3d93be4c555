import { ISSUER_STAFF_ROLES, type IssuerStaffRole } from '@badges/api-contracts';

/** One issuer a person has a role on (Badgr's issuer staff); the issuer is the issuer service's entityId. */
export interface IssuerRoleGrant {
  issuerId: string;
  role: IssuerStaffRole;
}

/**
 * What a person may do in their institution: an institution admin may do everything, anyone else
 * what their roles on each issuer allow. Neither: no role at all (reads only; the gateway refuses
 * such a person every write).
 */
export interface StaffRoles {
  admin: boolean;
  issuers: readonly IssuerRoleGrant[];
}

/** What the header says for a person without any role. */
export const NO_STAFF_ROLES = 'none';
const ADMIN = 'admin';
const ISSUER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The `x-badges-staff-roles` value (InternalHeader.StaffRoles): `admin` (which covers every
 * issuer, so nothing follows it), else `<role>:<issuerId>` items joined by commas, else `none`.
 */
export function formatStaffRoles(roles: StaffRoles): string {
  if (roles.admin) return ADMIN;
  if (roles.issuers.length === 0) return NO_STAFF_ROLES;
  return roles.issuers.map((grant) => `${grant.role}:${grant.issuerId}`).join(',');
}

/**
 * The roles a `x-badges-staff-roles` value names, or undefined when it is malformed (an unknown
 * role, an issuer id that is not an entity id, an issuer named twice, an empty item): a service
 * must then refuse the request, never guess. The gateway strips the header from callers and sets it
 * on every request of a person, so a `staff:` actor without it is a bug to refuse as well.
 */
export function parseStaffRoles(value: string): StaffRoles | undefined {
  const text = value.trim();
  if (text === NO_STAFF_ROLES) return { admin: false, issuers: [] };
  let admin = false;
  const issuers: IssuerRoleGrant[] = [];
  for (const item of text.split(',').map((part) => part.trim())) {
    if (item === ADMIN) {
      admin = true;
      continue;
    }
    const colon = item.indexOf(':');
    const role = item.slice(0, colon);
    const issuerId = item.slice(colon + 1);
    if (colon < 0 || !isIssuerStaffRole(role) || !ISSUER_ID.test(issuerId) || issuers.some((grant) => grant.issuerId === issuerId)) return undefined;
    issuers.push({ issuerId, role });
  }
  return { admin, issuers };
}

/**
 * What a role on an issuer allows (issue #16, Badgr's roles; docs/security.md has the same table):
 * - `owner`: everything on the issuer (edit or delete it, its signing keys, its staff list);
 * - `editor`: its badge classes (create, edit, delete) and awards;
 * - `staff`: awards only (award, bulk-award, edit and revoke assertions, resend their emails);
 * and every role reads the issuer and what hangs off it. An institution admin may do all of it on
 * every issuer of the institution, and besides manages people, API clients and single sign-on.
 */
export const ISSUER_ACTIONS = ['read', 'award', 'edit-badge-classes', 'manage-issuer'] as const;
export type IssuerAction = (typeof ISSUER_ACTIONS)[number];

const ROLE_ALLOWS: Record<IssuerStaffRole, readonly IssuerAction[]> = {
  owner: ISSUER_ACTIONS,
  editor: ['read', 'award', 'edit-badge-classes'],
  staff: ['read', 'award'],
};

/** Whether a person with `roles` may do `action` on the issuer `issuerId`. */
export function staffMayOnIssuer(roles: StaffRoles, issuerId: string, action: IssuerAction): boolean {
  if (roles.admin) return true;
  const grant = roles.issuers.find((candidate) => candidate.issuerId === issuerId);
  return grant !== undefined && ROLE_ALLOWS[grant.role].includes(action);
}

/** A person with no role anywhere: the gateway refuses them every institution API write. */
export function hasAnyStaffRole(roles: StaffRoles): boolean {
  return roles.admin || roles.issuers.length > 0;
}

function isIssuerStaffRole(value: string): value is IssuerStaffRole {
  return (ISSUER_STAFF_ROLES as readonly string[]).includes(value);
}
