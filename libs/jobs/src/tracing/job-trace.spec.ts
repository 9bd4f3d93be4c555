import { Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';

import { inSpan, recordSpans } from '@badges/tracing';

import { JobName } from '../catalogue/queue-name';
import { JobStatus } from '../job-queue';
import { QueueHarness, email, waitForState } from '../testing/job-queue-harness';

const exporter = recordSpans();
beforeAll(() => Logger.overrideLogger(['error']));

describe.each([new QueueHarness('in-process'), new QueueHarness('bullmq')])('job trace context ($mode)', (harness) => {
  beforeEach(() => {
    harness.fresh();
    exporter.reset();
  });
  afterEach(() => harness.reset());
  afterAll(async () => expect(await harness.dropKeys()).toBe(0));

  it('runs a job in a span whose parent is the span that enqueued it, and hides the context from the handler', async () => {
    const queue = harness.queue();
    const seen: { payload: unknown; traceId?: string }[] = [];
    queue.process(JobName.SendEmail, async (payload) => {
      seen.push({ payload, traceId: trace.getActiveSpan()?.spanContext().traceId });
      return JobStatus.Success;
    });
    const enqueuer = await inSpan('enqueue', {}, async (span) => ({ ref: await queue.add(JobName.SendEmail, email('inst-a', 'd-1')), span: span.spanContext() }));

    const snapshot = await waitForState(queue, enqueuer.ref.id, 'completed');
    expect(snapshot?.payload).toEqual(email('inst-a', 'd-1'));
    expect(seen).toEqual([{ payload: email('inst-a', 'd-1'), traceId: enqueuer.span.traceId }]);
    const run = exporter.getFinishedSpans().find((span) => span.name === 'email send-email');
    expect(run?.spanContext().traceId).toBe(enqueuer.span.traceId);
    expect(run?.parentSpanContext?.spanId).toBe(enqueuer.span.spanId);
    expect(run?.attributes).toMatchObject({ 'badges.job.queue': 'email', 'badges.job.name': 'send-email', 'badges.job.id': enqueuer.ref.id });
  });

  it('starts a trace of its own for a job enqueued outside any span', async () => {
    const queue = harness.queue();
    queue.process(JobName.SendEmail, async () => JobStatus.Success);
    const ref = await queue.add(JobName.SendEmail, email('inst-a', 'd-2'));

    expect((await waitForState(queue, ref.id, 'completed'))?.payload).toEqual(email('inst-a', 'd-2'));
    const run = exporter.getFinishedSpans().find((span) => span.name === 'email send-email');
    expect(run).toBeDefined();
    expect(run?.parentSpanContext).toBeUndefined();
  });
});
