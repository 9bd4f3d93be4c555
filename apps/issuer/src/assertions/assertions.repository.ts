import { Injectable } from '@nestjs/common';

import { randomUUID } from 'node:crypto';

import { insertJsonArray, insertJsonRows, type SqlSession } from '@badges/persistence';

import type { Assertion, AssertionEvidence, Prisma } from '../generated/prisma/client';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';

import type { AwardStatus } from '@badges/api-contracts';
import { LoopSlicer, type TenantScope } from '@badges/service-kit';

export type AssertionRecord = Assertion & { evidence: AssertionEvidence[] };

/** The columns of an award's OB 3.0 form, all set or all null (CHECK assertions_credential_complete). */
type CredentialColumns = 'credential' | 'credentialFormat' | 'credentialKeyId' | 'statusListIndex';

/**
 * The columns a caller sets when awarding; the repository sets tenancy, revocation state,
 * timestamps and the migration columns (an award is ours: no published id of another platform). Signed badges set `signedJws` and `signingKeyId` together (a check constraint
 * refuses one without the other); an award with an OB 3.0 form sets its credential's columns.
 */
export type NewAssertion = Omit<Assertion, 'institutionId' | 'revoked' | 'revocationReason' | 'revokedAt' | 'createdAt' | 'updatedAt' | 'signedJws' | 'signingKeyId' | 'documentId' | 'migrationDigest' | CredentialColumns> &
  Partial<Pick<Assertion, 'signedJws' | 'signingKeyId' | CredentialColumns>> & { evidence: Pick<AssertionEvidence, 'url' | 'narrative'>[] };

/**
 * What an edit (PUT /v2/assertions/{id}) may set: evidence (replaced as a whole), narrative,
 * expiry, a signed assertion's new signature and an OB 3.0 award's newly signed credential.
 */
export type AssertionChanges = Partial<Pick<Assertion, 'narrative' | 'expires' | 'signedJws' | 'signingKeyId' | 'credential' | 'credentialFormat' | 'credentialKeyId'>> & {
  evidence?: Pick<AssertionEvidence, 'url' | 'narrative'>[];
};

export interface AssertionFilter {
  badgeClassId?: string;
  issuerId?: string;
  recipientLookups?: string[];
  /** The console's search: a name or an unhashed identity containing `text`, or a recipient whose lookup is one of `lookups`. */
  search?: { text: string; lookups: string[] };
  /** When set, replaces includeRevoked and includeExpired. */
  status?: AwardStatus;
  includeRevoked: boolean;
  includeExpired: boolean;
  now: Date;
}

/** Keyset position in the newest-first order: stable under concurrent inserts, O(page) per page. */
export interface AssertionCursor {
  createdAt: Date;
  id: string;
}

export type RevokeOutcome = { outcome: 'revoked'; assertion: AssertionRecord } | { outcome: 'not_found' } | { outcome: 'already_revoked' };

const withEvidence = { evidence: { orderBy: { position: 'asc' } } } as const;


@Injectable()
export class AssertionsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  /**
   * Inserts a batch with two statements (assertions, then evidence), inside the caller's
   * transaction: row-at-a-time inserts are slow on PGlite (design.md §9), and all-or-nothing
   * is the batch contract.
   */
  async createMany(scope: TenantScope, rows: NewAssertion[], sql: SqlSession): Promise<AssertionRecord[]> {
    const institutionId = scope.institutionId;
    // Every column is set here, so the records are known without reading the batch back.
    const now = new Date();
    const records: AssertionRecord[] = [];
    const assertionsJson: string[] = [];
    let columns: string[] = [];
    const evidenceRows: AssertionEvidence[] = [];
    // A bulk chunk's 500 rows are built and serialised in slices, so the shared event loop keeps turning.
    const slicer = new LoopSlicer();
    for (const row of rows) {
      await slicer.turn();
      const { evidence: evidenceFields, signedJws = null, signingKeyId = null, credential = null, credentialFormat = null, credentialKeyId = null, statusListIndex = null, ...fields } = row;
      const assertion: Assertion = {
        ...fields,
        institutionId,
        revoked: false,
        revocationReason: null,
        revokedAt: null,
        signedJws,
        signingKeyId,
        credential,
        credentialFormat,
        credentialKeyId,
        statusListIndex,
        documentId: null,
        migrationDigest: null,
        createdAt: now,
        updatedAt: now,
      };
      const evidence = evidenceFields.map((item, position) => ({ id: randomUUID(), institutionId, assertionId: row.id, position, url: item.url, narrative: item.narrative }));
      evidenceRows.push(...evidence);
      columns = Object.keys(assertion);
      assertionsJson.push(JSON.stringify(assertion));
      records.push({ ...assertion, evidence });
    }
    if (rows.length > 0) {
      const insert = insertJsonArray('issuer', 'assertions', columns, `[${assertionsJson.join(',')}]`);
      await sql.query(insert.sql, insert.params);
    }
    const evidenceInsert = insertJsonRows('issuer', 'assertion_evidence', evidenceRows);
    if (evidenceInsert) await sql.query(evidenceInsert.sql, evidenceInsert.params);
    return records;
  }

  async findById(scope: TenantScope, id: string, tx: IssuerTx = this.prisma): Promise<AssertionRecord | null> {
    return tx.assertion.findFirst({ where: { id, institutionId: scope.institutionId }, include: withEvidence });
  }

  /**
   * The assertion with its row locked until the caller's transaction ends, so an edit reads what
   * it changes (and signs it) with no other edit or revocation in between.
   */
  async findForUpdate(scope: TenantScope, id: string, tx: IssuerTx): Promise<AssertionRecord | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "issuer"."assertions" WHERE "id" = ${id} AND "institutionId" = ${scope.institutionId} FOR UPDATE`;
    return locked.length === 1 ? this.findById(scope, id, tx) : null;
  }

  /** Applies an edit to an assertion the caller locked (`findForUpdate`); a new `updatedAt` makes its stored bake stale. */
  async update(scope: TenantScope, id: string, changes: AssertionChanges, tx: IssuerTx): Promise<AssertionRecord> {
    const { institutionId } = scope;
    const { evidence, ...fields } = changes;
    await tx.assertion.updateMany({ where: { id, institutionId }, data: { ...fields, updatedAt: new Date() } });
    if (evidence) {
      await tx.assertionEvidence.deleteMany({ where: { institutionId, assertionId: id } });
      if (evidence.length > 0) await tx.assertionEvidence.createMany({ data: evidence.map((item, position) => ({ institutionId, assertionId: id, position, ...item })) });
    }
    return (await this.findById(scope, id, tx)) as AssertionRecord;
  }

  /** Newest first; asks for one extra row to know whether there is a next page. */
  async list(scope: TenantScope, filter: AssertionFilter, page: { num: number; after?: AssertionCursor }): Promise<{ rows: AssertionRecord[]; next?: AssertionCursor }> {
    const where: Prisma.AssertionWhereInput = { institutionId: scope.institutionId };
    if (filter.badgeClassId) where.badgeClassId = filter.badgeClassId;
    if (filter.issuerId) where.issuerId = filter.issuerId;
    if (filter.recipientLookups) where.recipientLookup = { in: filter.recipientLookups };
    const and: Prisma.AssertionWhereInput[] = [];
    const live: Prisma.AssertionWhereInput = { OR: [{ expires: null }, { expires: { gt: filter.now } }] };
    if (filter.status === 'active') and.push({ revoked: false }, live);
    else if (filter.status === 'revoked') and.push({ revoked: true });
    else if (filter.status === 'expired') and.push({ revoked: false, expires: { lte: filter.now } });
    else {
      if (!filter.includeRevoked) where.revoked = false;
      if (!filter.includeExpired) and.push(live);
    }
    if (filter.search) {
      // Walks the class's (createdAt, id) index newest first and stops at a full page: a common
      // term costs a page; a rare one reads the class's rows (measured in the 100k EXPLAIN spec).
      const { text, lookups } = filter.search;
      and.push({
        OR: [
          { recipientName: { contains: text, mode: 'insensitive' } },
          { recipientLookup: { in: lookups } },
          { recipientHashed: false, recipientIdentity: { contains: text, mode: 'insensitive' } },
        ],
      });
    }
    if (page.after) {
      const { createdAt, id } = page.after;
      and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
    }
    if (and.length > 0) where.AND = and;
    const rows = await this.prisma.assertion.findMany({
      where,
      include: withEvidence,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.num + 1,
    });
    if (rows.length <= page.num) return { rows };
    const pageRows = rows.slice(0, page.num);
    const last = pageRows[pageRows.length - 1];
    return { rows: pageRows, next: { createdAt: last.createdAt, id: last.id } };
  }

  /** Which of `lookups` already hold a live (unrevoked) award of this class. */
  async liveAwardLookups(scope: TenantScope, badgeClassId: string, lookups: string[], sql: SqlSession): Promise<Set<string>> {
    if (lookups.length === 0) return new Set();
    // The lookups travel as one JSON parameter: Prisma's `in` binds one per value, which cost a
    // bulk chunk of 500 ten times the CPU of the query itself.
    const rows = await sql.query<{ recipientLookup: string }>(
      `SELECT "recipientLookup" FROM "issuer"."assertions"
       WHERE "institutionId" = $1 AND "badgeClassId" = $2 AND NOT "revoked"
         AND "recipientLookup" = ANY (ARRAY(SELECT json_array_elements_text($3::json)))`,
      [scope.institutionId, badgeClassId, JSON.stringify(lookups)],
    );
    return new Set(rows.map((row) => row.recipientLookup));
  }

  /**
   * A conditional update, so two concurrent revocations cannot both "win": exactly one sees
   * count 1, the other gets already_revoked.
   */
  async revoke(scope: TenantScope, id: string, reason: string, at: Date, tx: IssuerTx = this.prisma): Promise<RevokeOutcome> {
    const { count } = await tx.assertion.updateMany({
      where: { id, institutionId: scope.institutionId, revoked: false },
      data: { revoked: true, revocationReason: reason, revokedAt: at },
    });
    const assertion = await this.findById(scope, id, tx);
    if (!assertion) return { outcome: 'not_found' };
    return count === 1 ? { outcome: 'revoked', assertion } : { outcome: 'already_revoked' };
  }
}
