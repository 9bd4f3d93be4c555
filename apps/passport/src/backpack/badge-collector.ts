import { Injectable } from '@nestjs/common';

import { identityMatches } from '@badges/openbadges';
import { newEntityId } from '@badges/persistence';

import type { PassportTx } from '../prisma/passport-prisma.service';

interface AwardRecipient {
  assertionId: string;
  recipientType: string;
  recipientIdentity: string;
  recipientHashed: boolean;
  recipientSalt: string | null;
}

interface VerifiedIdentifier {
  learnerId: string;
  type: string;
  value: string;
}

/**
 * Puts awards into passports as pending badges. Both ways in meet here: an award arriving for an
 * identifier already verified, and an identifier verified after its awards arrived. Both take a
 * transaction-scoped advisory lock on the lookup key first, so the two can never miss each other.
 * Equal lookups are double-checked against the published (salted) identity before collecting.
 */
@Injectable()
export class BadgeCollector {
  async lock(tx: PassportTx, lookup: string): Promise<void> {
    // hashtext() folds the key to the int4 the lock takes; collisions only serialise unrelated work.
    await tx.$queryRawUnsafe('SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS held', lookup);
  }

  /** An award just arrived: collect it for whoever verified that identifier. */
  async collectAward(tx: PassportTx, award: AwardRecipient, lookup: string): Promise<number> {
    const identifiers = await tx.learnerIdentifier.findMany({ where: { lookup, verifiedAt: { not: null } } });
    const owners = identifiers.filter((identifier) => matches(award, identifier)).map((identifier) => identifier.learnerId);
    return this.insert(tx, [...new Set(owners)].map((learnerId) => ({ learnerId, assertionId: award.assertionId })));
  }

  /** An identifier was just verified: collect every award already made to it. */
  async collectForIdentifier(tx: PassportTx, identifier: VerifiedIdentifier & { lookup: string }): Promise<number> {
    const awards = await tx.award.findMany({ where: { lookup: identifier.lookup } });
    const mine = awards.filter((award) => matches(award, identifier));
    return this.insert(tx, mine.map((award) => ({ learnerId: identifier.learnerId, assertionId: award.assertionId })));
  }

  private async insert(tx: PassportTx, rows: { learnerId: string; assertionId: string }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const created = await tx.backpackBadge.createMany({ data: rows.map((row) => ({ id: newEntityId(), ...row, status: 'pending' })), skipDuplicates: true });
    return created.count;
  }
}

function matches(award: AwardRecipient, identifier: VerifiedIdentifier): boolean {
  if (award.recipientType !== identifier.type) return false;
  return identityMatches(
    { type: award.recipientType, identity: award.recipientIdentity, hashed: award.recipientHashed, salt: award.recipientSalt ?? undefined },
    identifier.value,
  );
}
