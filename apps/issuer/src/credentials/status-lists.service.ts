import { Injectable } from '@nestjs/common';

import type { EventOrigin } from '@badges/events';
import { buildStatusListCredential, encodeStatusList, signWithDataIntegrity, statusListPosition } from '@badges/openbadges';
import type { SqlSession } from '@badges/persistence';
import type { TenantScope } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import type { IssuerTx } from '../prisma/issuer-prisma.service';
import { SigningKeysService, type UnsealedDidKey } from '../signing/signing-keys.service';
import { StatusListsRepository } from './status-lists.repository';

/** A revoked award as its status list sees it. */
export interface RevokedCredential {
  issuerId: string;
  statusListIndex: number | null;
}

/**
 * An issuer's Bitstring Status Lists (decision 0048): one signed BitstringStatusListCredential per
 * 131,072 indexes, signed by the issuer's Ed25519 key whatever its credential proof. Each is made
 * (all zeros) by the award that first reaches it, and rebuilt and signed again inside the
 * transaction of every revocation of one of its credentials: the next read after the revocation
 * answered shows it, and reads never sign.
 */
@Injectable()
export class StatusListsService {
  constructor(
    private readonly lists: StatusListsRepository,
    private readonly urls: PublicUrls,
    private readonly keys: SigningKeysService,
  ) {}

  /**
   * Reserves `count` status indexes of the issuer (issuer-wide counter values) and makes the lists
   * they fall in that do not exist yet, in the caller's session. Returns the first index.
   */
  async reserve(sql: SqlSession, scope: TenantScope, issuerId: string, count: number, didKey: UnsealedDidKey): Promise<number> {
    const first = await this.lists.reserve(sql, scope, issuerId, count);
    const from = statusListPosition(first).listNumber;
    const to = statusListPosition(first + count - 1).listNumber;
    const wanted = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const existing = await this.lists.existing(sql, issuerId, wanted);
    for (const listNumber of wanted.filter((n) => !existing.has(n))) {
      await this.lists.insertIfAbsent(sql, scope, issuerId, listNumber, await this.signedList(issuerId, listNumber, [], didKey));
    }
    return first;
  }

  /**
   * Rebuilds the lists of `revoked` credentials, in the revocation's transaction: per issuer, per
   * list in order (two revocations lock lists in the same order, so they never deadlock).
   */
  async revoked(tx: IssuerTx, sql: SqlSession, scope: TenantScope, origin: EventOrigin, revoked: readonly RevokedCredential[]): Promise<void> {
    const byIssuer = new Map<string, Set<number>>();
    for (const { issuerId, statusListIndex } of revoked) {
      if (statusListIndex === null) continue;
      const lists = byIssuer.get(issuerId) ?? new Set<number>();
      lists.add(statusListPosition(statusListIndex).listNumber);
      byIssuer.set(issuerId, lists);
    }
    for (const issuerId of [...byIssuer.keys()].sort()) {
      const didKey = await this.keys.activeDidKey(scope, issuerId, tx, origin);
      for (const listNumber of [...(byIssuer.get(issuerId) as Set<number>)].sort((a, b) => a - b)) {
        await this.rebuild(sql, scope, issuerId, listNumber, didKey);
      }
    }
  }

  private async rebuild(sql: SqlSession, scope: TenantScope, issuerId: string, listNumber: number, didKey: UnsealedDidKey): Promise<void> {
    if (!(await this.lists.lock(sql, issuerId, listNumber))) {
      // Made by every award that reaches it, so only a row deleted by hand lands here: make it, then lock it.
      await this.lists.insertIfAbsent(sql, scope, issuerId, listNumber, await this.signedList(issuerId, listNumber, [], didKey));
      await this.lists.lock(sql, issuerId, listNumber);
    }
    const revoked = await this.lists.revokedPositions(sql, issuerId, listNumber);
    await this.lists.save(sql, issuerId, listNumber, await this.signedList(issuerId, listNumber, revoked, didKey));
  }

  private async signedList(issuerId: string, listNumber: number, revokedPositions: readonly number[], didKey: UnsealedDidKey): Promise<string> {
    const list = buildStatusListCredential({
      id: this.urls.statusList(issuerId, listNumber),
      issuer: this.urls.issuerDid(issuerId),
      validFrom: new Date(),
      encodedList: await encodeStatusList(revokedPositions),
    });
    const signed = await signWithDataIntegrity(list, { verificationMethod: this.urls.didKey(issuerId, didKey.id), privateKeyPem: didKey.privateKeyPem, publicKeyPem: didKey.publicKeyPem });
    return JSON.stringify(signed);
  }
}
