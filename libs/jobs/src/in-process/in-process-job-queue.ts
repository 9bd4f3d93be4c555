import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import { Logger } from '@nestjs/common';

import type { PayloadMap } from '../catalogue/job-payloads';
import type { AddJobOptions, BulkJob, JobHandler, JobQueue, JobRef, JobSnapshot, ProcessOptions, ResolvedQueueSettings } from '../job-queue';
import { JobQueueError, JobQueueErrorCode } from '../job-queue.error';
import { countQueueOnScrape, timeJob, type JobCounts } from '../metrics/job-metrics';
import { effectiveJobOptions } from '../policy/job-options';
import { inJobSpan, splitJobTrace, withJobTrace } from '../tracing/job-trace';
import type { InProcessQueueStore, StoredJob } from './in-process-queue-store';

/**
 * The embedded job runner: same contract as BullMQ (attempts, backoff, dedupe by jobId,
 * bounded history, fairness), run by async workers with bounded concurrency in this process.
 */
export class InProcessJobQueue<P extends PayloadMap> implements JobQueue<P> {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger(InProcessJobQueue.name);
  // Handlers are stored untyped: the worker dispatches by job name, as a BullMQ worker does.
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly running = new Set<Promise<void>>();
  private concurrency = 0;
  private started = false;
  private closed = false;
  private unsubscribe?: () => void;
  private readonly stopCounting: () => void;

  constructor(
    readonly queueName: string,
    private readonly store: InProcessQueueStore,
    private readonly settings: ResolvedQueueSettings,
  ) {
    this.stopCounting = countQueueOnScrape(this);
  }

  get runsWorkers(): boolean {
    return this.settings.runsWorkers;
  }

  async add<N extends keyof P & string>(name: N, payload: P[N], options?: AddJobOptions): Promise<JobRef> {
    this.assertOpen();
    const effective = effectiveJobOptions(this.settings, options);
    const { removeOnComplete, removeOnFail } = this.settings;
    return this.store.add(name, withJobTrace(payload), { ...effective, jobId: options?.jobId, removeOnComplete, removeOnFail });
  }

  async addBulk(jobs: ReadonlyArray<BulkJob<P>>): Promise<JobRef[]> {
    // Validate every job before adding any, so a bad entry does not leave half a batch queued.
    jobs.forEach((job) => effectiveJobOptions(this.settings, job.options));
    const refs: JobRef[] = [];
    for (const job of jobs) refs.push(await this.add(job.name, job.payload, job.options));
    return refs;
  }

  process<N extends keyof P & string>(name: N, handler: JobHandler<P[N]>, options: ProcessOptions = {}): boolean {
    if (!this.settings.runsWorkers) return false;
    this.assertOpen();
    this.handlers.set(name, handler as JobHandler<never>);
    this.concurrency = Math.max(this.concurrency, options.concurrency ?? this.settings.concurrency);
    if (!this.unsubscribe) {
      this.unsubscribe = this.store.onReady(() => this.pump());
      // Start on the next tick, so every handler registered in this tick is known first.
      setImmediate(() => {
        this.started = true;
        this.pump();
      });
    }
    return true;
  }

  async getJob(jobId: string): Promise<JobSnapshot<P> | undefined> {
    const job = this.store.get(jobId);
    if (!job) return undefined;
    const { id, name, state, attemptsMade, failedReason, returnvalue } = job;
    const { payload } = splitJobTrace(job.payload);
    return { id, name, payload, state, attemptsMade, failedReason, returnvalue } as JobSnapshot<P>;
  }

  async retry(jobId: string): Promise<void> {
    this.assertOpen();
    this.store.retry(jobId);
  }

  async counts(): Promise<JobCounts> {
    return this.store.counts();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopCounting();
    this.unsubscribe?.();
    // Graceful: jobs already running finish (and record their outcome) before close resolves.
    await Promise.all([...this.running]);
  }

  private pump(): void {
    while (this.started && !this.closed && this.running.size < this.concurrency) {
      const job = this.store.take();
      if (!job) return;
      const run = this.run(job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: StoredJob): Promise<void> {
    const handler = this.handlers.get(job.name) as JobHandler<unknown> | undefined;
    // Each job starts on a fresh turn of the event loop: one finishing must not start the next
    // (and its synchronous first steps) in the same turn, ahead of the requests waiting on the loop.
    await yieldToEventLoop();
    try {
      if (!handler) throw new JobQueueError(JobQueueErrorCode.NoHandler, `no handler for job ${job.name} in queue ${this.queueName}`);
      const { payload, carrier } = splitJobTrace(job.payload);
      const context = { id: job.id, attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts };
      const status = await inJobSpan(this.queueName, job.name, context, carrier, () => timeJob(this.queueName, job.name, () => handler(payload, context)));
      this.store.complete(job, status);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`job ${this.queueName}/${job.name}#${job.id} failed (run ${job.attemptsMade + 1} of ${job.opts.attempts}): ${reason}`);
      this.store.fail(job, reason);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new JobQueueError(JobQueueErrorCode.Closed, `queue ${this.queueName} is closed`);
  }
}
