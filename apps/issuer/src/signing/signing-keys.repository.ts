import { Injectable } from '@nestjs/common';

import type { IssuerKeyAlgorithm } from '@badges/api-contracts';
import { type TenantScope } from '@badges/service-kit';

import type { Prisma, SigningKey } from '../generated/prisma/client';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';

export type SigningKeyRecord = SigningKey;

/**
 * An issuer has one active key per family (decision 0048): `jws` (RS256/ES256: OB 2.0 signed
 * badges and VC-JWT, published as CryptographicKeys and in the JWKS) and `did` (Ed25519: OB 3.0
 * Data Integrity proofs and status lists, published in the DID document).
 */
export type KeyFamily = 'jws' | 'did';

export function keyFamilyOf(algorithm: string): KeyFamily {
  return algorithm === 'Ed25519' ? 'did' : 'jws';
}

function familyWhere(family: KeyFamily): Prisma.SigningKeyWhereInput {
  return family === 'did' ? { algorithm: 'Ed25519' } : { algorithm: { not: 'Ed25519' } };
}

export interface NewSigningKey {
  id: string;
  issuerId: string;
  algorithm: IssuerKeyAlgorithm;
  publicKeyPem: string;
  /** Ed25519 only: the Multikey of the DID document. */
  publicKeyMultibase: string | null;
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

  findActive(scope: TenantScope, issuerId: string, family: KeyFamily, tx: IssuerTx = this.prisma): Promise<SigningKeyRecord | null> {
    return tx.signingKey.findFirst({ where: { institutionId: scope.institutionId, issuerId, retiredAt: null, ...familyWhere(family) } });
  }

  /** One key of the issuer, active or retired (the credentials it signed name it). */
  findById(scope: TenantScope, issuerId: string, keyId: string, tx: IssuerTx = this.prisma): Promise<SigningKeyRecord | null> {
    return tx.signingKey.findFirst({ where: { institutionId: scope.institutionId, issuerId, id: keyId } });
  }

  /**
   * Inserts `key` as the issuer's active key of its family unless one already exists. ON CONFLICT
   * on the partial unique index (one active key per issuer and family) makes a concurrent first use
   * wait for the other transaction and then do nothing, instead of failing (and aborting) this
   * transaction. True when this call made the key (false: another transaction's key won the race).
   */
  async insertIfNoneActive(scope: TenantScope, key: NewSigningKey, tx: IssuerTx): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO "issuer"."signing_keys" ("id", "institutionId", "issuerId", "algorithm", "publicKeyPem", "publicKeyMultibase", "privateKeyEnc")
      VALUES (${key.id}, ${scope.institutionId}, ${key.issuerId}, ${key.algorithm}, ${key.publicKeyPem}, ${key.publicKeyMultibase}, ${key.privateKeyEnc})
      ON CONFLICT ("issuerId", ("algorithm" = 'Ed25519')) WHERE "retiredAt" IS NULL DO NOTHING`;
    return inserted > 0;
  }

  async create(scope: TenantScope, key: NewSigningKey, tx: IssuerTx): Promise<void> {
    await tx.signingKey.create({ data: { ...key, institutionId: scope.institutionId } });
  }

  async retireActive(scope: TenantScope, issuerId: string, family: KeyFamily, at: Date, tx: IssuerTx): Promise<void> {
    await tx.signingKey.updateMany({ where: { institutionId: scope.institutionId, issuerId, retiredAt: null, ...familyWhere(family) }, data: { retiredAt: at } });
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
