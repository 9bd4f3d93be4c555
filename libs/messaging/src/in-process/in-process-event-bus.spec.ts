import { Topic, type BadgeEvent } from '@badges/events';

import { sampleIssuedEvent } from '../testing/sample-events';
import { IN_PROCESS_BATCH, InProcessEventBus } from './in-process-event-bus';
import { LANE_SLICE_MS } from './lane';

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

  it('keeps what is published during a hold for the groups subscribed by its release, in order', async () => {
    const early: string[] = [];
    const late: string[] = [];
    await bus.subscribe({ group: 'early', topics: [Topic.AssertionIssued], handler: async (e) => void early.push(e.eventId) });
    bus.hold();
    bus.hold();
    const events = Array.from({ length: 5 }, (_, n) => sampleIssuedEvent(n, 'assertion1'));
    await bus.publish(events.slice(0, 3));
    await bus.subscribe({ group: 'late', topics: [Topic.AssertionIssued], handler: async (e) => void late.push(e.eventId) });
    await bus.publish(events.slice(3));
    await bus.release();
    await bus.idle();
    expect([early, late]).toEqual([[], []]);
    await bus.release();
    await bus.idle();
    const ids = events.map((e) => e.eventId);
    expect(early).toEqual(ids);
    expect(late).toEqual(ids);
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

  it('hands a batch consumer runs of one topic, at most IN_PROCESS_BATCH long, in order per aggregate', async () => {
    const runs: string[][] = [];
    const single = jest.fn(async () => undefined);
    await bus.subscribe({ group: 'g', topics: [Topic.AssertionIssued], handler: single, batchHandler: async (events) => void runs.push(events.map((e) => e.eventId)) });
    const events = Array.from({ length: 3 * IN_PROCESS_BATCH }, (_, n) => sampleIssuedEvent(n, 'one-aggregate'));
    await bus.publish(events);
    await bus.idle();

    expect(runs.flat()).toEqual(events.map((e) => e.eventId));
    expect(Math.max(...runs.map((run) => run.length))).toBe(IN_PROCESS_BATCH);
    expect(runs.length).toBeLessThan(events.length / 10);
    expect(single).not.toHaveBeenCalled();
  });

  it('hands the events of a failed run to the single handler, one by one, dead-lettering only the bad one', async () => {
    const poison = sampleIssuedEvent(0, 'key');
    const others = [sampleIssuedEvent(1, 'key'), sampleIssuedEvent(2, 'key')];
    const handled: string[] = [];
    await bus.subscribe({
      group: 'g',
      topics: [Topic.AssertionIssued],
      maxAttempts: 2,
      backoff: fast,
      batchHandler: async () => {
        throw new Error('one of them is bad');
      },
      handler: async (event) => {
        if (event.eventId === poison.eventId) throw new Error('bad');
        handled.push(event.eventId);
      },
    });
    await bus.publish([poison, ...others]);
    await bus.idle();

    expect(handled).toEqual(others.map((e) => e.eventId));
    expect(bus.deadLetters().map((letter) => (letter.event as BadgeEvent).eventId)).toEqual([poison.eventId]);
  });

  it('lets the event loop turn while a lane works through a backlog that needs no I/O', async () => {
    // A handler that only burns CPU: without yielding, the lane would run its backlog as one chain of microtasks.
    await bus.subscribe({
      group: 'g',
      topics: [Topic.AssertionIssued],
      handler: async () => {
        const until = performance.now() + 1;
        while (performance.now() < until);
      },
    });
    await bus.publish(Array.from({ length: 200 }, (_, n) => sampleIssuedEvent(n, 'one-aggregate')));
    // Counts the loop's turns while the backlog runs (not their length: timing is for benchmarks).
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns += 1;
      setImmediate(count);
    };
    setImmediate(count);
    await bus.idle();
    counting = false;

    // 200 ms of work in slices of LANE_SLICE_MS: the loop turned between them. Without the yield
    // the backlog is one chain of microtasks and the loop turns not once before it ends.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(200 / LANE_SLICE_MS / 2));
  });
});
