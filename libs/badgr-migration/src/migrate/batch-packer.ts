import { MIGRATION_BATCH_MAX, type MigrationBatchInput, type MigrationSourceProblem } from '@badges/api-contracts';

import type { BadgrBatch } from '../read/badgr-institution-reader';

/**
 * A request body stays under this, well inside the 2 MiB every request to the platform is held to:
 * a page of badge classes with their images can weigh far more than a page of assertions.
 */
export const MAX_BATCH_BYTES = 1536 * 1024;

/**
 * Cuts one page the reader gave into the batches the runs API takes: at most MIGRATION_BATCH_MAX
 * records, and MAX_BATCH_BYTES of JSON, each. The page's source problems ride on its first batch.
 */
export function packBatches(page: BadgrBatch, maxRecords = MIGRATION_BATCH_MAX, maxBytes = MAX_BATCH_BYTES): MigrationBatchInput[] {
  const sourceProblems = page.problems.filter((found): found is MigrationSourceProblem => found.kind !== 'backpackItem' && found.kind !== 'collection');
  const batches: MigrationBatchInput[] = [];
  let records: unknown[] = [];
  let bytes = 0;
  const flush = () => {
    if (records.length === 0 && (batches.length > 0 || sourceProblems.length === 0)) return;
    batches.push({ [page.kind]: records, ...(batches.length === 0 && sourceProblems.length > 0 ? { sourceProblems } : {}) });
    records = [];
    bytes = 0;
  };
  for (const record of page.records) {
    const size = JSON.stringify(record).length;
    if (records.length > 0 && (records.length >= maxRecords || bytes + size > maxBytes)) flush();
    records.push(record);
    bytes += size;
  }
  flush();
  return batches;
}
