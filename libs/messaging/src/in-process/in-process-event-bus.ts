import { Logger } from '@nestjs/common';

import { parseEvent, type BadgeEvent, type TopicName } from '@badges/events';

import { toDeadLetter, type DeadLetter, type DeadLetterSink } from '../bus/dead-letter';
import type { EventHandler, EventPublisher, EventSubscriber, SubscribeOptions, Subscription } from '../bus/event-bus';
import { retryPolicyOf, runWithRetries, type RetryPolicy } from '../bus/retry-policy';
import { Lane } from './lane';

interface Member {
  topics: ReadonlySet<string>;
  handler: EventHandler<TopicName>;
  policy: RetryPolicy;
}

interface Group {
  members: Member[];
  lanes: Lane[];
}

export interface InProcessEventBusOptions {
  /** Parallel lanes per group, like partitions: events with one aggregateId share a lane and stay in order. */
  lanesPerGroup?: number;
  /** How many dead letters are kept for inspection (`deadLetters()`); the oldest are dropped. */
  deadLetterCapacity?: number;
}

/**
 * The embedded default bus (no Kafka): every group gets each event once, delivered
 * asynchronously on the lane of its aggregateId, validated at the edge exactly as a Kafka
 * consumer would, with bounded retries and then a dead letter on `<topic>.dlq`.
 * Nothing is persisted: the outbox is the durable part, so events published while a
 * service has not subscribed yet are lost to it. Subscribe every consumer before starting relays.
 */
export class InProcessEventBus implements EventPublisher, EventSubscriber, DeadLetterSink {
  private readonly logger = new Logger(InProcessEventBus.name);
  private readonly groups = new Map<string, Group>();
  private readonly letters: { dlqTopic: string; letter: DeadLetter }[] = [];
  private readonly lanesPerGroup: number;
  private readonly deadLetterCapacity: number;
  private closed = false;

  constructor(options: InProcessEventBusOptions = {}) {
    this.lanesPerGroup = options.lanesPerGroup ?? 4;
    this.deadLetterCapacity = options.deadLetterCapacity ?? 1_000;
  }

  async publish(events: readonly BadgeEvent[]): Promise<void> {
    if (this.closed) throw new Error('InProcessEventBus is closed');
    for (const event of events) {
      // Serialised once, parsed per delivery: every group gets its own copy, validated as from Kafka.
      const raw = JSON.stringify(event);
      for (const [name, group] of this.groups) {
        if (!group.members.some((m) => m.topics.has(event.type))) continue;
        const lane = group.lanes[hashKey(event.aggregateId) % group.lanes.length];
        lane.push(() => this.deliver(name, group, event.type, event.aggregateId, raw));
      }
    }
  }

  async subscribe<T extends TopicName>(options: SubscribeOptions<T>): Promise<Subscription> {
    const member: Member = {
      topics: new Set(options.topics),
      handler: options.handler as unknown as EventHandler<TopicName>,
      policy: retryPolicyOf(options),
    };
    let group = this.groups.get(options.group);
    if (!group) {
      group = { members: [], lanes: Array.from({ length: this.lanesPerGroup }, () => new Lane()) };
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
    await this.idle();
  }

  private async deliver(groupName: string, group: Group, topic: string, key: string, raw: string): Promise<void> {
    const candidates = group.members.filter((m) => m.topics.has(topic));
    if (candidates.length === 0) return; // every member of the group unsubscribed meanwhile
    // A stable choice per key, so one member sees all events of an aggregate, in order.
    const member = candidates[hashKey(key) % candidates.length];
    let event: BadgeEvent;
    try {
      event = parseEvent(raw);
    } catch (error) {
      return this.deadLetter(groupName, topic, key, JSON.parse(raw), 0, error);
    }
    const outcome = await runWithRetries(member.policy, (attempt) => member.handler(event, { group: groupName, attempt }));
    if (!outcome.ok) await this.deadLetter(groupName, topic, key, event, outcome.attempts, outcome.error);
  }

  private async deadLetter(group: string, topic: string, key: string, event: unknown, attempts: number, error: unknown): Promise<void> {
    this.logger.warn(`Dead-lettering ${topic} event for group ${group} after ${attempts} attempt(s): ${String(error)}`);
    await this.publishDeadLetter(toDeadLetter({ topic, group, attempts, event, key, error }));
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
