import { Logger } from '@nestjs/common';

import { parseEvent, type BadgeEvent, type TopicName } from '@badges/events';

import { countDeadLetter, reportLag, type LagReading } from '../bus/consumer-metrics';
import { inConsumeBatchSpan, inConsumeSpan } from '../bus/event-spans';
import { toDeadLetter, type DeadLetter, type DeadLetterSink } from '../bus/dead-letter';
import type { EventBatchHandler, EventHandler, EventPublisher, EventSubscriber, SubscribeOptions, Subscription } from '../bus/event-bus';
import { retryPolicyOf, runWithRetries, type RetryPolicy } from '../bus/retry-policy';
import { Lane } from './lane';

interface Member {
  topics: ReadonlySet<string>;
  handler: EventHandler<TopicName>;
  batchHandler?: EventBatchHandler<TopicName>;
  policy: RetryPolicy;
}

/** One event waiting on a group's lane, serialised as it would come from Kafka. */
interface Delivery {
  topic: string;
  key: string;
  raw: string;
}

interface Group {
  name: string;
  members: Member[];
  lanes: Lane<Delivery>[];
}

/**
 * Most events a batch consumer gets in one run. Kafka hands runs of up to 500; here a run is
 * handled inside the one event loop every request shares, so it is kept short enough (a few ms of
 * parsing and building rows) while still turning a bulk award's 10,000 events into 200
 * transactions instead of 10,000.
 */
export const IN_PROCESS_BATCH = 50;

export interface InProcessEventBusOptions {
  /** Parallel lanes per group, like partitions: events with one aggregateId share a lane and stay in order. */
  lanesPerGroup?: number;
  /** How many dead letters are kept for inspection (`deadLetters()`); the oldest are dropped. */
  deadLetterCapacity?: number;
}

/**
 * The embedded default bus (no Kafka): every group gets each event once, delivered
 * asynchronously on the lane of its aggregateId, validated at the edge exactly as a Kafka
 * consumer would, with bounded retries and then a dead letter on `<topic>.dlq`. A member with a
 * batch handler gets the consecutive events of one topic queued on a lane as one run (at most
 * IN_PROCESS_BATCH), as a Kafka consumer gets a partition's batch.
 * Nothing is persisted: the outbox is the durable part, so events published while a
 * service has not subscribed yet are lost to it. Subscribe every consumer before starting relays,
 * or hold the bus while services start (hold/release): what they publish meanwhile waits, and goes
 * to every group subscribed by the release, as Kafka gives a new group the topic from its start.
 */
export class InProcessEventBus implements EventPublisher, EventSubscriber, DeadLetterSink {
  private readonly logger = new Logger(InProcessEventBus.name);
  private readonly groups = new Map<string, Group>();
  private readonly letters: { dlqTopic: string; letter: DeadLetter }[] = [];
  private readonly lanesPerGroup: number;
  private readonly deadLetterCapacity: number;
  private closed = false;
  /** Holds taken and not yet released; while any is, published events wait in `held`. */
  private holds = 0;
  private held: (readonly BadgeEvent[])[] = [];
  private readonly stopReporting: () => void;

  constructor(options: InProcessEventBusOptions = {}) {
    this.lanesPerGroup = options.lanesPerGroup ?? 4;
    this.deadLetterCapacity = options.deadLetterCapacity ?? 1_000;
    this.stopReporting = reportLag(() => this.lags());
  }

  async publish(events: readonly BadgeEvent[]): Promise<void> {
    if (this.closed) throw new Error('InProcessEventBus is closed');
    if (this.holds > 0) {
      this.held.push(events);
      return;
    }
    for (const event of events) {
      // Serialised once, parsed per delivery: every group gets its own copy, validated as from Kafka.
      const raw = JSON.stringify(event);
      for (const group of this.groups.values()) {
        if (!group.members.some((m) => m.topics.has(event.type))) continue;
        const lane = group.lanes[hashKey(event.aggregateId) % group.lanes.length];
        lane.push({ topic: event.type, key: event.aggregateId, raw });
      }
    }
  }

  /** Events published from now on wait until every hold is released (while services start). */
  hold(): void {
    this.holds += 1;
  }

  /** Ends one hold; the last one delivers what waited, in the order it was published. */
  async release(): Promise<void> {
    this.holds = Math.max(0, this.holds - 1);
    const waiting = this.holds === 0 ? this.held.splice(0) : [];
    for (const events of waiting) await this.publish(events);
  }

  async subscribe<T extends TopicName>(options: SubscribeOptions<T>): Promise<Subscription> {
    const member: Member = {
      topics: new Set(options.topics),
      handler: options.handler as unknown as EventHandler<TopicName>,
      batchHandler: options.batchHandler as unknown as EventBatchHandler<TopicName> | undefined,
      policy: retryPolicyOf(options),
    };
    let group = this.groups.get(options.group);
    if (!group) {
      const created: Group = { name: options.group, members: [], lanes: [] };
      created.lanes = Array.from({ length: this.lanesPerGroup }, () => new Lane<Delivery>((queue, turn) => this.deliverNext(created, queue, turn)));
      group = created;
      this.groups.set(options.group, group);
    }
    group.members.push(member);
    const owner = group;
    return {
      close: async () => {
        owner.members = owner.members.filter((m) => m !== member);
      },
    };
  }

  async publishDeadLetter(letter: DeadLetter): Promise<void> {
    this.letters.push({ dlqTopic: `${letter.topic}.dlq`, letter });
    if (this.letters.length > this.deadLetterCapacity) this.letters.shift();
  }

  /** Dead letters kept in memory, optionally of one `<topic>.dlq`: the embedded operator's view. */
  deadLetters(dlqTopic?: string): DeadLetter[] {
    return this.letters.filter((l) => !dlqTopic || l.dlqTopic === dlqTopic).map((l) => l.letter);
  }

  /** Resolves once every queued delivery (retries included) has finished. */
  async idle(): Promise<void> {
    while ([...this.groups.values()].some((g) => g.lanes.some((lane) => !lane.idle))) {
      await Promise.all([...this.groups.values()].flatMap((g) => g.lanes.map((lane) => lane.whenIdle())));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopReporting();
    await this.idle();
  }

  /** The events waiting on each lane of each group, by topic: this bus's consumer lag (a lane stands for a partition). */
  private *lags(): Iterable<LagReading> {
    for (const group of this.groups.values()) {
      for (const [partition, lane] of group.lanes.entries()) {
        const byTopic = new Map<string, number>();
        for (const delivery of lane.waiting) byTopic.set(delivery.topic, (byTopic.get(delivery.topic) ?? 0) + 1);
        for (const [topic, lag] of byTopic) yield { group: group.name, topic, partition: String(partition), lag };
      }
    }
  }

  /** Takes the next event off a lane, or the run of them its member takes at once, and delivers it. */
  private async deliverNext(group: Group, queue: Delivery[], turn: () => Promise<void>): Promise<void> {
    const first = queue.shift() as Delivery;
    const member = this.memberFor(group, first);
    if (!member) return; // every member of the group unsubscribed meanwhile
    const run = [first];
    while (member.batchHandler && run.length < IN_PROCESS_BATCH && queue.length > 0 && queue[0].topic === first.topic && this.memberFor(group, queue[0]) === member) {
      run.push(queue.shift() as Delivery);
    }
    const events: BadgeEvent[] = [];
    for (const delivery of run) {
      // Validating a run's events costs a few ms: in the lane's slices, like the deliveries themselves.
      await turn();
      try {
        events.push(parseEvent(delivery.raw));
      } catch (error) {
        await this.deadLetter(group.name, delivery.topic, delivery.key, JSON.parse(delivery.raw), 0, error);
      }
    }
    if (member.batchHandler && events.length > 1) {
      try {
        return await inConsumeBatchSpan(group.name, events, () => (member.batchHandler as EventBatchHandler<TopicName>)(events, { group: group.name, attempt: 1 }));
      } catch (error) {
        // As on Kafka: a failed run is handed over event by event, each with its retries and dead letter.
        this.logger.warn(`A batch of ${events.length} ${first.topic} events failed for group ${group.name}, handling them one by one: ${String(error)}`);
      }
    }
    for (const event of events) {
      const outcome = await runWithRetries(member.policy, (attempt) => inConsumeSpan(group.name, event, attempt, () => member.handler(event, { group: group.name, attempt })));
      if (!outcome.ok) await this.deadLetter(group.name, event.type, event.aggregateId, event, outcome.attempts, outcome.error);
    }
  }

  /** A stable choice per key, so one member sees all events of an aggregate, in order. */
  private memberFor(group: Group, delivery: Delivery): Member | undefined {
    const candidates = group.members.filter((m) => m.topics.has(delivery.topic));
    return candidates.length === 0 ? undefined : candidates[hashKey(delivery.key) % candidates.length];
  }

  private async deadLetter(group: string, topic: string, key: string, event: unknown, attempts: number, error: unknown): Promise<void> {
    this.logger.warn(`Dead-lettering ${topic} event for group ${group} after ${attempts} attempt(s): ${String(error)}`);
    await this.publishDeadLetter(toDeadLetter({ topic, group, attempts, event, key, error }));
    countDeadLetter(group, topic);
  }
}

/** FNV-1a: cheap, stable across runs, good enough to spread keys over a few lanes. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
