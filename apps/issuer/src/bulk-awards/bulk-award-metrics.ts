import { Counter } from 'prom-client';

import { metricsRegistry } from '@badges/service-kit';

import type { ChunkOutcome } from '../assertions/award.usecase';

/** Rows a bulk award has finished, by outcome: `rate(bulk_award_rows_total[1m])` is rows per second. */
const bulkAwardRows = new Counter({
  name: 'bulk_award_rows_total',
  help: 'Bulk award rows finished, by outcome (awarded, duplicate, failed); counted when their chunk commits.',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export function countBulkAwardRows(outcomes: readonly ChunkOutcome[]): void {
  const byKind = new Map<ChunkOutcome['kind'], number>();
  for (const { kind } of outcomes) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  for (const [outcome, rows] of byKind) bulkAwardRows.inc({ outcome }, rows);
}
