import { JOB_DEFAULTS, type JobDefaults } from './catalogue/job-defaults';
import type { QueuePayloads } from './catalogue/job-payloads';
import type { QueueName } from './catalogue/queue-name';
import { BullmqJobQueue } from './bullmq/bullmq-job-queue';
import { jobsSettingsFromEnv, type JobsSettings } from './config/jobs-settings';
import { runsWorkersFor } from './config/worker-role';
import { sharedInProcessJobBackend, type InProcessJobBackend } from './in-process/in-process-backend';
import { InProcessJobQueue } from './in-process/in-process-job-queue';
import type { JobQueue, ResolvedQueueSettings } from './job-queue';

export interface CreateJobQueueOptions {
  /** Overrides of the queue's JOB_DEFAULTS (tests shorten backoffs and bounds). */
  defaults?: Partial<JobDefaults>;
  /** The embedded backend; the process-wide one by default, so all services of the runner share it. */
  inProcess?: InProcessJobBackend;
}

/**
 * The queue a service uses: BullMQ when REDIS_URL is set (distributed), else the in-process
 * runner (embedded default). Env is validated here, so a bad WORKERS or REDIS_URL fails at boot.
 */
export function createJobQueue<Q extends QueueName>(queueName: Q, env: NodeJS.ProcessEnv = process.env, options: CreateJobQueueOptions = {}): JobQueue<QueuePayloads<Q>> {
  const settings = jobsSettingsFromEnv(env);
  const resolved = resolveQueueSettings(queueName, settings, options.defaults);
  if (settings.redisUrl) return new BullmqJobQueue(queueName, { redisUrl: settings.redisUrl, prefix: settings.prefix }, resolved);
  return new InProcessJobQueue(queueName, (options.inProcess ?? sharedInProcessJobBackend()).store(queueName), resolved);
}

export function resolveQueueSettings(queueName: QueueName, settings: JobsSettings, overrides: Partial<JobDefaults> = {}): ResolvedQueueSettings {
  return {
    ...JOB_DEFAULTS[queueName],
    ...overrides,
    concurrency: settings.concurrency(queueName),
    runsWorkers: runsWorkersFor(settings.workers, queueName),
  };
}
