import { DEFAULT_CONCURRENCY } from '../catalogue/job-defaults';
import type { QueueName } from '../catalogue/queue-name';
import { JobsConfigError } from './jobs-config.error';
import { parseWorkerRole, type WorkerRole } from './worker-role';

export interface JobsSettings {
  /** Set: BullMQ on Redis (distributed). Unset: the in-process runner (embedded default). */
  redisUrl?: string;
  /** Redis key prefix, so deployments (and test runs) sharing a Redis never see each other's jobs. */
  prefix: string;
  workers: WorkerRole;
  concurrency: (queue: QueueName) => number;
}

const PREFIX_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Reads and validates the jobs env: REDIS_URL, JOBS_PREFIX, WORKERS, JOBS_CONCURRENCY[_<QUEUE>]. */
export function jobsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): JobsSettings {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new JobsConfigError(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
  const prefix = env.JOBS_PREFIX?.trim() || 'badges';
  // BullMQ separates key parts with ':', so a prefix holding one would alias another queue's keys.
  if (!PREFIX_PATTERN.test(prefix)) throw new JobsConfigError(`JOBS_PREFIX may hold only letters, digits, '_' and '-', got "${prefix}"`);
  const workers = parseWorkerRole(env.WORKERS);
  const fallback = readConcurrency(env, 'JOBS_CONCURRENCY');
  const perQueue = new Map<QueueName, number>();
  for (const queue of Object.keys(DEFAULT_CONCURRENCY) as QueueName[]) {
    perQueue.set(queue, readConcurrency(env, concurrencyVariable(queue)) ?? fallback ?? DEFAULT_CONCURRENCY[queue]);
  }
  return { redisUrl, prefix, workers, concurrency: (queue) => perQueue.get(queue) ?? fallback ?? 1 };
}

/** JOBS_CONCURRENCY_BULK_AWARD for queue 'bulk-award'. */
export function concurrencyVariable(queue: QueueName): string {
  return `JOBS_CONCURRENCY_${queue.toUpperCase().replace(/-/g, '_')}`;
}

function readConcurrency(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1_000) throw new JobsConfigError(`${name} must be an integer from 1 to 1000, got "${raw}"`);
  return value;
}
