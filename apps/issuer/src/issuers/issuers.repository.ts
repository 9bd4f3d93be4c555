import { Injectable } from '@nestjs/common';

import type { CredentialProof } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { type TenantScope } from '@badges/service-kit';

import type { Issuer } from '../generated/prisma/client';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';

/**
 * An issuer row with `credentialProof` narrowed to the contract's list (CHECK
 * issuers_credentialProof_check keeps it there; the readers below narrow it once).
 */
export type IssuerRecord = Omit<Issuer, 'credentialProof'> & { credentialProof: CredentialProof };

/**
 * The columns a caller sets (the image travels separately: it is optional on update; `createdBy`
 * is set once, by `create`).
 */
/** `documentId` and `migrationDigest` are written only by a migration (migrations-in), never by the API. */
/** `nextStatusIndex` only moves by the awards' reservations (credentials/status-lists.repository.ts). */
export type IssuerFields = Omit<IssuerRecord, 'id' | 'institutionId' | 'imageId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'documentId' | 'migrationDigest' | 'nextStatusIndex'>;

export type DeleteIssuerOutcome = { outcome: 'deleted'; imageId: string | null } | { outcome: 'not_found' } | { outcome: 'in_use' };

/** Issuers of one institution. Every method is scoped; there is no finder by id alone. */
@Injectable()
export class IssuersRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async create(scope: TenantScope, fields: IssuerFields & Pick<Issuer, 'imageId' | 'createdBy'>, tx: IssuerTx = this.prisma): Promise<IssuerRecord> {
    return (await tx.issuer.create({ data: { id: newEntityId(), institutionId: scope.institutionId, ...fields } })) as IssuerRecord;
  }

  async list(scope: TenantScope): Promise<IssuerRecord[]> {
    return (await this.prisma.issuer.findMany({ where: { institutionId: scope.institutionId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })) as IssuerRecord[];
  }

  async findById(scope: TenantScope, id: string, tx: IssuerTx = this.prisma): Promise<IssuerRecord | null> {
    return (await tx.issuer.findFirst({ where: { id, institutionId: scope.institutionId } })) as IssuerRecord | null;
  }

  /** Null when the issuer does not exist in this institution. */
  async update(
    scope: TenantScope,
    id: string,
    fields: IssuerFields & Partial<Pick<Issuer, 'imageId'>>,
    tx: IssuerTx = this.prisma,
  ): Promise<IssuerRecord | null> {
    const { count } = await tx.issuer.updateMany({ where: { id, institutionId: scope.institutionId }, data: fields });
    return count === 0 ? null : this.findById(scope, id, tx);
  }

  /** Refuses while badge classes remain (the FK would too; this gives the caller a reason). */
  async delete(scope: TenantScope, id: string, tx: IssuerTx = this.prisma): Promise<DeleteIssuerOutcome> {
    const issuer = await this.findById(scope, id, tx);
    if (!issuer) return { outcome: 'not_found' };
    const badgeClasses = await tx.badgeClass.count({ where: { institutionId: scope.institutionId, issuerId: id } });
    if (badgeClasses > 0) return { outcome: 'in_use' };
    await tx.issuer.deleteMany({ where: { id, institutionId: scope.institutionId } });
    return { outcome: 'deleted', imageId: issuer.imageId };
  }
}
