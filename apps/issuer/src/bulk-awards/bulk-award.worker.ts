import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { JOB_DEFAULTS, JobName, JobStatus, QueueName, type JobContext, type JobOf } from '@badges/jobs';
import { tenantScope, type TenantScope } from '@badges/service-kit';

import { AwardUseCase, type ChunkOutcome, type ChunkSource } from '../assertions/award.usecase';
import { storedOrigin } from '../common/created-by';
import { IssuerEvents } from '../events/issuer-events';
import type { BulkAwardJob } from '../generated/prisma/client';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { countBulkAwardRows } from './bulk-award-metrics';
import { BULK_AWARD_QUEUE, bulkJobId, type BulkAwardQueue } from './bulk-award-queue';
import { BulkAwardsRepository } from './bulk-awards.repository';

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
      let started = 0;
      let lastLine = 0;
      let exhausted = false;
      const lane = async () => {
        while (!exhausted && started < CHUNKS_PER_RUN) {
          started += 1;
          const chunk = await this.awardOneChunk(scope, job, source);
          if (chunk.lastLine === 0) exhausted = true;
          lastLine = Math.max(lastLine, chunk.lastLine);
        }
      };
      await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, lane));
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
   * Claims, awards and marks one chunk in ONE transaction; `lastLine` is 0 when none was pending.
   * The transaction runs plain SQL on the Database handle rather than through Prisma (decision 0015).
   */
  private async awardOneChunk(scope: TenantScope, job: BulkAwardJob, source: ChunkSource | string): Promise<{ lastLine: number }> {
    const { lastLine, awarded } = await this.prisma.database.withTransaction(async (sql) => {
      const rows = await this.jobs.claimPending(sql, job.id, bulkChunkSize(job.total));
      if (rows.length === 0) return { lastLine: 0, awarded: [] };
      const items = rows.map((row) => ('item' in row.input ? row.input.item : undefined));
      const valid = items.flatMap((item, i) => (item ? [{ i, item }] : []));
      const outcomes = rows.map((): ChunkOutcome => ({ kind: 'failed', message: typeof source === 'string' ? source : 'The stored row is not a valid award.' }));
      if (typeof source !== 'string') {
        const awarded = await this.award.awardChunk(sql, scope, source, valid.map((v) => v.item), { origin: storedOrigin(job) });
        valid.forEach((v, k) => (outcomes[v.i] = awarded[k]));
      }
      await this.jobs.recordOutcomes(sql, job.id, rows, outcomes);
      return { lastLine: rows[rows.length - 1].line, awarded: outcomes };
    });
    countBulkAwardRows(awarded);
    if (lastLine > 0) await this.award.afterCommit(scope, job.badgeClassId, awarded);
    return { lastLine };
  }
}
