import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';

import { InvalidEventError, parseEvent, type BadgeEvent, type TopicName } from '@badges/events';

import { countDeadLetter, reportLag, type LagReading } from '../bus/consumer-metrics';
import { inConsumeBatchSpan, inConsumeSpan } from '../bus/event-spans';
import { toDeadLetter, type DeadLetterSink } from '../bus/dead-letter';
import type { EventBatchHandler, EventHandler, EventSubscriber, SubscribeOptions, Subscription } from '../bus/event-bus';
import { retryPolicyOf, runWithRetries, sleep, type RetryPolicy } from '../bus/retry-policy';
import { ensureTopics, logicalTopic, physicalTopic } from './kafka-topics';

export interface KafkaSubscriberOptions {
  namespace?: string;
  /** Partitions of one consumer handled in parallel: a retrying event then holds up only its own. */
  partitionsConsumedConcurrently?: number;
  /** How long subscribe() waits for the group to assign partitions. */
  joinTimeoutMs?: number;
  /** Longest run of events handed to a batch handler at once (one transaction's worth). */
  maxBatchSize?: number;
}

/** A consumed message: a valid event, or what was wrong with it. */
type Decoded = { event: BadgeEvent; offset: string } | { invalid: unknown; offset: string; key: string | null; value: unknown };

interface Delivery {
  group: string;
  topics: ReadonlySet<string>;
  handler: EventHandler<TopicName>;
  batchHandler?: EventBatchHandler<TopicName>;
  policy: RetryPolicy;
  /** The lag of each partition this member handles, by `<topic>/<partition>`, as of its last batch. */
  lags: Map<string, LagReading>;
}

/** A live Kafka subscription; `assignment` is the member's current share of the partitions. */
export class KafkaSubscription implements Subscription {
  assignment: Record<string, number[]> = {};
  constructor(readonly consumer: Consumer, private readonly stopReporting: () => void = () => undefined) {}

  async close(): Promise<void> {
    this.stopReporting();
    await this.consumer.disconnect();
  }
}

/**
 * EventSubscriber over a kafkajs consumer group. Each message is validated at the edge, handed
 * to the handler with bounded, backed-off retries (heartbeating meanwhile), and if it still
 * fails it is published to `<topic>.dlq` before the handler returns, so the offset is
 * committed and the partition moves on. Nest's own Kafka server would instead retry a
 * throwing handler forever (nestjs/nest#14664). Only a failure to write the dead letter
 * itself stops the partition: the message is then redelivered, never dropped.
 */
export class KafkaEventSubscriber implements EventSubscriber {
  private readonly logger = new Logger(KafkaEventSubscriber.name);
  private readonly namespace: string;

  constructor(private readonly kafka: Kafka, private readonly deadLetters: DeadLetterSink, private readonly options: KafkaSubscriberOptions = {}) {
    this.namespace = options.namespace ?? '';
  }

  async subscribe<T extends TopicName>(options: SubscribeOptions<T>): Promise<KafkaSubscription> {
    const policy = retryPolicyOf(options);
    const consumer = this.kafka.consumer({ groupId: `${this.namespace}${options.group}`, heartbeatInterval: 1_000 });
    const lags = new Map<string, LagReading>();
    const subscription = new KafkaSubscription(consumer, reportLag(() => lags.values()));
    const joined = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        subscription.assignment = event.payload.memberAssignment;
        // Partitions another member took are its to report now.
        lags.clear();
        resolve();
      }),
    );
    // Subscribing to a topic that does not exist yet fails (UNKNOWN_TOPIC_OR_PARTITION) when the
    // consumer starts before any producer: create the topics and their DLQs first.
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.namespace, options.topics);
    } finally {
      await admin.disconnect();
    }
    await consumer.connect();
    // A new group starts at the beginning, so nothing published before its first start is missed
    // (unless it asked for `latest`: a per-instance cache group has nothing to catch up on).
    await consumer.subscribe({ topics: options.topics.map((t) => physicalTopic(this.namespace, t)), fromBeginning: options.startAt !== 'latest' });
    const delivery: Delivery = {
      group: options.group,
      topics: new Set<string>(options.topics),
      handler: options.handler as unknown as EventHandler<TopicName>,
      batchHandler: options.batchHandler as unknown as EventBatchHandler<TopicName> | undefined,
      policy,
      lags,
    };
    // Offsets are resolved run by run, so a crash mid-batch redelivers only what was not handled.
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(delivery, payload),
    });
    await withTimeout(joined, this.options.joinTimeoutMs ?? 30_000, `group ${options.group} to join`).catch(async (error) => {
      await consumer.disconnect();
      throw error;
    });
    return subscription;
  }

  private async handleBatch(delivery: Delivery, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const logical = logicalTopic(this.namespace, batch.topic);
    const decoded = batch.messages.map((message) => this.decode(delivery, logical, message));
    // The watermark comes with the batch: what is left after each run is known without asking the broker.
    const lag: LagReading = { group: delivery.group, topic: logical, partition: String(batch.partition), lag: 0 };
    const leftAfter = (offset: string) => (lag.lag = Math.max(0, Number(batch.highWatermark) - Number(offset) - 1));
    if (decoded.length > 0) leftAfter(String(Number(decoded[0].offset) - 1));
    delivery.lags.set(`${logical}/${batch.partition}`, lag);
    for (const run of runsOf(decoded, delivery.batchHandler ? (this.options.maxBatchSize ?? 500) : 1)) {
      if (!isRunning() || isStale()) return;
      const first = run[0];
      if ('invalid' in first) {
        // Retrying cannot fix an invalid message: straight to the DLQ.
        await this.deadLetter(delivery.group, logical, first.key, first.value, 0, first.invalid);
      } else {
        await this.handleRun(delivery, run.map((item) => (item as { event: BadgeEvent }).event), heartbeat);
      }
      resolveOffset(run[run.length - 1].offset);
      leftAfter(run[run.length - 1].offset);
      await heartbeat();
    }
  }

  private decode(delivery: Delivery, logical: string, message: KafkaMessage): Decoded {
    try {
      const event = parseEvent(message.value);
      if (!delivery.topics.has(event.type) || event.type !== logical) {
        throw new InvalidEventError('unknown-type', [{ path: 'type', message: `an event of type ${event.type} on topic ${logical}` }], event.type);
      }
      return { event, offset: message.offset };
    } catch (error) {
      return { invalid: error, offset: message.offset, key: message.key?.toString() ?? null, value: decodeLoosely(message.value) };
    }
  }

  /** A run goes to the batch handler once; if that fails, each event gets its own retries and dead letter. */
  private async handleRun(delivery: Delivery, events: BadgeEvent[], heartbeat: () => Promise<void>): Promise<void> {
    if (delivery.batchHandler && events.length > 1) {
      try {
        await inConsumeBatchSpan(delivery.group, events, () => (delivery.batchHandler as EventBatchHandler<TopicName>)(events, { group: delivery.group, attempt: 1 }));
        return;
      } catch (error) {
        this.logger.warn(`A batch of ${events.length} ${events[0].type} events failed for group ${delivery.group}, handling them one by one: ${String(error)}`);
      }
    }
    for (const event of events) {
      const outcome = await runWithRetries(
        delivery.policy,
        (attempt) => inConsumeSpan(delivery.group, event, attempt, () => delivery.handler(event, { group: delivery.group, attempt })),
        (ms) => sleepWithHeartbeat(ms, heartbeat),
      );
      if (!outcome.ok) await this.deadLetter(delivery.group, event.type, event.aggregateId, event, outcome.attempts, outcome.error);
    }
  }

  private async deadLetter(group: string, topic: string, key: string | null, event: unknown, attempts: number, error: unknown): Promise<void> {
    this.logger.warn(`Dead-lettering ${topic} event for group ${group} after ${attempts} attempt(s): ${String(error)}`);
    await this.deadLetters.publishDeadLetter(toDeadLetter({ topic, group, attempts, event, key, error }));
    countDeadLetter(group, topic);
  }
}

async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await sleep(Math.min(1_000, until - Date.now()));
    await heartbeat();
  }
}

/** Consecutive valid events of one type, at most `limit` long; each invalid message is a run of its own. */
function runsOf(items: Decoded[], limit: number): Decoded[][] {
  const runs: Decoded[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    const joins = last && last.length < limit && 'event' in item && 'event' in last[0] && last[0].event.type === item.event.type;
    if (joins) last.push(item);
    else runs.push([item]);
  }
  return runs;
}

function decodeLoosely(value: Buffer | null): unknown {
  const text = value?.toString() ?? '';
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 10_000);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
