import { Injectable } from '@nestjs/common';

import type { MigrationItemResult, MigrationOutcome, MigrationProblemCode, MigrationRecordKind, MigrationRunCounts, MigrationRunStartBody } from '@badges/api-contracts';
import { insertJsonRows, newEntityId, type SqlSession } from '@badges/persistence';
import type { TenantScope } from '@badges/service-kit';

import type { MigrationRun } from '../generated/prisma/client';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

/** Parents a dry run would have created: its later batches find them here, since it writes none. */
export interface PlannedParents {
  issuers: string[];
  badgeClasses: string[];
}

/** A run as stored, its JSON columns narrowed (the writer is their only author). */
export type MigrationRunRecord = Omit<MigrationRun, 'counts' | 'plannedParents' | 'status'> & {
  status: 'running' | 'finished';
  counts: MigrationRunCounts;
  plannedParents: PlannedParents;
};

const zero = () => ({ created: 0, unchanged: 0, updated: 0, skipped: 0 });
const emptyCounts = (): MigrationRunCounts => ({ issuer: zero(), badgeClass: zero(), assertion: zero(), staff: zero() });
/** The operator's list shows the latest runs; older ones stay readable by id. */
const LIST_LIMIT = 50;

/** Migration runs and their problems (decision 0044). Every read and write is scoped to the institution. */
@Injectable()
export class MigrationRunsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  async create(scope: TenantScope, options: MigrationRunStartBody): Promise<MigrationRunRecord> {
    const row = await this.prisma.migrationRun.create({
      data: {
        id: newEntityId(),
        institutionId: scope.institutionId,
        dryRun: options.dryRun,
        overwrite: options.overwrite,
        since: options.since ? new Date(options.since) : null,
        counts: emptyCounts(),
        plannedParents: { issuers: [], badgeClasses: [] } satisfies PlannedParents,
      },
    });
    return narrow(row);
  }

  async find(scope: TenantScope, id: string): Promise<MigrationRunRecord | null> {
    const row = await this.prisma.migrationRun.findFirst({ where: { id, institutionId: scope.institutionId } });
    return row && narrow(row);
  }

  async list(scope: TenantScope): Promise<MigrationRunRecord[]> {
    const rows = await this.prisma.migrationRun.findMany({ where: { institutionId: scope.institutionId }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: LIST_LIMIT });
    return rows.map(narrow);
  }

  /** The run with its row locked until the caller's transaction ends: a run's batches are written one at a time. */
  async lock(sql: SqlSession, scope: TenantScope, id: string): Promise<MigrationRunRecord | null> {
    const [row] = await sql.query<MigrationRunRecord>(`SELECT * FROM "issuer"."migration_runs" WHERE "id" = $1 AND "institutionId" = $2 FOR UPDATE`, [id, scope.institutionId]);
    return row ?? null;
  }

  /** Adds a batch's answers to the run (counts, problems, a dry run's planned parents), in the batch's transaction. */
  async record(sql: SqlSession, run: MigrationRunRecord, items: readonly MigrationItemResult[], planned: PlannedParents): Promise<MigrationRunRecord> {
    const counts = structuredClone(run.counts);
    for (const item of items) counts[item.kind][item.outcome satisfies MigrationOutcome] += 1;
    const [{ next }] = await sql.query<{ next: number }>(`SELECT COALESCE(MAX("seq"), 0) + 1 AS "next" FROM "issuer"."migration_run_problems" WHERE "runId" = $1`, [run.id]);
    const problems = items
      .filter((item): item is MigrationItemResult & { code: MigrationProblemCode } => item.outcome === 'skipped' && item.code !== undefined)
      .map((item, i) => ({ runId: run.id, seq: next + i, kind: item.kind, sourceId: item.sourceId, code: item.code, message: item.message ?? '' }));
    const insert = insertJsonRows('issuer', 'migration_run_problems', problems);
    if (insert) await sql.query(insert.sql, insert.params);
    const plannedParents: PlannedParents = {
      issuers: [...run.plannedParents.issuers, ...planned.issuers],
      badgeClasses: [...run.plannedParents.badgeClasses, ...planned.badgeClasses],
    };
    await sql.query(`UPDATE "issuer"."migration_runs" SET "counts" = $2::jsonb, "plannedParents" = $3::jsonb WHERE "id" = $1`, [run.id, JSON.stringify(counts), JSON.stringify(plannedParents)]);
    return { ...run, counts, plannedParents };
  }

  /** Idempotent: a finished run keeps its first finish time. */
  async finish(scope: TenantScope, id: string): Promise<MigrationRunRecord | null> {
    await this.prisma.migrationRun.updateMany({ where: { id, institutionId: scope.institutionId, status: 'running' }, data: { status: 'finished', finishedAt: new Date() } });
    return this.find(scope, id);
  }

  async problems(runId: string, page: { page: number; perPage: number }): Promise<{ rows: { kind: MigrationRecordKind; sourceId: string; code: MigrationProblemCode; message: string }[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.migrationRunProblem.findMany({
        where: { runId },
        orderBy: { seq: 'asc' },
        skip: (page.page - 1) * page.perPage,
        take: page.perPage,
        select: { kind: true, sourceId: true, code: true, message: true },
      }),
      this.prisma.migrationRunProblem.count({ where: { runId } }),
    ]);
    return { rows: rows as { kind: MigrationRecordKind; sourceId: string; code: MigrationProblemCode; message: string }[], total };
  }
}

/** The JSON and status columns as the writer wrote them (a CHECK holds the status). */
function narrow(row: MigrationRun): MigrationRunRecord {
  return row as unknown as MigrationRunRecord;
}
