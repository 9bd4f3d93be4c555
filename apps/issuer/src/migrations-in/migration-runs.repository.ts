import { Injectable } from '@nestjs/common';

import type {
  MigrationItemResult,
  MigrationOutcome,
  MigrationProblem,
  MigrationProblemCode,
  MigrationRunCounts,
  MigrationRunFinishBody,
  MigrationRunStartBody,
  MigrationRunStatus,
  MigrationSourceProblem,
} from '@badges/api-contracts';
import { insertJsonRows, newEntityId, type SqlSession } from '@badges/persistence';
import type { TenantScope } from '@badges/service-kit';

import type { MigrationRun } from '../generated/prisma/client';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

/** Who reads the source: an importer posting batches, or the platform itself (a console run, decision 0045). */
export type MigrationRunDriver = 'importer' | 'platform';

/** Parents a dry run would have created: its later batches find them here, since it writes none. */
export interface PlannedParents {
  issuers: string[];
  badgeClasses: string[];
}

/** A run as stored, its JSON columns narrowed (the writer is their only author). */
export type MigrationRunRecord = Omit<MigrationRun, 'counts' | 'plannedParents' | 'status' | 'driver'> & {
  status: MigrationRunStatus;
  driver: MigrationRunDriver;
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

  async create(scope: TenantScope, options: MigrationRunStartBody, driver: MigrationRunDriver): Promise<MigrationRunRecord> {
    const row = await this.prisma.migrationRun.create({
      data: {
        id: newEntityId(),
        institutionId: scope.institutionId,
        driver,
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

  /**
   * Adds a batch's answers to the run (counts, problems, a dry run's planned parents), in the batch's
   * transaction; the importer's own problems reading the source come first, marked `source`.
   */
  async record(sql: SqlSession, run: MigrationRunRecord, items: readonly MigrationItemResult[], planned: PlannedParents, sourceProblems: readonly MigrationSourceProblem[] = []): Promise<MigrationRunRecord> {
    const counts = structuredClone(run.counts);
    for (const item of items) counts[item.kind][item.outcome satisfies MigrationOutcome] += 1;
    const [{ next }] = await sql.query<{ next: number }>(`SELECT COALESCE(MAX("seq"), 0) + 1 AS "next" FROM "issuer"."migration_run_problems" WHERE "runId" = $1`, [run.id]);
    const found: MigrationProblem[] = [
      ...sourceProblems.map((problem) => ({ kind: problem.kind, sourceId: problem.sourceId ?? '#source', origin: 'source' as const, severity: problem.severity, code: problem.code, message: problem.message })),
      ...items
        .filter((item): item is MigrationItemResult & { code: MigrationProblemCode } => item.outcome === 'skipped' && item.code !== undefined)
        .map((item) => ({ kind: item.kind, sourceId: item.sourceId, origin: 'platform' as const, severity: 'error' as const, code: item.code, message: item.message ?? '' })),
    ];
    const problems = found.map((problem, i) => ({ runId: run.id, seq: next + i, ...problem }));
    const insert = insertJsonRows('issuer', 'migration_run_problems', problems);
    if (insert) await sql.query(insert.sql, insert.params);
    const plannedParents: PlannedParents = {
      issuers: [...run.plannedParents.issuers, ...planned.issuers],
      badgeClasses: [...run.plannedParents.badgeClasses, ...planned.badgeClasses],
    };
    await sql.query(`UPDATE "issuer"."migration_runs" SET "counts" = $2::jsonb, "plannedParents" = $3::jsonb WHERE "id" = $1`, [run.id, JSON.stringify(counts), JSON.stringify(plannedParents)]);
    return { ...run, counts, plannedParents };
  }

  /** Idempotent: an ended run keeps its first end (a driver's retried finish changes nothing). */
  async finish(scope: TenantScope, id: string, end: MigrationRunFinishBody): Promise<MigrationRunRecord | null> {
    await this.prisma.migrationRun.updateMany({
      where: { id, institutionId: scope.institutionId, status: 'running' },
      data: end.failure === null ? { status: 'finished', finishedAt: new Date(), nextSince: end.nextSince ? new Date(end.nextSince) : null } : { status: 'failed', finishedAt: new Date(), failure: end.failure },
    });
    return this.find(scope, id);
  }

  /**
   * At start-up: the runs this platform was driving from credentials it held in memory cannot go on,
   * since the credentials died with the process (decision 0045). Runs are idempotent: run them again.
   */
  async interruptPlatformRuns(): Promise<number> {
    const { count } = await this.prisma.migrationRun.updateMany({ where: { driver: 'platform', status: 'running' }, data: { status: 'interrupted', finishedAt: new Date() } });
    return count;
  }

  /** The `nextSince` of the institution's latest finished run that read everything it meant to: `--since last`. */
  async lastNextSince(scope: TenantScope): Promise<Date | null> {
    const row = await this.prisma.migrationRun.findFirst({
      where: { institutionId: scope.institutionId, status: 'finished', dryRun: false, nextSince: { not: null } },
      orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
      select: { nextSince: true },
    });
    return row?.nextSince ?? null;
  }

  async problems(runId: string, page: { page: number; perPage: number }): Promise<{ rows: MigrationProblem[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.migrationRunProblem.findMany({
        where: { runId },
        orderBy: { seq: 'asc' },
        skip: (page.page - 1) * page.perPage,
        take: page.perPage,
        select: { kind: true, sourceId: true, origin: true, severity: true, code: true, message: true },
      }),
      this.prisma.migrationRunProblem.count({ where: { runId } }),
    ]);
    // The CHECK constraints hold kind, origin and severity; codes are written only from the contract's lists.
    return { rows: rows as MigrationProblem[], total };
  }
}

/** The JSON and status columns as the writer wrote them (a CHECK holds the status). */
function narrow(row: MigrationRun): MigrationRunRecord {
  return row as unknown as MigrationRunRecord;
}
