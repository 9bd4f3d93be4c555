import { issuerStaffV2, type IssuerStaffV2, type StaffMemberV2 } from '@badges/api-contracts';

import type { StaffRecord } from './staff.repository';

export function toStaffMemberV2(person: StaffRecord): StaffMemberV2 {
  return {
    staffId: person.id,
    email: person.email,
    name: person.name,
    status: person.status,
    institutionRole: person.institutionRole,
    issuerRoles: person.issuerRoles.map((grant) => ({ issuerId: grant.issuerId, role: grant.role })),
    language: person.language,
    createdAt: person.createdAt.toISOString(),
    lastSignInAt: person.lastSignInAt?.toISOString() ?? null,
    removedAt: person.removedAt?.toISOString() ?? null,
  };
}

/**
 * One person of an issuer's staff, as Badgr's IssuerStaffSerializerV2 has it: `user` is the person's
 * id, and their one name is split into Badgr's first and last name at its first space. The address
 * is `verified` once the person accepted the invitation that was sent to it.
 */
export function toIssuerStaffV2(person: StaffRecord, issuerId: string): IssuerStaffV2 {
  const role = person.issuerRoles.find((grant) => grant.issuerId === issuerId)?.role;
  if (!role) throw new Error(`staff ${person.id} has no role on issuer ${issuerId}`);
  return issuerStaffV2(person, role);
}
