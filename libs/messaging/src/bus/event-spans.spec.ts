import { trace } from '@opentelemetry/api';

import { Topic } from '@badges/events';
import { inSpan, recordSpans } from '@badges/tracing';

import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { sampleIssuedEvent } from '../testing/sample-events';
import { inPublishSpan } from './event-spans';

const spans = recordSpans();

/** sampleIssuedEvent, created inside a span of its own as a request would: returns the event and that span's ids. */
const createdInSpan = (n: number, aggregateId?: string) => inSpan('request', {}, async (span) => ({ event: sampleIssuedEvent(n, aggregateId), creator: span.spanContext() }));

describe('event spans on the in-process bus (decision 0052)', () => {
  let bus: InProcessEventBus;
  beforeEach(() => {
    bus = new InProcessEventBus();
    spans.reset();
  });
  afterEach(() => bus.close());

  it('handles each event in a consumer span whose parent is the span that created it, and so does its publish', async () => {
    const { event, creator } = await createdInSpan(1);
    let handledIn: string | undefined;
    await bus.subscribe({ group: 'notification', topics: [Topic.AssertionIssued], handler: async () => void (handledIn = trace.getActiveSpan()?.spanContext().traceId) });
    await inPublishSpan([event], () => bus.publish([event]));
    await bus.idle();

    expect(handledIn).toBe(creator.traceId);
    const byName = (name: string) => spans.getFinishedSpans().find((span) => span.name === name);
    const consume = byName(`${Topic.AssertionIssued} process`);
    const publish = byName(`${Topic.AssertionIssued} publish`);
    expect(consume?.parentSpanContext?.spanId).toBe(creator.spanId);
    expect(consume?.attributes).toMatchObject({ 'messaging.consumer.group.name': 'notification', 'messaging.message.id': event.eventId });
    expect(publish?.parentSpanContext?.spanId).toBe(creator.spanId);
  });

  it('links a batch run and a mixed publish to every creator instead of choosing one parent', async () => {
    // One aggregate: one lane, so the member's batch handler gets both as one run.
    const created = [await createdInSpan(1, 'assertion1'), await createdInSpan(2, 'assertion1')];
    const events = created.map((c) => c.event);
    await bus.subscribe({ group: 'passport', topics: [Topic.AssertionIssued], handler: async () => undefined, batchHandler: async () => undefined });
    await inPublishSpan(events, () => bus.publish(events));
    await bus.idle();

    const creators = created.map((c) => c.creator.spanId).sort();
    for (const name of [`${Topic.AssertionIssued} process`, `${Topic.AssertionIssued} publish`]) {
      const span = spans.getFinishedSpans().find((s) => s.name === name);
      expect(span?.parentSpanContext).toBeUndefined();
      expect(span?.links.map((link) => link.context.spanId).sort()).toEqual(creators);
    }
  });
});
