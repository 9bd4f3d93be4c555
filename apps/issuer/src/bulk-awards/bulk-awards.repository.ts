import { Injectable } from '@nestjs/common';

import { insertJsonRows, type SqlSession, type SqlStatement } from '@badges/persistence';
import { type TenantScope } from '@badges/service-kit';

import type { AssertionCreateBody, BulkAwardRowStatus, BulkAwardSourceKind } from '@badges/api-contracts';
import type { ChunkOutcome } from '../assertions/award.usecase';
import type { BulkAwardJob, BulkAwardRow } from '../generated/prisma/client';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';

/** What `input` holds: the normalised award body of a valid row, or the raw cells of an invalid one. */
export type StoredRowInput = { item: AssertionCreateBody; recipientName?: string } | { raw: Record<string, string> };

export interface NewBulkRow {
  line: number;
  naturalKey: string | null;
  input: StoredRowInput;
  status: BulkAwardRowStatus;
  error: string | null;
}

export interface ClaimedRow {
  line: number;
  input: StoredRowInput;
}

/**
 * Rows per INSERT of a new job: each statement's JSON is built (and sent) in one go, and 1,000
 * rows keep that to a few ms of the event loop, which the embedded default shares with every
 * request. More statements per job cost nothing measurable: they share one transaction.
 */
const INSERT_BATCH = 1_000;

/** Jobs at least this big refresh the rows table's planner statistics once stored. */
const ANALYZE_FROM_ROWS = 5_000;

@Injectable()
export class BulkAwardsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async findById(scope: TenantScope, id: string, tx: IssuerTx = this.prisma): Promise<BulkAwardJob | null> {
    return tx.bulkAwardJob.findFirst({ where: { institutionId: scope.institutionId, id } });
  }

  async findByIdempotencyKey(scope: TenantScope, key: string): Promise<BulkAwardJob | null> {
    return this.prisma.bulkAwardJob.findFirst({ where: { institutionId: scope.institutionId, idempotencyKey: key } });
  }

  /** The job and all its rows in one transaction: a job is never visible half-stored. */
  async create(
    scope: TenantScope,
    job: Pick<BulkAwardJob, 'id' | 'badgeClassId' | 'idempotencyKey' | 'correlationId' | 'createdBy'> & { sourceKind: BulkAwardSourceKind },
    rows: NewBulkRow[],
    /** Runs in the same transaction once the job is stored: the service writes its events here. */
    stored: (sql: SqlSession, job: BulkAwardJob) => Promise<void> = async () => undefined,
  ): Promise<BulkAwardJob> {
    const failed = rows.filter((r) => r.status === 'failed').length;
    const done = rows.filter((r) => r.status === 'duplicate').length;
    const finished = failed + done === rows.length;
    // Up to 100,000 rows travel as JSON: plain SQL on the Database handle (decision 0015).
    const created = await this.prisma.database.withTransaction(async (sql) => {
      const jobRow = {
        ...job,
        institutionId: scope.institutionId,
        total: rows.length,
        done,
        failed,
        status: finished ? 'completed' : 'queued',
        finishedAt: finished ? new Date() : null,
      };
      const insertJob = insertJsonRows('issuer', 'bulk_award_jobs', [jobRow]) as SqlStatement;
      const [storedJob] = await sql.query<BulkAwardJob>(`${insertJob.sql} RETURNING *`, insertJob.params);
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const batch = rows.slice(i, i + INSERT_BATCH).map((row) => ({ jobId: job.id, line: row.line, naturalKey: row.naturalKey, input: row.input, status: row.status, error: row.error }));
        const statement = insertJsonRows('issuer', 'bulk_award_rows', batch);
        if (statement) await sql.query(statement.sql, statement.params);
      }
      await stored(sql, storedJob);
      return storedJob;
    });
    // A big job changes the table's shape faster than autovacuum re-plans it: without fresh
    // statistics the planner may scan every pending row of the job to claim each chunk.
    if (rows.length >= ANALYZE_FROM_ROWS) await this.prisma.database.exec('ANALYZE "issuer"."bulk_award_rows"');
    return created;
  }

  /** Jobs a worker should (re)start: all of them at boot, since in-process jobs do not survive one. */
  async findUnfinished(limit = 1_000): Promise<Pick<BulkAwardJob, 'id' | 'institutionId'>[]> {
    return this.prisma.bulkAwardJob.findMany({ where: { status: { in: ['queued', 'running'] } }, select: { id: true, institutionId: true }, take: limit, orderBy: { createdAt: 'asc' } });
  }

  async markRunning(scope: TenantScope, id: string): Promise<void> {
    await this.prisma.bulkAwardJob.updateMany({ where: { institutionId: scope.institutionId, id, status: 'queued' }, data: { status: 'running', startedAt: new Date() } });
  }

  /**
   * Up to `limit` pending rows after `afterLine`, in line order, read without a lock: a chunk is
   * prepared (hashed, signed) from them before its transaction opens, which then claims them.
   */
  async peekPending(jobId: string, afterLine: number, limit: number): Promise<ClaimedRow[]> {
    return this.prisma.database.query<ClaimedRow>(
      `SELECT "line", "input" FROM "issuer"."bulk_award_rows"
       WHERE "jobId" = $1 AND "status" = 'pending' AND "line" > $2
       ORDER BY "line" LIMIT $3`,
      [jobId, afterLine, limit],
    );
  }

  /**
   * Locks those of `lines` still pending for this transaction. SKIP LOCKED lets two runs of the same
   * job (a resumed run and BullMQ's recovered stalled one) share the work without awarding a row
   * twice: a row another run holds is skipped, and a row it committed is no longer pending.
   */
  async claimLines(sql: SqlSession, jobId: string, lines: readonly number[]): Promise<{ line: number }[]> {
    return sql.query<{ line: number }>(
      `SELECT "line" FROM "issuer"."bulk_award_rows"
       WHERE "jobId" = $1 AND "status" = 'pending' AND "line" = ANY (ARRAY(SELECT json_array_elements_text($2::json)::int))
       ORDER BY "line"
       FOR UPDATE SKIP LOCKED`,
      [jobId, JSON.stringify(lines)],
    );
  }

  /** Marks the chunk's rows and moves the job's counts, in the caller's (award) transaction. */
  async recordOutcomes(sql: SqlSession, jobId: string, rows: ClaimedRow[], outcomes: ChunkOutcome[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((row, i) => {
      const outcome = outcomes[i];
      const status: BulkAwardRowStatus = outcome.kind;
      return { line: row.line, status, assertion_id: outcome.kind === 'awarded' ? outcome.assertionId : null, error: outcome.kind === 'awarded' ? null : outcome.message };
    });
    // One JSON parameter rather than four per row: binding thousands of parameters costs more CPU than the update.
    await sql.query(
      `UPDATE "issuer"."bulk_award_rows" AS r
       SET "status" = v.status, "assertionId" = v.assertion_id, "error" = v.error
       FROM json_to_recordset($2::json) AS v(line int, status text, assertion_id text, error text)
       WHERE r."jobId" = $1 AND r."line" = v.line`,
      [jobId, JSON.stringify(values)],
    );
    const failed = outcomes.filter((o) => o.kind === 'failed').length;
    await sql.query('UPDATE "issuer"."bulk_award_jobs" SET "done" = "done" + $2, "failed" = "failed" + $3 WHERE "id" = $1', [jobId, rows.length - failed, failed]);
  }

  /**
   * Rows not yet awarded, failed or found duplicate, from the job's counters: `recordOutcomes`
   * moves them in the same transaction that marks the rows, so they agree with the rows. Counting
   * the rows instead walks every dead index entry a big job's updates left behind.
   */
  async countPending(jobId: string): Promise<number> {
    const job = await this.prisma.bulkAwardJob.findUnique({ where: { id: jobId }, select: { total: true, done: true, failed: true } });
    return job ? job.total - job.done - job.failed : 0;
  }

  /** Marks an unfinished job finished, in the caller's transaction: the job as it is now, or null when it had already finished. */
  async finish(sql: SqlSession, scope: TenantScope, id: string, status: 'completed' | 'failed'): Promise<BulkAwardJob | null> {
    const [finished] = await sql.query<BulkAwardJob>(
      `UPDATE "issuer"."bulk_award_jobs" SET "status" = $3, "finishedAt" = now()
       WHERE "institutionId" = $1 AND "id" = $2 AND "status" IN ('queued', 'running')
       RETURNING *`,
      [scope.institutionId, id, status],
    );
    return finished ?? null;
  }

  /** Failed and duplicate rows after `afterLine`, in line order; the partial index of migration 0010 holds just these. */
  async rowErrors(jobId: string, page: { afterLine: number; limit?: number }): Promise<Pick<BulkAwardRow, 'line' | 'error' | 'status'>[]> {
    return this.prisma.database.query<Pick<BulkAwardRow, 'line' | 'error' | 'status'>>(
      `SELECT "line", "error", "status" FROM "issuer"."bulk_award_rows"
       WHERE "jobId" = $1 AND "status" IN ('failed', 'duplicate') AND "line" > $2
       ORDER BY "line" ${page.limit === undefined ? '' : 'LIMIT $3'}`,
      page.limit === undefined ? [jobId, page.afterLine] : [jobId, page.afterLine, page.limit],
    );
  }

  async rowsPage(jobId: string, afterLine: number, limit: number): Promise<BulkAwardRow[]> {
    return this.prisma.bulkAwardRow.findMany({ where: { jobId, line: { gt: afterLine } }, orderBy: { line: 'asc' }, take: limit });
  }
}
