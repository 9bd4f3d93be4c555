import { Injectable } from '@nestjs/common';

import { identityMatches } from '@badges/openbadges';
import { insertJsonRows, newEntityId, prismaSqlSession, type SqlSession } from '@badges/persistence';

import type { PassportTx } from '../prisma/passport-prisma.service';

interface AwardRecipient {
  assertionId: string;
  recipientType: string;
  recipientIdentity: string;
  recipientHashed: boolean;
  recipientSalt: string | null;
}

/** An award as the intake stores it, with the lookup key it is collected by (null: none known). */
export interface CollectableAward extends AwardRecipient {
  lookup: string | null;
  [column: string]: unknown;
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
    await this.lockAll(prismaSqlSession(tx), [lookup]);
  }

  /**
   * The batch form of `lock`: every key of a run, in one statement. Locks are taken in the order
   * of their hashes, so two runs sharing keys wait for each other instead of deadlocking.
   */
  async lockAll(sql: SqlSession, lookups: readonly string[]): Promise<void> {
    if (lookups.length === 0) return;
    // hashtext() folds the key to the int4 the lock takes; collisions only serialise unrelated work.
    await sql.query(
      `SELECT count(pg_advisory_xact_lock(h)) AS locked
       FROM (SELECT DISTINCT hashtext(k) AS h FROM json_array_elements_text($1::json) AS k ORDER BY 1) AS keys`,
      [JSON.stringify(lookups)],
    );
  }

  /** Awards just arrived: collect each for whoever verified its identifier (one read for the run). */
  async collectAwards(sql: SqlSession, awards: readonly CollectableAward[]): Promise<number> {
    const lookups = [...new Set(awards.flatMap((award) => (award.lookup ? [award.lookup] : [])))];
    if (lookups.length === 0) return 0;
    const identifiers = await sql.query<VerifiedIdentifier & { lookup: string }>(
      `SELECT "learnerId", "type", "value", "lookup" FROM passport.learner_identifiers
       WHERE "verifiedAt" IS NOT NULL AND "lookup" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))`,
      [JSON.stringify(lookups)],
    );
    const rows = awards.flatMap((award) =>
      [...new Set(identifiers.filter((identifier) => identifier.lookup === award.lookup && matches(award, identifier)).map((identifier) => identifier.learnerId))].map(
        (learnerId) => ({ learnerId, assertionId: award.assertionId }),
      ),
    );
    return this.insert(sql, rows);
  }

  /** An identifier was just verified: collect every award already made to it. */
  async collectForIdentifier(tx: PassportTx, identifier: VerifiedIdentifier & { lookup: string }): Promise<number> {
    const awards = await tx.award.findMany({ where: { lookup: identifier.lookup } });
    const mine = awards.filter((award) => matches(award, identifier));
    return this.insert(prismaSqlSession(tx), mine.map((award) => ({ learnerId: identifier.learnerId, assertionId: award.assertionId })));
  }

  /**
   * One award for one learner, whatever its lookup (a Badgr backpack names the award itself):
   * collected only when one of their verified identifiers is its recipient. False when none is.
   */
  async collectForLearner(tx: PassportTx, learnerId: string, identifiers: readonly { type: string; value: string }[], award: AwardRecipient): Promise<boolean> {
    if (!identifiers.some((identifier) => matches(award, { learnerId, ...identifier }))) return false;
    await this.insert(prismaSqlSession(tx), [{ learnerId, assertionId: award.assertionId }]);
    return true;
  }

  private async insert(sql: SqlSession, rows: { learnerId: string; assertionId: string }[]): Promise<number> {
    const now = new Date();
    const statement = insertJsonRows('passport', 'backpack_badges', rows.map((row) => ({ id: newEntityId(), ...row, status: 'pending', updatedAt: now })), { skipDuplicates: true });
    if (!statement) return 0;
    return (await sql.query(`${statement.sql} RETURNING "id"`, statement.params)).length;
  }
}

function matches(award: AwardRecipient, identifier: VerifiedIdentifier): boolean {
  if (award.recipientType !== identifier.type) return false;
  return identityMatches(
    { type: award.recipientType, identity: award.recipientIdentity, hashed: award.recipientHashed, salt: award.recipientSalt ?? undefined },
    identifier.value,
  );
}
