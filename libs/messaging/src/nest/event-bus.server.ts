import { BaseRpcContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
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
          handler: (event, context) => this.dispatch(event, context),
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

  private async dispatch(event: BadgeEvent, context: DeliveryContext): Promise<void> {
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) throw new Error(`No @EventPattern handler for ${event.type}`);
    // Handlers come wrapped by Nest (pipes, interceptors, filters): a throw arrives as an errored observable.
    await lastValueFrom(this.transformToObservable(await handler(event, new EventBusContext([context]))), { defaultValue: undefined });
  }
}
