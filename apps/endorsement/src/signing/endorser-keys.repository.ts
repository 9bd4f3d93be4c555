import { Injectable } from '@nestjs/common';

import type { TenantScope } from '@badges/service-kit';

import type { EndorserSigningKey } from '../generated/prisma/client';
import { EndorsementPrismaService, type EndorsementTx } from '../prisma/endorsement-prisma.service';

export interface NewEndorserKey {
  id: string;
  endorserProfileId: string;
  algorithm: string;
  publicKeyPem: string;
  privateKeyEnc: string;
}

/** Oldest first: the order keys were made in, which is also the order they are published in. */
const byAge = [{ createdAt: 'asc' }, { id: 'asc' }] as const;

/** An endorser's signing keys. The private half only ever leaves here sealed. */
@Injectable()
export class EndorserKeysRepository {
  constructor(private readonly prisma: EndorsementPrismaService) {}

  listOwn(scope: TenantScope, tx: EndorsementTx = this.prisma): Promise<EndorserSigningKey[]> {
    return tx.endorserSigningKey.findMany({ where: { institutionId: scope.institutionId }, orderBy: [...byAge] });
  }

  /** Public: every key of a Profile, retired ones too (what they signed must keep verifying). */
  listPublic(endorserProfileId: string): Promise<EndorserSigningKey[]> {
    return this.prisma.endorserSigningKey.findMany({ where: { endorserProfileId }, orderBy: [...byAge] });
  }

  findPublic(endorserProfileId: string, id: string): Promise<EndorserSigningKey | null> {
    return this.prisma.endorserSigningKey.findFirst({ where: { endorserProfileId, id } });
  }

  findActive(scope: TenantScope, endorserProfileId: string, tx: EndorsementTx): Promise<EndorserSigningKey | null> {
    return tx.endorserSigningKey.findFirst({ where: { institutionId: scope.institutionId, endorserProfileId, retiredAt: null } });
  }

  /**
   * Inserts `key` as the endorser's active key unless one already exists. ON CONFLICT on the
   * partial unique index (one active key per endorser) makes a concurrent first use wait for the
   * other transaction and then do nothing, instead of failing (and aborting) this transaction.
   */
  async insertIfNoneActive(scope: TenantScope, key: NewEndorserKey, tx: EndorsementTx): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO "endorsement"."endorser_signing_keys" ("id", "institutionId", "endorserProfileId", "algorithm", "publicKeyPem", "privateKeyEnc")
      VALUES (${key.id}, ${scope.institutionId}, ${key.endorserProfileId}, ${key.algorithm}, ${key.publicKeyPem}, ${key.privateKeyEnc})
      ON CONFLICT ("endorserProfileId") WHERE "retiredAt" IS NULL DO NOTHING`;
  }

  async create(scope: TenantScope, key: NewEndorserKey, tx: EndorsementTx): Promise<void> {
    await tx.endorserSigningKey.create({ data: { ...key, institutionId: scope.institutionId } });
  }

  async retireActive(scope: TenantScope, endorserProfileId: string, at: Date, tx: EndorsementTx): Promise<void> {
    await tx.endorserSigningKey.updateMany({ where: { institutionId: scope.institutionId, endorserProfileId, retiredAt: null }, data: { retiredAt: at } });
  }

  /**
   * Row lock on the caller's endorser Profile, so its rotations run one after the other (two
   * cannot both retire the same key and race to insert the next). Its id; undefined: no Profile.
   */
  async lockOwnProfile(scope: TenantScope, tx: EndorsementTx): Promise<string | undefined> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "endorsement"."endorser_profiles" WHERE "institutionId" = ${scope.institutionId} FOR UPDATE`;
    return rows[0]?.id;
  }
}
