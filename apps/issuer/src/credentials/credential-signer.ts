import { Injectable } from '@nestjs/common';

import type { CredentialProof } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { buildOpenBadgeCredential, signAsVcJwt, signWithDataIntegrity, statusListPosition } from '@badges/openbadges';
import type { SqlSession } from '@badges/persistence';
import { LoopSlicer, type TenantScope } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import type { IssuerTx } from '../prisma/issuer-prisma.service';
import { SigningKeysService, type UnsealedDidKey, type UnsealedSigningKey } from '../signing/signing-keys.service';
import { credentialInput, type CredentialAward, type CredentialSubjectSource } from './credential-input';
import { StatusListsService } from './status-lists.service';

/** The keys an issuer's 3.0 awards are signed with, unsealed once per award (or bulk run). */
export interface CredentialKeys {
  proof: CredentialProof;
  /** Always: it signs the status lists, and the credentials of an `eddsa-rdfc-2022` issuer. */
  didKey: UnsealedDidKey;
  /** A `vc-jwt` issuer's active RS256/ES256 key. */
  jwsKey?: UnsealedSigningKey;
}

/** The columns of an award's OB 3.0 form (schema.prisma Assertion). */
export interface SignedCredential {
  credential: string;
  credentialFormat: 'ldp' | 'jwt';
  credentialKeyId: string;
  statusListIndex: number;
}

/**
 * Builds and signs awards' OpenBadgeCredentials (decision 0048): once, at award time (and again
 * when the award is edited), never on a read. About 6 ms of CPU each, so batches yield to the
 * event loop between credentials.
 */
@Injectable()
export class CredentialSigner {
  constructor(
    private readonly urls: PublicUrls,
    private readonly keys: SigningKeysService,
    private readonly statusLists: StatusListsService,
  ) {}

  /** The issuer's keys for its credential proof, each made on first use (in `tx`, or on its own). */
  async keysFor(scope: TenantScope, issuer: { id: string; credentialProof: string }, tx: IssuerTx, origin: EventOrigin): Promise<CredentialKeys> {
    const proof = issuer.credentialProof as CredentialProof;
    const didKey = await this.keys.activeDidKey(scope, issuer.id, tx, origin);
    return { proof, didKey, ...(proof === 'vc-jwt' ? { jwsKey: await this.keys.activeKey(scope, issuer.id, tx, origin) } : {}) };
  }

  /**
   * One signed credential per award, in order, with consecutive status indexes reserved (and their
   * lists made) in `sql`: the award's transaction, or (a bulk chunk, signed before its transaction
   * opens) a statement of its own, where a crash or a duplicate row only leaves an index unused.
   */
  async signAll(sql: SqlSession, scope: TenantScope, source: CredentialSubjectSource, keys: CredentialKeys, awards: readonly CredentialAward[]): Promise<SignedCredential[]> {
    if (awards.length === 0) return [];
    const first = await this.statusLists.reserve(sql, scope, source.issuer.id, awards.length, keys.didKey);
    const signed: SignedCredential[] = [];
    const slicer = new LoopSlicer();
    for (const [i, award] of awards.entries()) {
      await slicer.turn();
      signed.push(await this.sign(source, keys, award, first + i));
    }
    return signed;
  }

  /** The credential of one award at status index `statusListIndex` (an issuer-wide counter value). */
  async sign(source: CredentialSubjectSource, keys: CredentialKeys, award: CredentialAward, statusListIndex: number): Promise<SignedCredential> {
    const issuerId = source.issuer.id;
    const credential = buildOpenBadgeCredential(credentialInput(award, source, this.urls, statusListPosition(statusListIndex)));
    if (keys.proof === 'vc-jwt' && keys.jwsKey) {
      const { jwsKey } = keys;
      const jwt = await signAsVcJwt(credential, { algorithm: jwsKey.algorithm, kid: this.urls.jwksKey(issuerId, jwsKey.id), privateKeyPem: jwsKey.privateKeyPem });
      return { credential: jwt, credentialFormat: 'jwt', credentialKeyId: jwsKey.id, statusListIndex };
    }
    const { didKey } = keys;
    const proven = await signWithDataIntegrity(credential, { verificationMethod: this.urls.didKey(issuerId, didKey.id), privateKeyPem: didKey.privateKeyPem, publicKeyPem: didKey.publicKeyPem });
    // The official OB 3.0 schema wants `proof` as a list (VC 2.0 allows either); a proof's value
    // signs the credential without its proof, so the list changes nothing it covers.
    const listed = { ...proven, proof: [proven.proof] };
    return { credential: JSON.stringify(listed), credentialFormat: 'ldp', credentialKeyId: didKey.id, statusListIndex };
  }
}
