import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { MigrationBatchBodySchema, MigrationRunFinishBodySchema, type BadgrMigrationStartBody, type MigrationRun } from '@badges/api-contracts';
import { BadgrReadError, migrateFromBadgr, type MigrationSink } from '@badges/badgr-migration';
import { ApiError, ErrorCode, parseWith, type TenantScope } from '@badges/service-kit';

import { ISSUER_CONFIG } from '../common/tokens';
import type { IssuerConfig } from '../config/issuer.config';
import { toMigrationRun } from './migration-runs.mapper';
import { MigrationRunsRepository } from './migration-runs.repository';
import { MigrationWriterService } from './migration-writer.service';

/**
 * Badgr migrations the platform drives itself, for the operator console (decision 0045): the same
 * driver as the CLI, writing through the writer in this process. Badgr's password lives only in
 * this run's closure; if the process dies the run cannot go on, so start-up marks such runs
 * `interrupted`, and the operator runs them again (runs are idempotent).
 */
@Injectable()
export class BadgrRunsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BadgrRunsService.name);

  constructor(
    private readonly writer: MigrationWriterService,
    private readonly runs: MigrationRunsRepository,
    @Inject(ISSUER_CONFIG) private readonly config: IssuerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const interrupted = await this.runs.interruptPlatformRuns();
    if (interrupted > 0) this.logger.warn(`${interrupted} Badgr migration run(s) this platform was driving stopped with the previous process: marked interrupted`);
  }

  /**
   * Signs in to Badgr, starts the run and answers it; the reading and writing go on after the
   * answer. Credentials Badgr refuses, or a Badgr that does not answer, are a 4xx and start no run.
   */
  async start(scope: TenantScope, body: BadgrMigrationStartBody): Promise<MigrationRun> {
    const since = body.since === 'last' ? ((await this.runs.lastNextSince(scope))?.toISOString() ?? null) : body.since;
    let started: (run: MigrationRun) => void = () => undefined;
    const runStarted = new Promise<MigrationRun>((resolve) => (started = resolve));
    const sink: MigrationSink = {
      start: async (options) => {
        const run = toMigrationRun(await this.writer.start(scope, { dryRun: false, overwrite: false, since: null, ...options }, 'platform'));
        started(run);
        return run;
      },
      batch: async (runId, batch) => {
        const { items, run } = await this.writer.writeBatch(scope, runId, parseWith(MigrationBatchBodySchema, batch));
        return { items, run: toMigrationRun(run) };
      },
      finish: async (runId, end) => toMigrationRun(await this.writer.finish(scope, runId, parseWith(MigrationRunFinishBodySchema, end))),
    };
    const migration = migrateFromBadgr(
      { connection: { baseUrl: body.url, allowPrivateNetwork: this.config.allowPrivateNetwork }, credentials: { username: body.username, password: body.password }, dryRun: body.dryRun, overwrite: body.overwrite, since },
      sink,
    );
    // After the answer, a failure is on the run (`failed`, its reason), which the driver wrote.
    migration.then(
      (report) => this.logger.log(`Badgr migration ${report.run.id} ${report.run.status}: ${report.progress.read.assertions} assertions read in ${report.seconds.toFixed(1)} s`),
      (error: unknown) => this.logger.warn(`Badgr migration for ${scope.institutionId} stopped: ${(error as Error).message}`),
    );
    return Promise.race([runStarted, migration.then(() => runStarted)]).catch((error: unknown) => {
      throw refusal(error);
    });
  }
}

/** Why no run could start, as a 4xx the console shows next to the form. */
function refusal(error: unknown): unknown {
  if (!(error instanceof BadgrReadError)) return error;
  if (error.code === 'sign_in_failed') return new ApiError(422, ErrorCode.InvalidCredentials, error.message);
  return new ApiError(422, ErrorCode.BadRequest, `Badgr could not be read: ${error.message}`);
}
