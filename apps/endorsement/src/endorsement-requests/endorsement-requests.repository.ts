import { Injectable } from '@nestjs/common';

import type { EndorsementRole } from '@badges/api-contracts';
import type { TenantScope } from '@badges/service-kit';

import type { EndorsementRequest, Prisma } from '../generated/prisma/client';
import { EndorsementPrismaService, type EndorsementTx } from '../prisma/endorsement-prisma.service';

/** A request is visible to its two parties only; for anyone else it does not exist (404). */
export function visibleTo(scope: TenantScope): Prisma.EndorsementRequestWhereInput {
  return { OR: [{ institutionId: scope.institutionId }, { endorserInstitutionId: scope.institutionId }] };
}

const LIST_LIMIT = 500;

@Injectable()
export class EndorsementRequestsRepository {
  constructor(private readonly prisma: EndorsementPrismaService) {}

  create(scope: TenantScope, data: Omit<Prisma.EndorsementRequestUncheckedCreateInput, 'institutionId'>, tx: EndorsementTx): Promise<EndorsementRequest> {
    return tx.endorsementRequest.create({ data: { ...data, institutionId: scope.institutionId } });
  }

  find(scope: TenantScope, id: string, tx: EndorsementTx = this.prisma): Promise<EndorsementRequest | null> {
    return tx.endorsementRequest.findFirst({ where: { id, ...visibleTo(scope) } });
  }

  list(scope: TenantScope, role: EndorsementRole): Promise<EndorsementRequest[]> {
    const where = role === 'endorser' ? { endorserInstitutionId: scope.institutionId } : { institutionId: scope.institutionId };
    return this.prisma.endorsementRequest.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: LIST_LIMIT });
  }

  /**
   * pending -> `status`, only if still pending and the caller is the endorser: the conditional
   * update makes two concurrent answers safe (the second changes nothing and is told so).
   */
  async decide(scope: TenantScope, id: string, status: 'approved' | 'declined', tx: EndorsementTx): Promise<boolean> {
    const { count } = await tx.endorsementRequest.updateMany({
      where: { id, endorserInstitutionId: scope.institutionId, status: 'pending' },
      data: { status, decidedAt: new Date() },
    });
    return count === 1;
  }

  markWithdrawn(id: string, tx: EndorsementTx): Promise<unknown> {
    return tx.endorsementRequest.update({ where: { id }, data: { status: 'withdrawn' } });
  }
}
