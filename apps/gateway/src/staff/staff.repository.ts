import { Injectable } from '@nestjs/common';

import type { StaffInstitutionRole, StaffLanguage, StaffRolesBody, StaffStatus } from '@badges/api-contracts';
import type { IssuerRoleGrant } from '@badges/service-kit';

import { STAFF_ROLE_COLUMNS, staffRolesOf } from '../auth/staff-accounts.repository';
import type { StaffMember } from '../generated/prisma/client';
import { GatewayPrismaService, type GatewayTx } from '../prisma/gateway-prisma.service';

/** A person as their institution sees them: never their password hash. */
export type StaffRecord = Omit<StaffMember, 'passwordHash' | 'institutionRole' | 'status' | 'language' | 'updatedAt'> & {
  institutionRole: StaffInstitutionRole | null;
  status: StaffStatus;
  language: StaffLanguage;
  issuerRoles: IssuerRoleGrant[];
};

/** A new person, or the details of one invited again. */
export type StaffInvitee = Pick<StaffMember, 'institutionId' | 'email' | 'name' | 'invitedBy'> & { language: StaffLanguage } & StaffRolesBody;

const STAFF_RECORD = {
  id: true,
  institutionId: true,
  email: true,
  name: true,
  status: true,
  language: true,
  invitedBy: true,
  lastSignInAt: true,
  createdAt: true,
  removedAt: true,
  ...STAFF_ROLE_COLUMNS,
} as const;

type StaffRow = Omit<StaffMember, 'passwordHash' | 'updatedAt'> & { issuerRoles: { issuerId: string; role: string }[] };

/** Rows leave the database here; the CHECK constraints (staff_members_*_check, staff_issuer_roles_role_check) make the casts safe. */
function asStaffRecord(row: StaffRow): StaffRecord {
  const roles = staffRolesOf(row);
  return {
    ...row,
    institutionRole: roles.admin ? 'admin' : null,
    status: row.status as StaffStatus,
    language: row.language as StaffLanguage,
    issuerRoles: [...roles.issuers],
  };
}

/** Managing an institution's people (authentication's reads and writes are auth/staff-accounts.repository.ts). */
@Injectable()
export class StaffRepository {
  constructor(private readonly prisma: GatewayPrismaService) {}

  async listFor(institutionId: string): Promise<StaffRecord[]> {
    const rows = await this.prisma.staffMember.findMany({ where: { institutionId }, select: STAFF_RECORD, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(asStaffRecord);
  }

  /** The people (invited or active) with a role on the issuer, oldest first. */
  async listForIssuer(institutionId: string, issuerId: string): Promise<StaffRecord[]> {
    const rows = await this.prisma.staffMember.findMany({
      where: { institutionId, status: { not: 'removed' }, issuerRoles: { some: { issuerId } } },
      select: STAFF_RECORD,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(asStaffRecord);
  }

  async find(institutionId: string, staffId: string, tx: GatewayTx = this.prisma): Promise<StaffRecord | null> {
    const row = await tx.staffMember.findFirst({ where: { id: staffId, institutionId }, select: STAFF_RECORD });
    return row && asStaffRecord(row);
  }

  /** The person, whatever their institution: for a one-time link, whose token names them. */
  async findById(staffId: string, tx: GatewayTx = this.prisma): Promise<StaffRecord | null> {
    const row = await tx.staffMember.findUnique({ where: { id: staffId }, select: STAFF_RECORD });
    return row && asStaffRecord(row);
  }

  /** Whoever holds the address, in any institution (addresses are unique on the platform). */
  async findByEmail(email: string, tx: GatewayTx = this.prisma): Promise<StaffRecord | null> {
    const row = await tx.staffMember.findUnique({ where: { email }, select: STAFF_RECORD });
    return row && asStaffRecord(row);
  }

  async create(id: string, invitee: StaffInvitee, tx: GatewayTx): Promise<StaffRecord> {
    const { issuerRoles, ...person } = invitee;
    const row = await tx.staffMember.create({
      data: { id, ...person, status: 'invited', issuerRoles: { create: issuerRoles.map((grant) => ({ issuerId: grant.issuerId, role: grant.role })) } },
      select: STAFF_RECORD,
    });
    return asStaffRecord(row);
  }

  /** Invites a removed or still-invited person again: new details, no password, status `invited`. */
  async reinvite(staffId: string, invitee: StaffInvitee, tx: GatewayTx): Promise<StaffRecord> {
    const { issuerRoles, institutionId, institutionRole, ...person } = invitee;
    await this.replaceRoles(institutionId, staffId, { institutionRole, issuerRoles }, tx);
    const row = await tx.staffMember.update({ where: { id: staffId }, data: { ...person, passwordHash: null, status: 'invited', removedAt: null }, select: STAFF_RECORD });
    return asStaffRecord(row);
  }

  /** Replaces the person's roles whole (of `institutionId`: a foreign id changes nothing). */
  async replaceRoles(institutionId: string, staffId: string, roles: StaffRolesBody, tx: GatewayTx): Promise<void> {
    await tx.staffIssuerRole.deleteMany({ where: { institutionId, staffId } });
    await tx.staffIssuerRole.createMany({ data: roles.issuerRoles.map((grant) => ({ institutionId, staffId, issuerId: grant.issuerId, role: grant.role })) });
    await tx.staffMember.updateMany({ where: { id: staffId, institutionId }, data: { institutionRole: roles.institutionRole } });
  }

  /** Sets the person's status (and, on acceptance, their password and name). */
  async update(staffId: string, data: { status?: StaffStatus; passwordHash?: string; name?: string; removedAt?: Date }, tx: GatewayTx = this.prisma): Promise<StaffRecord> {
    return asStaffRecord(await tx.staffMember.update({ where: { id: staffId }, data, select: STAFF_RECORD }));
  }

  inTransaction<T>(work: (tx: GatewayTx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** Locks the person's row for the transaction: two admins editing one person run one after the other. */
  async lock(tx: GatewayTx, staffId: string): Promise<void> {
    await tx.$queryRaw`SELECT "id" FROM "gateway"."staff_members" WHERE "id" = ${staffId} FOR UPDATE`;
  }

  institutionName(institutionId: string, tx: GatewayTx = this.prisma): Promise<string> {
    return tx.institution.findUniqueOrThrow({ where: { id: institutionId }, select: { name: true } }).then((row) => row.name);
  }
}
