import { Injectable } from '@nestjs/common';

import { isUniqueViolation } from '@badges/persistence';
import type { IssuerInstitutionCounts } from '@badges/api-contracts';
import { type TenantScope } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

const select = { id: true, name: true } as const;

export interface InstitutionRecord {
  id: string;
  name: string;
}

/**
 * Institutions are the tenants themselves, so their upsert is keyed by id rather than scoped;
 * only the gateway (internal route) calls it.
 */
@Injectable()
export class InstitutionsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async upsert(id: string, name: string): Promise<{ institution: InstitutionRecord; created: boolean }> {
    const existing = await this.prisma.institution.findUnique({ where: { id }, select: { id: true } });
    if (existing) {
      return { institution: await this.prisma.institution.update({ where: { id }, data: { name }, select }), created: false };
    }
    try {
      return { institution: await this.prisma.institution.create({ data: { id, name }, select }), created: true };
    } catch (error) {
      // Two gateway retries raced: the other one created it, so this one is an update.
      if (!isUniqueViolation(error)) throw error;
      return { institution: await this.prisma.institution.update({ where: { id }, data: { name }, select }), created: false };
    }
  }

  /**
   * Issuers, badge classes and assertions (all, and revoked) per institution, across tenants: only
   * the operator's list asks (through the gateway). One grouped count per table, each served by an
   * index that starts with institutionId; institutions that hold nothing are left out.
   */
  async counts(): Promise<IssuerInstitutionCounts['institutions']> {
    const [issuers, badgeClasses, assertions] = await Promise.all([
      this.prisma.issuer.groupBy({ by: ['institutionId'], _count: { _all: true } }),
      this.prisma.badgeClass.groupBy({ by: ['institutionId'], _count: { _all: true } }),
      this.prisma.assertion.groupBy({ by: ['institutionId', 'revoked'], _count: { _all: true } }),
    ]);
    const rows = new Map<string, IssuerInstitutionCounts['institutions'][number]>();
    const row = (institutionId: string) => {
      let counts = rows.get(institutionId);
      if (!counts) rows.set(institutionId, (counts = { institutionId, issuers: 0, badgeClasses: 0, assertionsAwarded: 0, assertionsRevoked: 0 }));
      return counts;
    };
    for (const group of issuers) row(group.institutionId).issuers = group._count._all;
    for (const group of badgeClasses) row(group.institutionId).badgeClasses = group._count._all;
    for (const group of assertions) {
      const counts = row(group.institutionId);
      counts.assertionsAwarded += group._count._all;
      if (group.revoked) counts.assertionsRevoked += group._count._all;
    }
    return [...rows.values()].sort((a, b) => a.institutionId.localeCompare(b.institutionId));
  }

  /** Whether the tenant of `scope` is known here, i.e. the gateway has registered it. */
  async exists(scope: TenantScope): Promise<boolean> {
    return (await this.prisma.institution.count({ where: { id: scope.institutionId } })) > 0;
  }
}
