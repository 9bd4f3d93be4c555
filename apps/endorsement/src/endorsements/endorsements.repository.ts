import { Injectable } from '@nestjs/common';

import type { EndorsementRole } from '@badges/api-contracts';
import type { TenantScope } from '@badges/service-kit';

import type { Endorsement, Prisma } from '../generated/prisma/client';
import { EndorsementPrismaService, type EndorsementTx } from '../prisma/endorsement-prisma.service';

const LIST_LIMIT = 500;

/** Endorsements are visible (and withdrawable) by their two parties; anyone else gets 404. */
@Injectable()
export class EndorsementsRepository {
  constructor(private readonly prisma: EndorsementPrismaService) {}

  create(data: Prisma.EndorsementUncheckedCreateInput, tx: EndorsementTx): Promise<Endorsement> {
    return tx.endorsement.create({ data });
  }

  find(scope: TenantScope, id: string, tx: EndorsementTx = this.prisma): Promise<Endorsement | null> {
    return tx.endorsement.findFirst({
      where: { id, OR: [{ institutionId: scope.institutionId }, { endorserInstitutionId: scope.institutionId }] },
    });
  }

  list(scope: TenantScope, role: EndorsementRole): Promise<Endorsement[]> {
    const where = role === 'endorser' ? { endorserInstitutionId: scope.institutionId } : { institutionId: scope.institutionId };
    return this.prisma.endorsement.findMany({ where, orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }], take: LIST_LIMIT });
  }

  /** The public document: no tenant (it is published), with the endorser's profile. */
  findPublic(id: string) {
    return this.prisma.endorsement.findUnique({ where: { id } });
  }

  /** An endorser's withdrawn SIGNED endorsements, oldest withdrawal first: its RevocationList. */
  revokedSigned(endorserProfileId: string): Promise<Endorsement[]> {
    return this.prisma.endorsement.findMany({
      where: { endorserProfileId, revokedAt: { not: null }, signedJws: { not: null } },
      orderBy: [{ revokedAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Revokes once: false when it was already revoked (a concurrent or repeated withdrawal). */
  async revoke(id: string, by: TenantScope, reason: string | null, tx: EndorsementTx): Promise<boolean> {
    const { count } = await tx.endorsement.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date(), revokedByInstitutionId: by.institutionId, revocationReason: reason },
    });
    return count === 1;
  }
}
