import type { BackoffOptions, KeepJobs } from '../catalogue/job-defaults';
import type { TenantScoped } from '../catalogue/job-payloads';
import type { JobRef, JobState, JobStatus } from '../job-queue';
import { JobQueueError, JobQueueErrorCode } from '../job-queue.error';
import type { JobCounts } from '../metrics/job-metrics';
import { backoffDelay } from '../policy/backoff';
import { fairPriority } from '../policy/fairness';
import { PriorityHeap } from './priority-heap';

export interface StoreJobOptions {
  jobId?: string;
  attempts: number;
  backoff: BackoffOptions;
  delayMs: number;
  priority: number;
  removeOnComplete: KeepJobs;
  removeOnFail: KeepJobs;
}

export interface StoredJob {
  readonly id: string;
  readonly name: string;
  readonly payload: TenantScoped;
  readonly opts: StoreJobOptions;
  state: JobState;
  attemptsMade: number;
  priority: number;
  failedReason?: string;
  returnvalue?: JobStatus;
}

/**
 * What Redis holds for one BullMQ queue, kept in memory: the jobs, the ready heap, delayed
 * timers, per-institution backlog counters and the bounded finished history. Shared by every
 * handle on the queue in this process, so an API-only handle and a worker handle meet here.
 * Nothing survives a restart: callers persist their own state and re-add what is missing.
 */
export class InProcessQueueStore {
  private readonly jobs = new Map<string, StoredJob>();
  private readonly ready = new PriorityHeap();
  private readonly backlog = new Map<string, number>();
  // Maps keep insertion order, i.e. finish order: the oldest finished job is always first.
  private readonly finished = { completed: new Map<string, number>(), failed: new Map<string, number>() };
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly listeners = new Set<() => void>();
  private lastId = 0;
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  add(name: string, payload: TenantScoped, opts: StoreJobOptions): JobRef {
    const existing = opts.jobId === undefined ? undefined : this.jobs.get(opts.jobId);
    if (existing) return { id: existing.id, name: existing.name };
    // Generated ids are integers and custom ones never are, so they cannot collide (as in BullMQ).
    const id = opts.jobId ?? String(++this.lastId);
    const rank = this.acquire(payload.institutionId);
    const job: StoredJob = { id, name, payload, opts, state: 'waiting', attemptsMade: 0, priority: fairPriority(rank, opts.priority) };
    this.jobs.set(id, job);
    if (opts.delayMs > 0) this.delay(job, opts.delayMs);
    else this.enqueue(job);
    return { id, name };
  }

  get(id: string): StoredJob | undefined {
    return this.jobs.get(id);
  }

  /** Hands the next ready job to a worker and marks it active. */
  take(): StoredJob | undefined {
    for (let entry = this.ready.pop(); entry; entry = this.ready.pop()) {
      const job = this.jobs.get(entry.id);
      if (job?.state !== 'waiting') continue;
      job.state = 'active';
      return job;
    }
    return undefined;
  }

  complete(job: StoredJob, status: JobStatus): void {
    job.attemptsMade += 1;
    job.returnvalue = status;
    this.finish(job, 'completed');
  }

  /** A failed run: back off and retry while attempts remain, else the job is failed for good. */
  fail(job: StoredJob, reason: string): void {
    job.attemptsMade += 1;
    job.failedReason = reason;
    if (job.attemptsMade < job.opts.attempts) this.delay(job, backoffDelay(job.opts.backoff, job.attemptsMade));
    else this.finish(job, 'failed');
  }

  retry(id: string): void {
    const job = this.jobs.get(id);
    if (!job) throw new JobQueueError(JobQueueErrorCode.JobNotFound, `job ${id} not found (never added, or removed by removeOnFail)`);
    if (job.state !== 'failed') throw new JobQueueError(JobQueueErrorCode.JobNotFailed, `job ${id} is ${job.state}; only a failed job can be retried`);
    this.finished.failed.delete(id);
    Object.assign(job, { attemptsMade: 0, failedReason: undefined, returnvalue: undefined });
    this.acquire(job.payload.institutionId);
    // BullMQ puts a retried job on its plain wait list, which runs before prioritized jobs.
    job.priority = 0;
    this.enqueue(job);
  }

  /** Jobs by state; a scan, for a scrape every few seconds (pending jobs plus the bounded history). */
  counts(): JobCounts {
    const counts: JobCounts = { waiting: 0, active: 0, delayed: 0, failed: 0 };
    for (const { state } of this.jobs.values()) if (state !== 'completed') counts[state] += 1;
    return counts;
  }

  onReady(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private enqueue(job: StoredJob): void {
    job.state = 'waiting';
    this.ready.push({ id: job.id, priority: job.priority, seq: ++this.seq });
    for (const listener of this.listeners) listener();
  }

  private delay(job: StoredJob, ms: number): void {
    job.state = 'delayed';
    const timer = setTimeout(() => {
      this.timers.delete(job.id);
      this.enqueue(job);
    }, ms);
    // A pending retry must not keep a finished process alive; it is lost on exit like any embedded job.
    timer.unref();
    this.timers.set(job.id, timer);
  }

  private finish(job: StoredJob, state: 'completed' | 'failed'): void {
    job.state = state;
    this.release(job.payload.institutionId);
    const keep = state === 'completed' ? job.opts.removeOnComplete : job.opts.removeOnFail;
    const history = this.finished[state];
    const now = this.now();
    history.set(job.id, now);
    const oldestKept = now - keep.ageSeconds * 1000;
    for (const [id, finishedOn] of history) {
      if (history.size <= keep.count && finishedOn >= oldestKept) break;
      history.delete(id);
      this.jobs.delete(id);
    }
  }

  /** Counts a pending job of the institution and returns its rank in that backlog (policy/fairness.ts). */
  private acquire(institutionId: string): number {
    const rank = (this.backlog.get(institutionId) ?? 0) + 1;
    this.backlog.set(institutionId, rank);
    return rank;
  }

  private release(institutionId: string): void {
    const left = (this.backlog.get(institutionId) ?? 1) - 1;
    if (left > 0) this.backlog.set(institutionId, left);
    else this.backlog.delete(institutionId);
  }
}
