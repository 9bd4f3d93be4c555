import { Gauge, Histogram, register } from 'prom-client';

import { JobStatus } from '../job-queue';

/** The states an operator watches (decision 0050): `failed` counts failed jobs still kept (removeOnFail bounds them). */
export const DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type JobCounts = Record<(typeof DEPTH_STATES)[number], number>;

interface CountedQueue {
  readonly queueName: string;
  counts(): Promise<JobCounts>;
}

/** A scrape must answer even when Redis does not: a queue that cannot say in time is left out. */
const COUNT_DEADLINE_MS = 2_000;

/** Open queue handles by name; any one of them can count (handles on one name share their jobs). */
const openQueues = new Map<string, Set<CountedQueue>>();

/** Counted on scrape, so nothing runs between scrapes; prom-client's global registry (decision 0050). */
new Gauge({
  name: 'job_queue_jobs',
  help: 'Jobs in a queue by state (waiting, active, delayed, failed), read when scraped.',
  labelNames: ['queue', 'state'] as const,
  registers: [register],
  async collect() {
    this.reset();
    await Promise.all(
      [...openQueues.values()].map(async (handles) => {
        const [queue] = handles;
        const counts = await withDeadline(queue.counts(), COUNT_DEADLINE_MS).catch(() => undefined);
        if (counts) for (const state of DEPTH_STATES) this.set({ queue: queue.queueName, state }, counts[state]);
      }),
    );
  },
});

/** Counts this queue's jobs on every scrape until the returned function is called (on close). */
export function countQueueOnScrape(queue: CountedQueue): () => void {
  const handles = openQueues.get(queue.queueName) ?? new Set<CountedQueue>();
  handles.add(queue);
  openQueues.set(queue.queueName, handles);
  return () => {
    handles.delete(queue);
    if (handles.size === 0 && openQueues.get(queue.queueName) === handles) openQueues.delete(queue.queueName);
  };
}

const jobDuration = new Histogram({
  name: 'job_duration_seconds',
  help: 'Time one run of a job took, by queue, job name and outcome (success, skipped, error: the run threw and may be retried).',
  labelNames: ['queue', 'job', 'outcome'] as const,
  // From an email (tens of ms) to a bulk-award run of 10 chunks (minutes).
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [register],
});

/** Runs one job and records how long it took and how it ended; the outcome is passed on untouched. */
export async function timeJob(queue: string, job: string, run: () => Promise<JobStatus>): Promise<JobStatus> {
  const end = jobDuration.startTimer({ queue, job });
  try {
    const status = await run();
    end({ outcome: status === JobStatus.Skipped ? 'skipped' : 'success' });
    return status;
  } catch (error) {
    end({ outcome: 'error' });
    throw error;
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
