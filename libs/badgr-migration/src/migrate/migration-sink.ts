import type { MigrationBatchInput, MigrationBatchResult, MigrationRun, MigrationRunFinishInput, MigrationRunStartInput } from '@badges/api-contracts';

/**
 * Where the driver writes: the migration-runs API (decision 0044) in its three steps. The CLI's sink
 * posts to the gateway's operator routes; the platform's own (a console run) calls the writer.
 */
export interface MigrationSink {
  start(options: MigrationRunStartInput): Promise<MigrationRun>;
  batch(runId: string, batch: MigrationBatchInput): Promise<MigrationBatchResult>;
  finish(runId: string, end: MigrationRunFinishInput): Promise<MigrationRun>;
}
