import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';

import type { JobDefaults } from '../catalogue/job-defaults';
import type { QueuePayloads } from '../catalogue/job-payloads';
import { QueueName } from '../catalogue/queue-name';
import { InProcessJobBackend } from '../in-process/in-process-backend';
import type { JobQueue, JobSnapshot, JobState } from '../job-queue';
import { createJobQueue } from '../job-queue.factory';

type EmailPayloads = QueuePayloads<typeof QueueName.Email>;
export type EmailQueue = JobQueue<EmailPayloads>;

/** Small delays and bounds, so retry and cleanup behaviour shows within milliseconds. */
export const TEST_DEFAULTS: JobDefaults = {
  attempts: 3,
  backoff: { type: 'exponential', delayMs: 20 },
  removeOnComplete: { count: 100, ageSeconds: 3600 },
  removeOnFail: { count: 100, ageSeconds: 3600 },
};

/**
 * One backend under test. `fresh()` gives an isolated world per test (a new in-process
 * backend, or a new Redis key prefix); every queue opened in it is closed by `reset()`.
 */
export class QueueHarness {
  readonly runPrefix = `jobs-test-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly open: EmailQueue[] = [];
  private backend = new InProcessJobBackend();
  private prefix = '';
  private worlds = 0;

  constructor(
    readonly mode: 'in-process' | 'bullmq',
    private readonly redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  ) {}

  fresh(): void {
    this.backend = new InProcessJobBackend();
    this.prefix = `${this.runPrefix}-${++this.worlds}`;
  }

  /** An email queue handle in the current world, built through the real factory and env. */
  queue(env: NodeJS.ProcessEnv = {}, defaults: Partial<JobDefaults> = {}): EmailQueue {
    const base: NodeJS.ProcessEnv = { JOBS_PREFIX: this.prefix, ...(this.mode === 'bullmq' ? { REDIS_URL: this.redisUrl } : {}) };
    const queue = createJobQueue(QueueName.Email, { ...base, ...env }, { defaults: { ...TEST_DEFAULTS, ...defaults }, inProcess: this.backend });
    this.open.push(queue);
    return queue;
  }

  async reset(): Promise<void> {
    await Promise.all(this.open.splice(0).map((queue) => queue.close()));
    this.backend.close();
  }

  /** Deletes every Redis key this run created; returns how many are left (0 expected). */
  async dropKeys(): Promise<number> {
    if (this.mode !== 'bullmq') return 0;
    const redis = new Redis(this.redisUrl);
    try {
      // SCAN, not KEYS: the Redis may be shared with other work, and KEYS blocks it.
      const scan = async () => {
        const found: string[] = [];
        for await (const batch of redis.scanStream({ match: `${this.runPrefix}-*`, count: 1000 })) found.push(...(batch as string[]));
        return found;
      };
      const keys = await scan();
      for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
      return (await scan()).length;
    } finally {
      await redis.quit();
    }
  }
}

export const email = (institutionId: string, deliveryId: string) => ({ institutionId, deliveryId });

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await sleep(5);
  }
}

export function waitForState(queue: EmailQueue, jobId: string, state: JobState, timeoutMs?: number): Promise<JobSnapshot<EmailPayloads> | undefined> {
  return waitFor(() => queue.getJob(jobId), (job) => job?.state === state, `job ${jobId} to be ${state}`, timeoutMs);
}
