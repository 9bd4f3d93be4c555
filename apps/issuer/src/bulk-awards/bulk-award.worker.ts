import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { JOB_DEFAULTS, JobName, JobStatus, QueueName, type JobContext, type JobOf } from '@badges/jobs';
import { tenantScope, type TenantScope } from '@badges/service-kit';

import { AwardUseCase, type ChunkOutcome, type ChunkSource } from '../assertions/award.usecase';
import { storedOrigin } from '../common/created-by';
import { IssuerEvents } from '../events/issuer-events';
import type { BulkAwardJob } from '../generated/prisma/client';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { BULK_AWARD_QUEUE, bulkJobId, type BulkAwardQueue } from './bulk-award-queue';
import { BulkAwardsRepository, type ClaimedRow } from './bulk-awards.repository';

/** Rows per transaction at most: big enough to amortise the round trips, small enough to keep locks short. */
export const BULK_CHUNK = 500;
/** Rows per transaction at least: below this the round trips cost more than the awards. */
export const MIN_BULK_CHUNK = 50;
/** Progress steps a job aims for: its counts move once per committed chunk. */
const PROGRESS_STEPS = 20;

/**
 * The chunk size of one job. A fixed 500 made a 1,500-row upload three commits, two of them at
 * once (CHUNKS_IN_FLIGHT), finished within one or two progress polls: its bar jumped from 0 to
 * 100 % (issue #17). A job's counts can only move when a chunk commits, so a smaller job gets
 * smaller chunks (about PROGRESS_STEPS of them); a big one keeps the full chunk, and its speed.
 */
export function bulkChunkSize(total: number): number {
  return Math.min(BULK_CHUNK, Math.max(MIN_BULK_CHUNK, Math.ceil(total / PROGRESS_STEPS)));
}
/**
 * Chunks one run awards before it hands the rest to a continuation job: the continuation queues
 * behind other institutions' jobs (fair priority), so one big upload cannot hold a worker slot
 * for its whole length while another institution's job waits.
 */
export const CHUNKS_PER_RUN = 10;
/**
 * Chunks one run keeps in flight. A chunk's transaction spends most of its time waiting on
 * PostgreSQL; a second one overlaps that wait with the next chunk's CPU work (hashing, signing,
 * JSON). SKIP LOCKED gives each its own rows.
 */
export const CHUNKS_IN_FLIGHT = 2;

/**
 * Runs bulk awards. One queue job per bulk award awards its pending rows chunk by chunk, each
 * chunk in ONE transaction (assertions + outbox events + rows marked + counts). A crash loses at
 * most the open transaction, so a restarted run simply continues with the rows still pending.
 */
@Injectable()
export class BulkAwardWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(BulkAwardWorker.name);
  /** The pending-row readers of the jobs this process is running (see `readerOf`). */
  private readonly readers = new Map<string, { next: () => Promise<ClaimedRow[]>; runs: number }>();

  constructor(
    @Inject(BULK_AWARD_QUEUE) private readonly queue: BulkAwardQueue,
    private readonly jobs: BulkAwardsRepository,
    private readonly award: AwardUseCase,
    private readonly prisma: IssuerPrismaService,
    private readonly events: IssuerEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.process(JobName.RunBulkAward, (payload, job) => this.run(payload, job))) return;
    await this.resumeUnfinished();
  }

  /**
   * A worker that starts re-adds every unfinished bulk award under a fresh job id: in-process jobs
   * died with the last process, and a BullMQ job the killed worker held stays locked until its
   * lock expires. Both runs may then overlap; the row locks keep that safe.
   */
  async resumeUnfinished(): Promise<number> {
    try {
      const unfinished = await this.jobs.findUnfinished();
      if (unfinished.length === 0) return 0;
      const boot = randomBytes(6).toString('hex');
      await this.queue.addBulk(
        unfinished.map((job) => ({
          name: JobName.RunBulkAward,
          payload: { institutionId: job.institutionId, bulkAwardId: job.id },
          options: { jobId: `${bulkJobId(job.id)}-resume-${boot}` },
        })),
      );
      this.logger.log(`resumed ${unfinished.length} unfinished bulk award(s)`);
      return unfinished.length;
    } catch (error) {
      this.logger.warn(`could not resume bulk awards: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }

  async run({ institutionId, bulkAwardId }: JobOf<typeof JobName.RunBulkAward>, context: JobContext): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    const job = await this.jobs.findById(scope, bulkAwardId);
    if (!job || job.status === 'completed' || job.status === 'failed') return JobStatus.Skipped;
    await this.jobs.markRunning(scope, bulkAwardId);
    try {
      // Read once a run: a run lasts seconds, and an edit made meanwhile reaches the next run.
      const source = await this.award.chunkSource(scope, job.badgeClassId, storedOrigin(job));
      const next = this.readerOf(job);
      let started = 0;
      let lastLine = 0;
      let exhausted = false;
      const lane = async () => {
        while (!exhausted && started < CHUNKS_PER_RUN) {
          started += 1;
          const chunk = await this.awardOneChunk(scope, job, source, await next());
          if (chunk.lastLine === 0) exhausted = true;
          lastLine = Math.max(lastLine, chunk.lastLine);
        }
      };
      await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, lane)).finally(() => this.release(job.id));
      if (!exhausted && (await this.jobs.countPending(bulkAwardId)) > 0) {
        await this.queue.add(JobName.RunBulkAward, { institutionId, bulkAwardId }, { jobId: `${bulkJobId(bulkAwardId)}-from-${lastLine}` });
        return JobStatus.Success;
      }
      // Rows another run still holds are pending until it commits: that run finishes the job.
      if ((await this.jobs.countPending(bulkAwardId)) === 0) await this.finish(scope, bulkAwardId, 'completed');
      return JobStatus.Success;
    } catch (error) {
      if (context.attemptsMade + 1 >= JOB_DEFAULTS[QueueName.BulkAward].attempts) {
        this.logger.error(`bulk award ${bulkAwardId} failed for good: ${error instanceof Error ? error.message : String(error)}`);
        await this.finish(scope, bulkAwardId, 'failed').catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * The job's pending-row reader, shared by every run of the job this process is running at once (a
   * resumed run and a recovered one), so they prepare different rows; a run that starts later begins
   * from the first pending row again. Runs in different processes may prepare the same rows: the
   * chunk's transaction claims each row once, and the other run's signatures are dropped.
   */
  private readerOf(job: BulkAwardJob): () => Promise<ClaimedRow[]> {
    const shared = this.readers.get(job.id) ?? { next: pendingReader(this.jobs, job.id, bulkChunkSize(job.total)), runs: 0 };
    shared.runs += 1;
    this.readers.set(job.id, shared);
    return shared.next;
  }

  private release(jobId: string): void {
    const shared = this.readers.get(jobId);
    if (shared && --shared.runs === 0) this.readers.delete(jobId);
  }

  /** Marks the job finished with its event, once: a run that finds it already finished writes nothing. */
  private async finish(scope: TenantScope, jobId: string, status: 'completed' | 'failed'): Promise<void> {
    const finished = await this.prisma.database.withTransaction(async (sql) => {
      const job = await this.jobs.finish(sql, scope, jobId, status);
      if (job) await this.events.bulkAwardFinished(sql, scope, storedOrigin(job), job);
      return job;
    });
    if (finished) this.events.published();
  }

  /**
   * Awards and marks one chunk of `peeked` rows; `lastLine` is 0 when none was pending. The rows are
   * hashed and signed first, outside any transaction (signing a credential takes about 6 ms of CPU,
   * which must not hold locks); then ONE transaction claims those still pending, awards them and
   * marks them. It runs plain SQL on the Database handle rather than through Prisma (decision 0015).
   */
  private async awardOneChunk(scope: TenantScope, job: BulkAwardJob, source: ChunkSource | string, peeked: ClaimedRow[]): Promise<{ lastLine: number }> {
    if (peeked.length === 0) return { lastLine: 0 };
    const origin = storedOrigin(job);
    const items = peeked.map((row) => ('item' in row.input ? row.input.item : undefined));
    const valid = items.flatMap((item, i) => (item ? [{ i, item }] : []));
    const prepared = typeof source === 'string' ? undefined : await this.award.prepareChunk(scope, source, valid.map((v) => v.item), { origin });
    const awarded = await this.prisma.database.withTransaction(async (sql) => {
      // Another run of the job (a resumed one) may have taken some of them meanwhile: those are left to it.
      const claimed = new Set((await this.jobs.claimLines(sql, job.id, peeked.map((row) => row.line))).map((row) => row.line));
      const rows = peeked.filter((row) => claimed.has(row.line));
      if (rows.length === 0) return [];
      const outcomes = peeked.map((): ChunkOutcome => ({ kind: 'failed', message: typeof source === 'string' ? source : 'The stored row is not a valid award.' }));
      if (typeof source !== 'string' && prepared) {
        const mine = valid.flatMap((v, k) => (claimed.has(peeked[v.i].line) ? [k] : []));
        const own = new Set(mine);
        const chunk = await this.award.awardChunk(sql, scope, source, valid.map((v) => v.item), { failed: prepared.failed, rows: prepared.rows.filter((p) => own.has(p.index)) }, { origin });
        mine.forEach((k) => (outcomes[valid[k].i] = chunk[k]));
      }
      const kept = peeked.flatMap((row, i) => (claimed.has(row.line) ? [outcomes[i]] : []));
      await this.jobs.recordOutcomes(sql, job.id, rows, kept);
      return kept;
    });
    if (awarded.length > 0 && typeof source !== 'string') await this.award.afterCommit(scope, source, awarded);
    return { lastLine: peeked[peeked.length - 1].line };
  }
}

/**
 * Reads the job's next pending rows, `size` at a time, in line order. The lanes of its runs share it:
 * each read starts after the last line the previous read returned, so no two lanes sign the same rows.
 */
function pendingReader(jobs: BulkAwardsRepository, jobId: string, size: number): () => Promise<ClaimedRow[]> {
  let afterLine = 0;
  let previous: Promise<unknown> = Promise.resolve();
  return () => {
    const read = previous.then(async () => {
      const rows = await jobs.peekPending(jobId, afterLine, size);
      if (rows.length > 0) afterLine = rows[rows.length - 1].line;
      return rows;
    });
    previous = read.catch(() => undefined);
    return read;
  };
}
