import { Injectable } from '@nestjs/common';

import { isUniqueViolation } from '@badges/persistence';
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

  /** Whether the tenant of `scope` is known here, i.e. the gateway has registered it. */
  async exists(scope: TenantScope): Promise<boolean> {
    return (await this.prisma.institution.count({ where: { id: scope.institutionId } })) > 0;
  }
}
