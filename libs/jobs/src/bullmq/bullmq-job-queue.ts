import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';

import type { PayloadMap, TenantScoped } from '../catalogue/job-payloads';
import type { AddJobOptions, BulkJob, JobHandler, JobQueue, JobRef, JobSnapshot, JobState, JobStatus, ProcessOptions, ResolvedQueueSettings } from '../job-queue';
import { JobQueueError, JobQueueErrorCode } from '../job-queue.error';
import { countQueueOnScrape, timeJob, type JobCounts } from '../metrics/job-metrics';
import { fairPriority } from '../policy/fairness';
import { effectiveJobOptions, type EffectiveJobOptions } from '../policy/job-options';
import { inJobSpan, splitJobTrace, withJobTrace } from '../tracing/job-trace';
import { TenantBacklog } from './tenant-backlog';

export interface BullmqQueueConfig {
  redisUrl: string;
  prefix: string;
}

type Prepared = { name: string; payload: TenantScoped; jobId?: string; effective: EffectiveJobOptions };

const STATES: Record<string, JobState | undefined> = {
  waiting: 'waiting',
  prioritized: 'waiting',
  'waiting-children': 'waiting',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
  delayed: 'delayed',
};

/** The distributed implementation: one BullMQ queue (and, by role, one worker) on Redis. */
export class BullmqJobQueue<P extends PayloadMap> implements JobQueue<P> {
  readonly mode = 'bullmq' as const;
  private readonly logger = new Logger(BullmqJobQueue.name);
  private readonly connection: Redis;
  private readonly queue: Queue;
  private readonly backlog: TenantBacklog;
  private readonly handlers = new Map<string, JobHandler<never>>();
  private worker?: Worker;
  private closed = false;
  private readonly stopCounting: () => void;

  constructor(
    readonly queueName: string,
    private readonly config: BullmqQueueConfig,
    private readonly settings: ResolvedQueueSettings,
  ) {
    // BullMQ requires maxRetriesPerRequest: null, so a Redis blip delays commands instead of failing jobs.
    this.connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    const { removeOnComplete, removeOnFail } = settings;
    this.queue = new Queue(queueName, {
      connection: this.connection,
      prefix: config.prefix,
      // Bounded history on every job: finished jobs must never pile up in Redis.
      defaultJobOptions: {
        removeOnComplete: { count: removeOnComplete.count, age: removeOnComplete.ageSeconds },
        removeOnFail: { count: removeOnFail.count, age: removeOnFail.ageSeconds },
      },
    });
    this.queue.on('error', (error) => this.logger.warn(`queue ${queueName}: ${error.message}`));
    // Not a BullMQ key shape (those are <prefix>:<queue>:<id>[:...]; queue names never start with '_').
    this.backlog = new TenantBacklog(this.connection, `${config.prefix}:_fairness:${queueName}`);
    this.stopCounting = countQueueOnScrape(this);
  }

  get runsWorkers(): boolean {
    return this.settings.runsWorkers;
  }

  async add<N extends keyof P & string>(name: N, payload: P[N], options?: AddJobOptions): Promise<JobRef> {
    const [ref] = await this.addBulk([{ name, payload, options } as BulkJob<P>]);
    return ref;
  }

  async addBulk(jobs: ReadonlyArray<BulkJob<P>>): Promise<JobRef[]> {
    this.assertOpen();
    const prepared: Prepared[] = jobs.map((job) => ({ name: job.name, payload: job.payload, jobId: job.options?.jobId, effective: effectiveJobOptions(this.settings, job.options) }));
    const fresh = await this.withoutStored(prepared);
    const ranks = await this.backlog.acquire(countBy(fresh, (job) => job.payload.institutionId));
    const added = await this.queue.addBulk(
      fresh.map((job) => {
        const tenant = job.payload.institutionId;
        const rank = ranks.get(tenant) ?? 1;
        ranks.set(tenant, rank + 1);
        return { name: job.name, data: withJobTrace(job.payload), opts: bullOptions(job, rank) };
      }),
    );
    const addedIds = new Map(fresh.map((job, i) => [job, added[i].id ?? job.jobId ?? '']));
    return prepared.map((job) => ({ id: addedIds.get(job) ?? job.jobId ?? '', name: job.name }));
  }

  process<N extends keyof P & string>(name: N, handler: JobHandler<P[N]>, options: ProcessOptions = {}): boolean {
    if (!this.settings.runsWorkers) return false;
    this.assertOpen();
    this.handlers.set(name, handler as JobHandler<never>);
    const concurrency = options.concurrency ?? this.settings.concurrency;
    if (this.worker) {
      this.worker.concurrency = Math.max(this.worker.concurrency, concurrency);
      return true;
    }
    const worker = new Worker(this.queueName, (job) => this.dispatch(job), { connection: this.connection, prefix: this.config.prefix, concurrency, autorun: false });
    worker.on('error', (error) => this.logger.warn(`worker ${this.queueName}: ${error.message}`));
    this.worker = worker;
    // Start on the next tick, so every handler registered in this tick is known before a job arrives.
    setImmediate(() => {
      if (!this.closed) worker.run().catch((error: Error) => this.logger.error(`worker ${this.queueName} stopped: ${error.message}`));
    });
    return true;
  }

  async getJob(jobId: string): Promise<JobSnapshot<P> | undefined> {
    // State first, then the job's hash: a job seen as completed/failed already has its outcome
    // written (BullMQ moves it atomically), whereas a hash read first could predate the finish.
    const state = STATES[await this.queue.getJobState(jobId)];
    if (!state) return undefined; // never added, or removed
    const job = await this.queue.getJob(jobId);
    if (!job) return undefined; // removed between the two reads
    const { id = jobId, name, data, attemptsMade, failedReason, returnvalue } = job;
    const { payload } = splitJobTrace(data as object);
    return { id, name, payload, state, attemptsMade, failedReason: failedReason || undefined, returnvalue: (returnvalue ?? undefined) as JobStatus | undefined } as JobSnapshot<P>;
  }

  async retry(jobId: string): Promise<void> {
    this.assertOpen();
    const job = await this.queue.getJob(jobId);
    if (!job) throw new JobQueueError(JobQueueErrorCode.JobNotFound, `job ${jobId} not found (never added, or removed by removeOnFail)`);
    const state = await job.getState();
    if (state !== 'failed') throw new JobQueueError(JobQueueErrorCode.JobNotFailed, `job ${jobId} is ${STATES[state] ?? state}; only a failed job can be retried`);
    const tenant = (job.data as TenantScoped).institutionId;
    await this.backlog.acquire(new Map([[tenant, 1]]));
    try {
      // A fresh attempt budget: "resend" should get the same retries as the first send.
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } catch (error) {
      await this.backlog.release(tenant);
      throw error;
    }
  }

  async counts(): Promise<JobCounts> {
    // Jobs with a priority (ours always have one, see bullOptions) wait in `prioritized`, not `wait`.
    const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'waiting-children', 'active', 'delayed', 'failed');
    const count = (state: string) => counts[state] ?? 0;
    return { waiting: count('waiting') + count('prioritized') + count('waiting-children'), active: count('active'), delayed: count('delayed'), failed: count('failed') };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopCounting();
    // Workers first (BullMQ waits for active jobs), then the queue, then the shared connection.
    await this.worker?.close();
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }

  private async dispatch(job: Job): Promise<JobStatus> {
    const tenant = (job.data as TenantScoped).institutionId;
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const handler = this.handlers.get(job.name) as JobHandler<unknown> | undefined;
    try {
      if (!handler) throw new JobQueueError(JobQueueErrorCode.NoHandler, `no handler for job ${job.name} in queue ${this.queueName}`);
      const { payload, carrier } = splitJobTrace(job.data as object);
      const context = { id: job.id ?? '', attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1 };
      const status = await inJobSpan(this.queueName, job.name, context, carrier, () => timeJob(this.queueName, job.name, () => handler(payload, context)));
      await this.backlog.release(tenant);
      return status;
    } catch (error) {
      // The job leaves the backlog only when it will not run again.
      if (lastAttempt) await this.backlog.release(tenant);
      this.logger.warn(`job ${this.queueName}/${job.name}#${job.id} failed (run ${job.attemptsMade + 1} of ${job.opts.attempts ?? 1}): ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  /** Drops jobs whose id is already stored or repeated in the batch, so dedupe never counts twice. */
  private async withoutStored(jobs: Prepared[]): Promise<Prepared[]> {
    const withIds = jobs.filter((job) => job.jobId !== undefined);
    if (!withIds.length) return jobs;
    const pipeline = this.connection.pipeline();
    for (const job of withIds) pipeline.exists(this.queue.toKey(job.jobId as string));
    const results = (await pipeline.exec()) ?? [];
    const taken = new Set(withIds.filter((_, i) => results[i]?.[1] === 1).map((job) => job.jobId));
    return jobs.filter((job) => {
      if (job.jobId === undefined) return true;
      if (taken.has(job.jobId)) return false;
      taken.add(job.jobId);
      return true;
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new JobQueueError(JobQueueErrorCode.Closed, `queue ${this.queueName} is closed`);
  }
}

function bullOptions(job: Prepared, rank: number): JobsOptions {
  const { attempts, backoff, delayMs, priority } = job.effective;
  return {
    jobId: job.jobId,
    attempts,
    backoff: { type: backoff.type, delay: backoff.delayMs },
    delay: delayMs || undefined,
    // Always >= 1: BullMQ runs unprioritized jobs before all prioritized ones, which would bypass fairness.
    priority: fairPriority(rank, priority),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
