import type { MigrationRun } from '@badges/api-contracts';

import type { MigrationRunRecord } from './migration-runs.repository';

export function toMigrationRun(run: MigrationRunRecord): MigrationRun {
  return {
    id: run.id,
    institutionId: run.institutionId,
    status: run.status,
    dryRun: run.dryRun,
    overwrite: run.overwrite,
    since: run.since ? new Date(run.since).toISOString() : null,
    driver: run.driver,
    nextSince: run.nextSince ? new Date(run.nextSince).toISOString() : null,
    failure: run.failure,
    counts: run.counts,
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
  };
}
