import { BaseRpcContext, EventPattern, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';

import { isTopicName, type BadgeEvent, type TopicName } from '@badges/events';

import type { DeliveryContext, EventSubscriber, SubscribeOptions, Subscription } from '../bus/event-bus';

export class EventBusContext extends BaseRpcContext<[DeliveryContext]> {
  getGroup(): string {
    return this.args[0].group;
  }
  getAttempt(): number {
    return this.args[0].attempt;
  }
}

/** Marks an `@EventPattern` handler that takes an ARRAY of events (see EventBatchHandler). */
const BATCH = { batch: true } as const;

/**
 * `@EventBatchPattern(Topic.X)`: like `@EventPattern`, but the handler receives runs of events of
 * that topic (`@Payload() events: EventOf<...>[]`) and must handle them all or throw. Kafka hands
 * it runs of up to 500, the in-process bus runs of up to IN_PROCESS_BATCH, and the retry of a
 * failed run arrays of one.
 */
export const EventBatchPattern = (topic: TopicName): MethodDecorator => EventPattern(topic, BATCH);

export interface EventBusServerOptions {
  /** The consumer group: the service name. */
  group: string;
  maxAttempts?: SubscribeOptions<TopicName>['maxAttempts'];
  backoff?: SubscribeOptions<TopicName>['backoff'];
}

/**
 * A Nest transport strategy over any EventSubscriber, so consumers are plain
 * `@EventPattern(Topic.X)` handlers whether the bus is Kafka or in-process:
 * `app.connectMicroservice({ strategy: new EventBusServer(bus.subscriber, { group: 'notification' }) })`.
 * The handler receives the validated envelope; a throw is retried, then dead-lettered by the
 * subscriber (see KafkaEventSubscriber for why we do not use Nest's Kafka server).
 */
export class EventBusServer extends Server implements CustomTransportStrategy {
  private subscription?: Subscription;

  constructor(private readonly subscriber: EventSubscriber, private readonly options: EventBusServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = [...this.messageHandlers.keys()];
      const unknown = topics.filter((topic) => !isTopicName(topic));
      if (unknown.length) throw new Error(`@EventPattern names no event contract: ${unknown.join(', ')}`);
      if (topics.length) {
        this.subscription = await this.subscriber.subscribe({
          ...this.options,
          topics: topics as TopicName[],
          handler: (event, context) => this.dispatch([event], context),
          // Only a service with batch handlers asks for runs of events.
          ...([...this.messageHandlers.values()].some(takesBatches) ? { batchHandler: (events: BadgeEvent[], context: DeliveryContext) => this.dispatch(events, context) } : {}),
        });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  on(): never {
    throw new Error('EventBusServer has no server events to listen to');
  }

  unwrap<T>(): T {
    return this.subscriber as T;
  }

  /** `events` share one topic: a batch handler takes them at once, any other one by one. */
  private async dispatch(events: BadgeEvent[], context: DeliveryContext): Promise<void> {
    const handler = this.getHandlerByPattern(events[0].type);
    if (!handler) throw new Error(`No @EventPattern handler for ${events[0].type}`);
    if (takesBatches(handler)) return this.invoke(handler, events, context);
    for (const event of events) await this.invoke(handler, event, context);
  }

  private async invoke(handler: MessageHandler, payload: BadgeEvent | BadgeEvent[], context: DeliveryContext): Promise<void> {
    // Handlers come wrapped by Nest (pipes, interceptors, filters): a throw arrives as an errored observable.
    await lastValueFrom(this.transformToObservable(await handler(payload, new EventBusContext([context]))), { defaultValue: undefined });
  }
}

function takesBatches(handler: MessageHandler): boolean {
  return (handler.extras as { batch?: boolean } | undefined)?.batch === true;
}
