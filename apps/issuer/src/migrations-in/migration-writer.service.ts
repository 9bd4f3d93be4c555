import { Injectable } from '@nestjs/common';

import type { MigrationBatchBody, MigrationItemResult, MigrationRunFinishBody, MigrationRunStartBody } from '@badges/api-contracts';
import { ApiError, ErrorCode, type TenantScope } from '@badges/service-kit';

import { IssuerEvents } from '../events/issuer-events';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { AssertionRecordsWriter } from './assertion-records.writer';
import { MigrationRunsRepository, type MigrationRunDriver, type MigrationRunRecord } from './migration-runs.repository';
import { ParentRecordsWriter } from './parent-records.writer';

/**
 * Writes migration records into one institution, keeping every id (issue #18, decision 0044). A
 * batch is ONE transaction on the Database handle (decision 0015): its records, their events and
 * the run's counts and problems commit together, so a retried batch is answered `unchanged`
 * rather than counted twice. Per-item problems are answers, never errors: a run never stops on one.
 */
@Injectable()
export class MigrationWriterService {
  constructor(
    private readonly prisma: IssuerPrismaService,
    private readonly runs: MigrationRunsRepository,
    private readonly parents: ParentRecordsWriter,
    private readonly assertions: AssertionRecordsWriter,
    private readonly events: IssuerEvents,
  ) {}

  async start(scope: TenantScope, options: MigrationRunStartBody, driver: MigrationRunDriver = 'importer'): Promise<MigrationRunRecord> {
    if (!(await this.prisma.institution.findUnique({ where: { id: scope.institutionId }, select: { id: true } }))) throw ApiError.notFound('institution');
    return this.runs.create(scope, options, driver);
  }

  async writeBatch(scope: TenantScope, runId: string, batch: MigrationBatchBody): Promise<{ items: MigrationItemResult[]; run: MigrationRunRecord }> {
    const answer = await this.prisma.database.withTransaction(async (sql) => {
      const run = await this.runs.lock(sql, scope, runId);
      if (!run) throw ApiError.notFound('migration run');
      if (run.status !== 'running') throw new ApiError(409, ErrorCode.Conflict, `This migration run is ${run.status}; start a new one.`);
      // Parents first: a batch may carry an issuer, its badge classes and their awards together.
      const issuers = await this.parents.issuers(sql, scope, run, batch.issuers);
      const planning = { ...run, plannedParents: { ...run.plannedParents, issuers: [...run.plannedParents.issuers, ...issuers.planned] } };
      const badgeClasses = await this.parents.badgeClasses(sql, scope, planning, batch.badgeClasses);
      const withClasses = { ...planning, plannedParents: { ...planning.plannedParents, badgeClasses: [...planning.plannedParents.badgeClasses, ...badgeClasses.planned] } };
      const assertions = await this.assertions.write(sql, scope, withClasses, batch.assertions);
      const items = [...issuers.items, ...badgeClasses.items, ...assertions];
      const recorded = await this.runs.record(sql, run, items, { issuers: issuers.planned, badgeClasses: badgeClasses.planned }, batch.sourceProblems);
      return { items, run: recorded };
    });
    if (!answer.run.dryRun) this.events.published();
    return answer;
  }

  async finish(scope: TenantScope, runId: string, end: MigrationRunFinishBody): Promise<MigrationRunRecord> {
    const run = await this.runs.finish(scope, runId, end);
    if (!run) throw ApiError.notFound('migration run');
    return run;
  }

  async find(scope: TenantScope, runId: string): Promise<MigrationRunRecord> {
    const run = await this.runs.find(scope, runId);
    if (!run) throw ApiError.notFound('migration run');
    return run;
  }
}
