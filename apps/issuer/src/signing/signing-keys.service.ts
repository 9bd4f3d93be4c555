import { createPrivateKey, type KeyObject } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import type { IssuerKeyAlgorithm } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { DEFAULT_SIGNING_ALGORITHM, generateEd25519Key, generateSigningKeyPair, type SigningAlgorithm } from '@badges/openbadges';
import { newEntityId, prismaSqlSession } from '@badges/persistence';
import { ApiError, type TenantScope } from '@badges/service-kit';

import { IssuerEvents } from '../events/issuer-events';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';
import { KeySealer, signingKeyContext } from './key-sealer';
import { keyFamilyOf, SigningKeysRepository, type KeyFamily, type NewSigningKey, type SigningKeyRecord } from './signing-keys.repository';

/** The issuer's active JWS key (RS256/ES256), unsealed for signing; lives only as long as one award. */
export interface UnsealedSigningKey {
  id: string;
  issuerId: string;
  algorithm: SigningAlgorithm;
  /** Imported once per unseal: a chunk of a bulk award signs hundreds of rows with it. */
  privateKey: KeyObject;
  /** The same key as PKCS#8 PEM, which the OB 3.0 VC-JWT signer takes. */
  privateKeyPem: string;
}

/** The issuer's active Ed25519 (DID) key, unsealed: OB 3.0 Data Integrity proofs and status lists. */
export interface UnsealedDidKey {
  id: string;
  issuerId: string;
  privateKeyPem: string;
  publicKeyPem: string;
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
   * The issuer's active JWS key, made on first use (first signed badge class or award, first
   * VC-JWT) inside the caller's transaction. Race-safe: see SigningKeysRepository.insertIfNoneActive.
   * The caller must already have checked that the issuer belongs to `scope`. `origin`: the change
   * that needed the key, which the key's event names.
   */
  async activeKey(scope: TenantScope, issuerId: string, tx: IssuerTx, origin: EventOrigin): Promise<UnsealedSigningKey> {
    const active = await this.activeOf(scope, issuerId, 'jws', tx, origin);
    const privateKeyPem = this.sealer.open(active.privateKeyEnc, signingKeyContext(active));
    return { id: active.id, issuerId: active.issuerId, algorithm: active.algorithm as SigningAlgorithm, privateKey: createPrivateKey(privateKeyPem), privateKeyPem };
  }

  /** The issuer's active Ed25519 key (its DID key), made on first use as `activeKey` makes the JWS one. */
  async activeDidKey(scope: TenantScope, issuerId: string, tx: IssuerTx, origin: EventOrigin): Promise<UnsealedDidKey> {
    const active = await this.activeOf(scope, issuerId, 'did', tx, origin);
    return { id: active.id, issuerId: active.issuerId, privateKeyPem: this.sealer.open(active.privateKeyEnc, signingKeyContext(active)), publicKeyPem: active.publicKeyPem };
  }

  /**
   * Retires the active key of `algorithm`'s family (it stays published: what it signed keeps
   * verifying) and makes a new one, which signs everything of that family from now on. Also makes
   * the first key of an issuer that has none of that family.
   */
  async rotate(scope: TenantScope, issuerId: string, origin: EventOrigin, algorithm: IssuerKeyAlgorithm = DEFAULT_SIGNING_ALGORITHM): Promise<SigningKeyRecord[]> {
    // Generate (tens of ms of CPU for RSA) before the transaction opens, not while holding locks.
    const next = await this.newKey(scope, issuerId, algorithm);
    const family = keyFamilyOf(algorithm);
    const keys = await this.prisma.$transaction(async (tx) => {
      if (!(await this.keys.lockIssuer(scope, issuerId, tx))) throw ApiError.notFound('issuer');
      const retiring = await this.keys.findActive(scope, issuerId, family, tx);
      await this.keys.retireActive(scope, issuerId, family, new Date(), tx);
      await this.keys.create(scope, next, tx);
      const keys = { active: next.id, ...(retiring ? { retired: retiring.id } : {}) };
      await this.events.issuerUpdated(prismaSqlSession(tx), scope, origin, issuerId, { change: 'keys', keys });
      return this.keys.listForIssuer(scope, issuerId, tx);
    });
    this.events.published();
    return keys;
  }

  private async activeOf(scope: TenantScope, issuerId: string, family: KeyFamily, tx: IssuerTx, origin: EventOrigin): Promise<SigningKeyRecord> {
    const active = await this.keys.findActive(scope, issuerId, family, tx);
    if (active) return active;
    const key = await this.newKey(scope, issuerId, family === 'did' ? 'Ed25519' : DEFAULT_SIGNING_ALGORITHM);
    // The Profile (or the DID document) now lists a key: caches of it must hear so.
    if (await this.keys.insertIfNoneActive(scope, key, tx)) {
      await this.events.issuerUpdated(prismaSqlSession(tx), scope, origin, issuerId, { change: 'keys', keys: { active: key.id } });
    }
    const made = await this.keys.findActive(scope, issuerId, family, tx);
    if (!made) throw new Error(`no active ${family} key for issuer ${issuerId} after creating one`);
    return made;
  }

  private async newKey(scope: TenantScope, issuerId: string, algorithm: IssuerKeyAlgorithm): Promise<NewSigningKey> {
    const id = newEntityId();
    const context = signingKeyContext({ institutionId: scope.institutionId, issuerId, id });
    if (algorithm === 'Ed25519') {
      const pair = await generateEd25519Key();
      return { id, issuerId, algorithm, publicKeyPem: pair.publicKeyPem, publicKeyMultibase: pair.publicKeyMultibase, privateKeyEnc: this.sealer.seal(pair.privateKeyPem, context) };
    }
    const pair = await generateSigningKeyPair(algorithm);
    return { id, issuerId, algorithm, publicKeyPem: pair.publicKeyPem, publicKeyMultibase: null, privateKeyEnc: this.sealer.seal(pair.privateKeyPem, context) };
  }
}
