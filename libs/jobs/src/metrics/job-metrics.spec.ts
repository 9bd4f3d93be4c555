import { Logger } from '@nestjs/common';
import { register } from 'prom-client';

import { JobName, QueueName } from '../catalogue/queue-name';
import { JobStatus } from '../job-queue';
import { QueueHarness, email, waitForState } from '../testing/job-queue-harness';

// Failed runs log a warning by design; the failure here is deliberate.
beforeAll(() => Logger.overrideLogger(['error']));

/** One sample as a scrape reads it (a gauge's collect runs first); `sample` names a histogram's `_count` or `_bucket`. */
async function figure(family: string, labels: Record<string, string>, sample = family): Promise<number | undefined> {
  const metric = register.getSingleMetric(family);
  if (!metric) throw new Error(`${family} is not registered`);
  const { values } = await metric.get();
  const matches = (value: (typeof values)[number]) => ((value as { metricName?: string }).metricName ?? family) === sample && Object.entries(labels).every(([key, wanted]) => String(value.labels[key]) === wanted);
  return values.find(matches)?.value;
}

const depth = async (state: string) => figure('job_queue_jobs', { queue: QueueName.Email, state });
const runs = async (outcome: string) => (await figure('job_duration_seconds', { queue: QueueName.Email, job: JobName.SendEmail, outcome }, 'job_duration_seconds_count')) ?? 0;

/** Queue depth and job durations (decision 0050), the same on both backends. */
describe.each([new QueueHarness('in-process'), new QueueHarness('bullmq')])('job metrics ($mode)', (harness) => {
  beforeEach(() => harness.fresh());
  afterEach(() => harness.reset());
  afterAll(async () => expect(await harness.dropKeys()).toBe(0));

  it('counts the jobs waiting, delayed, active and failed in the queue when scraped', async () => {
    const apiOnly = harness.queue({ WORKERS: 'none' }, { attempts: 1 });
    const [hold, bad] = await apiOnly.addBulk([
      { name: JobName.SendEmail, payload: email('inst-a', 'd-hold') },
      { name: JobName.SendEmail, payload: email('inst-a', 'd-bad') },
      { name: JobName.SendEmail, payload: email('inst-b', 'd-later'), options: { delayMs: 60_000 } },
    ]);
    const counts = async () => ({ waiting: await depth('waiting'), active: await depth('active'), delayed: await depth('delayed'), failed: await depth('failed') });
    expect(await counts()).toEqual({ waiting: 2, active: 0, delayed: 1, failed: 0 });

    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = harness.queue({}, { attempts: 1 });
    worker.process(JobName.SendEmail, async ({ deliveryId }) => {
      if (deliveryId === 'd-bad') throw new Error('smtp refused');
      await held;
      return JobStatus.Success;
    }, { concurrency: 2 });
    await waitForState(worker, hold.id, 'active');
    await waitForState(worker, bad.id, 'failed');
    expect(await counts()).toEqual({ waiting: 0, active: 1, delayed: 1, failed: 1 });
    release();
    await waitForState(worker, hold.id, 'completed');
    expect(await counts()).toEqual({ waiting: 0, active: 0, delayed: 1, failed: 1 });
    release();
  });

  it('times every run of a job by outcome: success, skipped, error', async () => {
    const before = { success: await runs('success'), skipped: await runs('skipped'), error: await runs('error') };
    const queue = harness.queue({}, { attempts: 1 });
    queue.process(JobName.SendEmail, async ({ deliveryId }) => {
      if (deliveryId === 'd-bad') throw new Error('smtp refused');
      return deliveryId === 'd-skip' ? JobStatus.Skipped : JobStatus.Success;
    });
    const refs = await queue.addBulk(['d-1', 'd-2', 'd-skip', 'd-bad'].map((id) => ({ name: JobName.SendEmail, payload: email('inst-a', id) })));
    for (const ref of refs.slice(0, 3)) await waitForState(queue, ref.id, 'completed');
    await waitForState(queue, refs[3].id, 'failed');
    const after = { success: await runs('success'), skipped: await runs('skipped'), error: await runs('error') };
    expect({ success: after.success - before.success, skipped: after.skipped - before.skipped, error: after.error - before.error }).toEqual({ success: 2, skipped: 1, error: 1 });
    const slowest = await figure('job_duration_seconds', { queue: QueueName.Email, outcome: 'success', le: '+Inf' }, 'job_duration_seconds_bucket');
    expect(slowest).toBe(after.success);
  });

  it('stops counting a queue once every handle on it is closed', async () => {
    const queue = harness.queue({ WORKERS: 'none' });
    await queue.add(JobName.SendEmail, email('inst-a', 'd-1'));
    expect(await depth('waiting')).toBe(1);
    await harness.reset();
    expect(await depth('waiting')).toBeUndefined();
  });
});
