import { QueueName } from '../catalogue/queue-name';
import { JobsConfigError } from './jobs-config.error';
import { concurrencyVariable, jobsSettingsFromEnv } from './jobs-settings';
import { parseWorkerRole, runsWorkersFor } from './worker-role';

describe('jobsSettingsFromEnv', () => {
  it('defaults to the embedded runner, all workers, the per-queue concurrency', () => {
    const settings = jobsSettingsFromEnv({});
    expect(settings.redisUrl).toBeUndefined();
    expect(settings.prefix).toBe('badges');
    expect([...settings.workers.queues].sort()).toEqual(['badgr-import', 'bulk-award', 'email', 'image-baking', 'import-reverify', 'webhook']);
    expect(settings.concurrency(QueueName.Email)).toBe(8);
  });

  it('reads REDIS_URL, JOBS_PREFIX and concurrency, the per-queue value over the global one', () => {
    const settings = jobsSettingsFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379', JOBS_PREFIX: 'prod_1', JOBS_CONCURRENCY: '4', JOBS_CONCURRENCY_BULK_AWARD: '1' });
    expect(settings.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(settings.prefix).toBe('prod_1');
    expect(settings.concurrency(QueueName.BulkAward)).toBe(1);
    expect(settings.concurrency(QueueName.Webhook)).toBe(4);
    expect(concurrencyVariable(QueueName.ImageBaking)).toBe('JOBS_CONCURRENCY_IMAGE_BAKING');
  });

  it.each([
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must start with redis:\/\//],
    [{ JOBS_PREFIX: 'a:b' }, /JOBS_PREFIX/],
    [{ JOBS_CONCURRENCY: '0' }, /JOBS_CONCURRENCY must be an integer/],
    [{ JOBS_CONCURRENCY_EMAIL: 'many' }, /JOBS_CONCURRENCY_EMAIL/],
    [{ WORKERS: 'email,emails' }, /WORKERS names unknown queue\(s\) emails/],
  ])('fails fast on %j', (env, message) => {
    expect(() => jobsSettingsFromEnv(env)).toThrow(JobsConfigError);
    expect(() => jobsSettingsFromEnv(env)).toThrow(message);
  });
});

describe('parseWorkerRole', () => {
  it.each([
    [undefined, ['badgr-import', 'bulk-award', 'email', 'image-baking', 'import-reverify', 'webhook']],
    ['all', ['badgr-import', 'bulk-award', 'email', 'image-baking', 'import-reverify', 'webhook']],
    ['none', []],
    [' webhook , email ', ['email', 'webhook']],
  ])('WORKERS=%s runs %j', (raw, queues) => {
    const role = parseWorkerRole(raw);
    expect([...role.queues].sort()).toEqual(queues);
    expect(runsWorkersFor(role, QueueName.Email)).toBe(queues.includes('email'));
  });
});
