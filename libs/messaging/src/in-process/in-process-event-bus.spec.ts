import { Topic, type BadgeEvent } from '@badges/events';

import { sampleIssuedEvent } from '../testing/sample-events';
import { InProcessEventBus } from './in-process-event-bus';

const fast = { initialBackoffMs: 1, maxBackoffMs: 2 };

describe('InProcessEventBus', () => {
  let bus: InProcessEventBus;
  beforeEach(() => (bus = new InProcessEventBus()));
  afterEach(() => bus.close());

  it('delivers asynchronously: publish returns before any handler runs', async () => {
    const seen: string[] = [];
    await bus.subscribe({ group: 'g', topics: [Topic.AssertionIssued], handler: async (e) => void seen.push(e.eventId) });
    await bus.publish([sampleIssuedEvent(1)]);
    expect(seen).toEqual([]);
    await bus.idle();
    expect(seen).toHaveLength(1);
  });

  it('gives every group each event once, and splits a group between its members', async () => {
    const byMember: Record<string, string[]> = { a1: [], a2: [], b: [] };
    const record = (name: string) => async (event: BadgeEvent) => void byMember[name].push(event.eventId);
    await bus.subscribe({ group: 'A', topics: [Topic.AssertionIssued], handler: record('a1') });
    await bus.subscribe({ group: 'A', topics: [Topic.AssertionIssued], handler: record('a2') });
    await bus.subscribe({ group: 'B', topics: [Topic.AssertionIssued], handler: record('b') });
    await bus.subscribe({ group: 'C', topics: [Topic.AssertionRevoked], handler: record('b') }); // other topic: nothing
    const events = Array.from({ length: 40 }, (_, n) => sampleIssuedEvent(n));
    await bus.publish(events);
    await bus.idle();

    const ids = events.map((e) => e.eventId).sort();
    expect([...byMember.a1, ...byMember.a2].sort()).toEqual(ids);
    expect(byMember.a1.length).toBeGreaterThan(0);
    expect(byMember.a2.length).toBeGreaterThan(0);
    expect([...byMember.b].sort()).toEqual(ids);
  });

  it('keeps the events of one aggregate in order', async () => {
    const seen: string[] = [];
    await bus.subscribe({
      group: 'g',
      topics: [Topic.AssertionIssued],
      handler: async (e) => {
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        seen.push(e.correlationId);
      },
    });
    const events = Array.from({ length: 20 }, (_, n) => sampleIssuedEvent(n, 'same-aggregate'));
    await bus.publish(events);
    await bus.idle();
    expect(seen).toEqual(events.map((e) => e.correlationId));
  });

  it('retries a failing handler a bounded number of times, dead-letters it, and keeps later events flowing', async () => {
    const poison = sampleIssuedEvent(0, 'key');
    const later = [sampleIssuedEvent(1, 'key'), sampleIssuedEvent(2, 'key')];
    let poisonCalls = 0;
    const handled: string[] = [];
    await bus.subscribe({
      group: 'notification',
      topics: [Topic.AssertionIssued],
      maxAttempts: 3,
      backoff: fast,
      handler: async (event) => {
        if (event.eventId === poison.eventId) {
          poisonCalls += 1;
          throw new Error('smtp down');
        }
        handled.push(event.eventId);
      },
    });
    await bus.publish([poison, ...later]);
    await bus.idle();

    expect(poisonCalls).toBe(3);
    expect(handled).toEqual(later.map((e) => e.eventId));
    const letters = bus.deadLetters('badges.assertion.issued.v1.dlq');
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ topic: Topic.AssertionIssued, group: 'notification', attempts: 3, key: 'key', error: { message: 'smtp down' } });
    expect((letters[0].event as BadgeEvent).eventId).toBe(poison.eventId);
  });

  it('does not dead-letter a handler that recovers within its attempts', async () => {
    let calls = 0;
    await bus.subscribe({
      group: 'g',
      topics: [Topic.AssertionIssued],
      maxAttempts: 3,
      backoff: fast,
      handler: async () => {
        calls += 1;
        if (calls < 3) throw new Error('transient');
      },
    });
    await bus.publish([sampleIssuedEvent(1)]);
    await bus.idle();
    expect(calls).toBe(3);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('dead-letters an invalid event at once, without calling the handler', async () => {
    const handler = jest.fn(async () => undefined);
    await bus.subscribe({ group: 'g', topics: [Topic.AssertionIssued], handler });
    const invalid = { ...sampleIssuedEvent(1), payload: { assertionId: 'x' } } as unknown as BadgeEvent;
    await bus.publish([invalid]);
    await bus.idle();
    expect(handler).not.toHaveBeenCalled();
    expect(bus.deadLetters()).toEqual([expect.objectContaining({ attempts: 0, error: expect.objectContaining({ name: 'InvalidEventError', reason: 'payload' }) })]);
  });
});
