import { Injectable } from '@nestjs/common';

import type { SigningKey } from '../generated/prisma/client';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';

import { type TenantScope } from '@badges/service-kit';

export type SigningKeyRecord = SigningKey;

export interface NewSigningKey {
  id: string;
  issuerId: string;
  algorithm: string;
  publicKeyPem: string;
  privateKeyEnc: string;
}

/** Oldest first: the order keys were made in, which is also the order they are published in. */
const byAge = [{ createdAt: 'asc' }, { id: 'asc' }] as const;

/** An institution's signing keys. The private half only ever leaves here sealed. */
@Injectable()
export class SigningKeysRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  listForIssuer(scope: TenantScope, issuerId: string, tx: IssuerTx = this.prisma): Promise<SigningKeyRecord[]> {
    return tx.signingKey.findMany({ where: { institutionId: scope.institutionId, issuerId }, orderBy: [...byAge] });
  }

  findActive(scope: TenantScope, issuerId: string, tx: IssuerTx = this.prisma): Promise<SigningKeyRecord | null> {
    return tx.signingKey.findFirst({ where: { institutionId: scope.institutionId, issuerId, retiredAt: null } });
  }

  /**
   * Inserts `key` as the issuer's active key unless one already exists. ON CONFLICT on the
   * partial unique index (one active key per issuer) makes a concurrent first use wait for the
   * other transaction and then do nothing, instead of failing (and aborting) this transaction.
   */
  /** True when this call made the key (false: another transaction's key won the race). */
  async insertIfNoneActive(scope: TenantScope, key: NewSigningKey, tx: IssuerTx): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO "issuer"."signing_keys" ("id", "institutionId", "issuerId", "algorithm", "publicKeyPem", "privateKeyEnc")
      VALUES (${key.id}, ${scope.institutionId}, ${key.issuerId}, ${key.algorithm}, ${key.publicKeyPem}, ${key.privateKeyEnc})
      ON CONFLICT ("issuerId") WHERE "retiredAt" IS NULL DO NOTHING`;
    return inserted > 0;
  }

  async create(scope: TenantScope, key: NewSigningKey, tx: IssuerTx): Promise<void> {
    await tx.signingKey.create({ data: { ...key, institutionId: scope.institutionId } });
  }

  async retireActive(scope: TenantScope, issuerId: string, at: Date, tx: IssuerTx): Promise<void> {
    await tx.signingKey.updateMany({ where: { institutionId: scope.institutionId, issuerId, retiredAt: null }, data: { retiredAt: at } });
  }

  /**
   * Row lock on the issuer: rotations of one issuer run one after the other, so two concurrent
   * rotations cannot both retire the same key and race to insert the next. False: no such issuer.
   */
  async lockIssuer(scope: TenantScope, issuerId: string, tx: IssuerTx): Promise<boolean> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "issuer"."issuers" WHERE "id" = ${issuerId} AND "institutionId" = ${scope.institutionId} FOR UPDATE`;
    return rows.length === 1;
  }
}
