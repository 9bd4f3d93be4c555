import { createPrivateKey, type KeyObject } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { DEFAULT_SIGNING_ALGORITHM, generateSigningKeyPair, type SigningAlgorithm } from '@badges/openbadges';
import { newEntityId } from '@badges/persistence';
import { ApiError, type TenantScope } from '@badges/service-kit';

import type { EndorserSigningKey } from '../generated/prisma/client';
import { EndorsementPrismaService, type EndorsementTx } from '../prisma/endorsement-prisma.service';
import { EndorserKeySealer, endorserKeyContext } from './endorser-key-sealer';
import { EndorserKeysRepository, type NewEndorserKey } from './endorser-keys.repository';

/** The endorser's active key, unsealed for signing; lives only as long as one approval. */
export interface UnsealedEndorserKey {
  id: string;
  endorserProfileId: string;
  algorithm: SigningAlgorithm;
  privateKey: KeyObject;
}

/**
 * Endorsers' signing keys, managed as the issuer manages issuers' (docs/decisions/0009): made
 * on first use, sealed at rest, rotated on request, never deleted.
 */
@Injectable()
export class EndorserKeysService {
  constructor(
    private readonly prisma: EndorsementPrismaService,
    private readonly keys: EndorserKeysRepository,
    private readonly sealer: EndorserKeySealer,
  ) {}

  list(scope: TenantScope): Promise<EndorserSigningKey[]> {
    return this.keys.listOwn(scope);
  }

  /**
   * The endorser's active key, made on its first signed approval inside the caller's transaction
   * (race-safe: EndorserKeysRepository.insertIfNoneActive). `endorserProfileId` is the caller's own.
   */
  async activeKey(scope: TenantScope, endorserProfileId: string, tx: EndorsementTx): Promise<UnsealedEndorserKey> {
    let active = await this.keys.findActive(scope, endorserProfileId, tx);
    if (!active) {
      await this.keys.insertIfNoneActive(scope, await this.newKey(scope, endorserProfileId, DEFAULT_SIGNING_ALGORITHM), tx);
      active = await this.keys.findActive(scope, endorserProfileId, tx);
      if (!active) throw new Error(`no active signing key for endorser ${endorserProfileId} after creating one`);
    }
    return {
      id: active.id,
      endorserProfileId: active.endorserProfileId,
      algorithm: active.algorithm as SigningAlgorithm,
      privateKey: createPrivateKey(this.sealer.open(active.privateKeyEnc, endorserKeyContext(active))),
    };
  }

  /**
   * Retires the active key (it stays published: what it signed keeps verifying) and makes a new
   * one, which signs from now on. Also makes the first key of an endorser that has none.
   */
  async rotate(scope: TenantScope, algorithm: SigningAlgorithm = DEFAULT_SIGNING_ALGORITHM): Promise<EndorserSigningKey[]> {
    // Generate (tens of ms of CPU for RSA) before the transaction opens, not while holding locks.
    const pair = await generateSigningKeyPair(algorithm);
    return this.prisma.$transaction(async (tx) => {
      const endorserProfileId = await this.keys.lockOwnProfile(scope, tx);
      if (!endorserProfileId) throw ApiError.notFound('endorser profile');
      await this.keys.retireActive(scope, endorserProfileId, new Date(), tx);
      await this.keys.create(scope, this.sealed(scope, endorserProfileId, algorithm, pair), tx);
      return this.keys.listOwn(scope, tx);
    });
  }

  private async newKey(scope: TenantScope, endorserProfileId: string, algorithm: SigningAlgorithm): Promise<NewEndorserKey> {
    return this.sealed(scope, endorserProfileId, algorithm, await generateSigningKeyPair(algorithm));
  }

  private sealed(scope: TenantScope, endorserProfileId: string, algorithm: SigningAlgorithm, pair: { publicKeyPem: string; privateKeyPem: string }): NewEndorserKey {
    const id = newEntityId();
    const context = endorserKeyContext({ institutionId: scope.institutionId, endorserProfileId, id });
    return { id, endorserProfileId, algorithm, publicKeyPem: pair.publicKeyPem, privateKeyEnc: this.sealer.seal(pair.privateKeyPem, context) };
  }
}
