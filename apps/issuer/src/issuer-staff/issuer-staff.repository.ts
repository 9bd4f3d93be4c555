import { Injectable } from '@nestjs/common';

import { ISSUER_STAFF_ROLES, issuerStaffV2, type IssuerStaffRole, type IssuerStaffV2 } from '@badges/api-contracts';
import type { StaffChangedPayload } from '@badges/events';
import type { TenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

/** Each issuer's staff entries, by issuer entityId. */
export type StaffByIssuer = ReadonlyMap<string, IssuerStaffV2[]>;

/** The people of the institution as the gateway last announced them (IssuerStaffMember). */
@Injectable()
export class IssuerStaffRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  /**
   * Writes the person as the event says, unless a newer event already did: a late or redelivered
   * event changes nothing, so the consumer needs no claim table.
   */
  async apply(institutionId: string, person: StaffChangedPayload, occurredAt: Date): Promise<void> {
    const roles = JSON.stringify(person.issuerRoles);
    await this.prisma.$executeRaw`
      INSERT INTO "issuer"."issuer_staff_members" ("staffId", "institutionId", "name", "email", "status", "issuerRoles", "version")
      VALUES (${person.staffId}, ${institutionId}, ${person.name}, ${person.email}, ${person.status}, ${roles}::jsonb, ${occurredAt})
      ON CONFLICT ("staffId") DO UPDATE SET
        "name" = EXCLUDED."name", "email" = EXCLUDED."email", "status" = EXCLUDED."status",
        "issuerRoles" = EXCLUDED."issuerRoles", "version" = EXCLUDED."version"
      WHERE "issuer_staff_members"."version" <= EXCLUDED."version"
        AND "issuer_staff_members"."institutionId" = EXCLUDED."institutionId"`;
  }

  /** Every issuer's staff (invited and active people; removed ones nowhere), oldest role first as the gateway lists them. */
  async byIssuer(scope: TenantScope): Promise<StaffByIssuer> {
    const people = await this.prisma.issuerStaffMember.findMany({
      where: { institutionId: scope.institutionId, status: { not: 'removed' } },
      orderBy: [{ name: 'asc' }, { staffId: 'asc' }],
    });
    const byIssuer = new Map<string, IssuerStaffV2[]>();
    for (const person of people) {
      for (const grant of rolesOf(person.issuerRoles)) {
        const entries = byIssuer.get(grant.issuerId) ?? [];
        entries.push(issuerStaffV2({ id: person.staffId, name: person.name, email: person.email, status: person.status }, grant.role));
        byIssuer.set(grant.issuerId, entries);
      }
    }
    return byIssuer;
  }
}

/** The stored roles were validated as the event's payload; anything else is skipped, never guessed at. */
function rolesOf(stored: unknown): { issuerId: string; role: IssuerStaffRole }[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (grant): grant is { issuerId: string; role: IssuerStaffRole } =>
      typeof grant?.issuerId === 'string' && (ISSUER_STAFF_ROLES as readonly unknown[]).includes(grant?.role),
  );
}
