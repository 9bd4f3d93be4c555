import { Injectable } from '@nestjs/common';

import { STATUS_LIST_LENGTH } from '@badges/openbadges';
import type { SqlSession } from '@badges/persistence';
import type { TenantScope } from '@badges/service-kit';

/**
 * The issuers' status counters and their signed Bitstring Status Lists (decision 0048). Plain SQL
 * on the caller's session: the award, bulk and revocation paths each bring their own transaction.
 */
@Injectable()
export class StatusListsRepository {
  /**
   * Reserves `count` consecutive indexes of the issuer's counter and returns the first. The UPDATE
   * holds the issuer row's lock until the caller's transaction ends, so two awards never share an index.
   */
  async reserve(sql: SqlSession, scope: TenantScope, issuerId: string, count: number): Promise<number> {
    const [row] = await sql.query<{ nextStatusIndex: number }>(
      `UPDATE "issuer"."issuers" SET "nextStatusIndex" = "nextStatusIndex" + $3
       WHERE "id" = $1 AND "institutionId" = $2 RETURNING "nextStatusIndex"`,
      [issuerId, scope.institutionId, count],
    );
    if (!row) throw new Error(`issuer ${issuerId} not found while reserving status indexes`);
    return Number(row.nextStatusIndex) - count;
  }

  /** Which of `listNumbers` the issuer already has. */
  async existing(sql: SqlSession, issuerId: string, listNumbers: readonly number[]): Promise<Set<number>> {
    const rows = await sql.query<{ listNumber: number }>(
      `SELECT "listNumber" FROM "issuer"."status_list_credentials"
       WHERE "issuerId" = $1 AND "listNumber" = ANY (ARRAY(SELECT json_array_elements_text($2::json)::int))`,
      [issuerId, JSON.stringify(listNumbers)],
    );
    return new Set(rows.map((row) => Number(row.listNumber)));
  }

  /** A first (all zeros) list; another transaction that made it first wins, and nothing changes. */
  async insertIfAbsent(sql: SqlSession, scope: TenantScope, issuerId: string, listNumber: number, credential: string): Promise<void> {
    await sql.query(
      `INSERT INTO "issuer"."status_list_credentials" ("institutionId", "issuerId", "listNumber", "credential", "updatedAt")
       VALUES ($1, $2, $3, $4, now()) ON CONFLICT ("issuerId", "listNumber") DO NOTHING`,
      [scope.institutionId, issuerId, listNumber, credential],
    );
  }

  /**
   * Locks the list's row until the caller's transaction ends, so rebuilds of one list run one after
   * the other and each reads the revocations committed before it. False: the list has no row yet.
   */
  async lock(sql: SqlSession, issuerId: string, listNumber: number): Promise<boolean> {
    const rows = await sql.query(`SELECT 1 FROM "issuer"."status_list_credentials" WHERE "issuerId" = $1 AND "listNumber" = $2 FOR UPDATE`, [issuerId, listNumber]);
    return rows.length === 1;
  }

  /** Positions (0 … 131071) of the list's revoked credentials; the partial index of 0019 holds just these. */
  async revokedPositions(sql: SqlSession, issuerId: string, listNumber: number): Promise<number[]> {
    const from = listNumber * STATUS_LIST_LENGTH;
    const rows = await sql.query<{ statusListIndex: number }>(
      `SELECT "statusListIndex" FROM "issuer"."assertions"
       WHERE "issuerId" = $1 AND "revoked" AND "statusListIndex" IS NOT NULL AND "statusListIndex" >= $2 AND "statusListIndex" < $3`,
      [issuerId, from, from + STATUS_LIST_LENGTH],
    );
    return rows.map((row) => Number(row.statusListIndex) - from);
  }

  async save(sql: SqlSession, issuerId: string, listNumber: number, credential: string): Promise<void> {
    await sql.query(`UPDATE "issuer"."status_list_credentials" SET "credential" = $3, "updatedAt" = now() WHERE "issuerId" = $1 AND "listNumber" = $2`, [issuerId, listNumber, credential]);
  }
}
