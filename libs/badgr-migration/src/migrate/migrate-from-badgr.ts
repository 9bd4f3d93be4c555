import type { MigrationBatchInput, MigrationBatchResult, MigrationItemProblem, MigrationProblem, MigrationRun, MigrationRunCounts } from '@badges/api-contracts';

import type { BadgrConnectionOptions } from '../client/badgr-connection';
import { BadgrSession, type BadgrCredentials } from '../client/badgr-session';
import { BadgrInstitutionReader, type BadgrReadOptions, type BadgrReadSummary } from '../read/badgr-institution-reader';
import { packBatches } from './batch-packer';
import { BoundedQueue } from './bounded-queue';
import type { MigrationSink } from './migration-sink';

export interface MigrateFromBadgrOptions {
  readonly connection: BadgrConnectionOptions;
  readonly credentials: BadgrCredentials;
  readonly read?: Omit<BadgrReadOptions, 'since'>;
  readonly dryRun?: boolean;
  readonly overwrite?: boolean;
  /** Only what Badgr changed after this instant: a previous run's `nextSince`. */
  readonly since?: string | null;
  /** Called after each batch is written, and once at the end. */
  readonly onProgress?: (progress: MigrationProgress) => void;
  /** Batches read ahead while one is being written. Default 2: memory stays at a few pages. */
  readonly readAhead?: number;
  /** Problems kept in the report, first found first. Default 20 (the run holds them all). */
  readonly keepProblems?: number;
}

export interface MigrationProgress {
  readonly runId: string;
  /** Badgr pages read so far, and the records they gave, per kind. */
  readonly pages: number;
  readonly read: { issuers: number; badgeClasses: number; assertions: number };
  readonly batchesWritten: number;
  /** The run's outcome counts after the last batch written. */
  readonly counts: MigrationRunCounts;
  /** Problems found reading the source, and by the platform writing. */
  readonly problems: { source: number; platform: number };
}

export interface MigrationReport {
  readonly run: MigrationRun;
  readonly progress: MigrationProgress;
  readonly read: BadgrReadSummary;
  readonly firstProblems: MigrationProblem[];
  readonly seconds: number;
}

const DEFAULT_READ_AHEAD = 2;
const DEFAULT_KEEP_PROBLEMS = 20;
const emptyCounts = (): MigrationRunCounts => {
  const zero = () => ({ created: 0, unchanged: 0, updated: 0, skipped: 0 });
  return { issuer: zero(), badgeClass: zero(), assertion: zero(), staff: zero() };
};

/**
 * Migrates an institution from Badgr (issue #18, decision 0045): signs in, starts a run, then reads
 * Badgr page by page while the previous batch is being written (at most `readAhead` batches wait),
 * and finishes the run with the `nextSince` of the next incremental run. A per-item problem, at the
 * source or at the platform, is counted and kept on the run, never fatal. Bad credentials fail
 * before any run starts; a source that stops answering mid-way ends the run `failed` (the error is
 * rethrown); either is safe to run again, since runs are idempotent.
 */
export async function migrateFromBadgr(options: MigrateFromBadgrOptions, sink: MigrationSink): Promise<MigrationReport> {
  const started = performance.now();
  const session = await BadgrSession.signIn(options.connection, options.credentials);
  const reader = new BadgrInstitutionReader(session, { ...options.read, ...(options.since ? { since: options.since } : {}) });
  // The run keeps `since` in UTC (the reader has already refused one that is not a date and time).
  let run = await sink.start({ dryRun: options.dryRun ?? false, overwrite: options.overwrite ?? false, since: options.since ? new Date(options.since).toISOString() : null });
  const tally = new Tally(run.id, options.keepProblems ?? DEFAULT_KEEP_PROBLEMS, options.onProgress);
  const queue = new BoundedQueue<MigrationBatchInput>(options.readAhead ?? DEFAULT_READ_AHEAD);

  const reading = (async () => {
    try {
      for await (const page of reader.batches()) {
        tally.page(page.kind, page.records.length, page.problems);
        for (const batch of packBatches(page)) if (!(await queue.push(batch))) return;
      }
    } finally {
      queue.close();
    }
  })();
  const writing = (async () => {
    for (let batch = await queue.take(); batch !== undefined; batch = await queue.take()) {
      const answer = await sink.batch(run.id, batch);
      run = answer.run;
      tally.written(answer);
    }
  })();
  // A write that fails stops the reading too (nothing would take its batches).
  writing.catch(() => queue.close());

  const [read, written] = await Promise.allSettled([reading, writing]);
  const failed = written.status === 'rejected' ? written : read.status === 'rejected' ? read : null;
  if (failed) {
    // The platform may be what failed: the run then stays `running` until a new run is made.
    await sink.finish(run.id, { failure: messageOf(failed.reason) }).catch(() => undefined);
    throw failed.reason;
  }
  run = await sink.finish(run.id, { nextSince: reader.summary().nextSince });
  tally.counts = run.counts;
  tally.report();
  return { run, progress: tally.snapshot(), read: reader.summary(), firstProblems: tally.firstProblems, seconds: (performance.now() - started) / 1000 };
}

/** What the driver has seen so far, reported through `onProgress`. */
class Tally {
  counts = emptyCounts();
  readonly firstProblems: MigrationProblem[] = [];
  private pages = 0;
  private batches = 0;
  private readonly read = { issuers: 0, badgeClasses: 0, assertions: 0 };
  private readonly problems = { source: 0, platform: 0 };

  constructor(
    private readonly runId: string,
    private readonly keep: number,
    private readonly onProgress?: (progress: MigrationProgress) => void,
  ) {}

  page(kind: keyof Tally['read'], records: number, problems: readonly MigrationItemProblem[]): void {
    this.pages++;
    this.read[kind] += records;
    this.problems.source += problems.length;
    for (const found of problems) {
      if (found.kind === 'backpackItem' || found.kind === 'collection') continue;
      this.keepProblem({ kind: found.kind, sourceId: found.sourceId ?? '#source', origin: 'source', severity: found.severity, code: found.code, message: found.message });
    }
  }

  written(answer: MigrationBatchResult): void {
    this.batches++;
    this.counts = answer.run.counts;
    for (const item of answer.items) {
      if (item.outcome !== 'skipped' || item.code === undefined) continue;
      this.problems.platform++;
      this.keepProblem({ kind: item.kind, sourceId: item.sourceId, origin: 'platform', severity: 'error', code: item.code, message: item.message ?? '' });
    }
    this.report();
  }

  report(): void {
    this.onProgress?.(this.snapshot());
  }

  snapshot(): MigrationProgress {
    return { runId: this.runId, pages: this.pages, read: { ...this.read }, batchesWritten: this.batches, counts: this.counts, problems: { ...this.problems } };
  }

  private keepProblem(found: MigrationProblem): void {
    if (this.firstProblems.length < this.keep) this.firstProblems.push(found);
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000) || 'The source could not be read.';
}
