import { createPrivateKey, type KeyObject } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import type { EventOrigin } from '@badges/events';
import { DEFAULT_SIGNING_ALGORITHM, generateSigningKeyPair, type SigningAlgorithm } from '@badges/openbadges';
import { newEntityId, prismaSqlSession } from '@badges/persistence';
import { ApiError, type TenantScope } from '@badges/service-kit';

import { IssuerEvents } from '../events/issuer-events';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';
import { KeySealer, signingKeyContext } from './key-sealer';
import { SigningKeysRepository, type NewSigningKey, type SigningKeyRecord } from './signing-keys.repository';

/** The issuer's active key, unsealed for signing; lives only as long as one award. */
export interface UnsealedSigningKey {
  id: string;
  issuerId: string;
  algorithm: SigningAlgorithm;
  /** Imported once per unseal: a chunk of a bulk award signs hundreds of rows with it. */
  privateKey: KeyObject;
}

@Injectable()
export class SigningKeysService {
  constructor(
    private readonly prisma: IssuerPrismaService,
    private readonly keys: SigningKeysRepository,
    private readonly sealer: KeySealer,
    private readonly events: IssuerEvents,
  ) {}

  list(scope: TenantScope, issuerId: string): Promise<SigningKeyRecord[]> {
    return this.keys.listForIssuer(scope, issuerId);
  }

  /**
   * The issuer's active key, made on first use (first signed badge class or award) inside the
   * caller's transaction. Race-safe: see SigningKeysRepository.insertIfNoneActive. The caller
   * must already have checked that the issuer belongs to `scope`. `origin`: the change that
   * needed the key, which the key's event names.
   */
  async activeKey(scope: TenantScope, issuerId: string, tx: IssuerTx, origin: EventOrigin): Promise<UnsealedSigningKey> {
    let active = await this.keys.findActive(scope, issuerId, tx);
    if (!active) {
      const key = await this.newKey(scope, issuerId, DEFAULT_SIGNING_ALGORITHM);
      // The Profile now lists a key: caches of it must hear so.
      if (await this.keys.insertIfNoneActive(scope, key, tx)) {
        await this.events.issuerUpdated(prismaSqlSession(tx), scope, origin, issuerId, { change: 'keys', keys: { active: key.id } });
      }
      active = await this.keys.findActive(scope, issuerId, tx);
      if (!active) throw new Error(`no active signing key for issuer ${issuerId} after creating one`);
    }
    return this.unseal(active);
  }

  /**
   * Retires the active key (it stays published: what it signed keeps verifying) and makes a new
   * one, which signs everything from now on. Also makes the first key of an issuer that has none.
   */
  async rotate(scope: TenantScope, issuerId: string, origin: EventOrigin, algorithm: SigningAlgorithm = DEFAULT_SIGNING_ALGORITHM): Promise<SigningKeyRecord[]> {
    // Generate (tens of ms of CPU for RSA) before the transaction opens, not while holding locks.
    const next = await this.newKey(scope, issuerId, algorithm);
    const keys = await this.prisma.$transaction(async (tx) => {
      if (!(await this.keys.lockIssuer(scope, issuerId, tx))) throw ApiError.notFound('issuer');
      const retiring = await this.keys.findActive(scope, issuerId, tx);
      await this.keys.retireActive(scope, issuerId, new Date(), tx);
      await this.keys.create(scope, next, tx);
      const keys = { active: next.id, ...(retiring ? { retired: retiring.id } : {}) };
      await this.events.issuerUpdated(prismaSqlSession(tx), scope, origin, issuerId, { change: 'keys', keys });
      return this.keys.listForIssuer(scope, issuerId, tx);
    });
    this.events.published();
    return keys;
  }

  private async newKey(scope: TenantScope, issuerId: string, algorithm: SigningAlgorithm): Promise<NewSigningKey> {
    const id = newEntityId();
    const pair = await generateSigningKeyPair(algorithm);
    const context = signingKeyContext({ institutionId: scope.institutionId, issuerId, id });
    return { id, issuerId, algorithm, publicKeyPem: pair.publicKeyPem, privateKeyEnc: this.sealer.seal(pair.privateKeyPem, context) };
  }

  private unseal(key: SigningKeyRecord): UnsealedSigningKey {
    return {
      id: key.id,
      issuerId: key.issuerId,
      algorithm: key.algorithm as SigningAlgorithm,
      privateKey: createPrivateKey(this.sealer.open(key.privateKeyEnc, signingKeyContext(key))),
    };
  }
}
