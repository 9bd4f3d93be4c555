import { Controller, Module, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { Topic, type EventOf } from '@badges/events';

import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { sampleIssuedEvent } from '../testing/sample-events';
import { EventBusContext, EventBusServer } from './event-bus.server';
import { RethrowRpcErrorsFilter } from './rethrow-rpc-errors.filter';

const received: { id: string; group: string }[] = [];

@Controller()
@UseFilters(RethrowRpcErrorsFilter)
class AssertionEventsConsumer {
  @EventPattern(Topic.AssertionIssued)
  async onAssertionIssued(@Payload() event: EventOf<typeof Topic.AssertionIssued>, @Ctx() context: EventBusContext): Promise<void> {
    if (event.payload.badgeClassName === 'poison') throw new Error('template missing');
    received.push({ id: event.payload.assertionId, group: context.getGroup() });
  }
}

@Module({ controllers: [AssertionEventsConsumer] })
class ConsumerModule {}

describe('EventBusServer (a Nest consumer over the in-process bus)', () => {
  it('routes @EventPattern handlers, and dead-letters with the original error', async () => {
    const bus = new InProcessEventBus();
    const app = await NestFactory.createMicroservice(ConsumerModule, {
      strategy: new EventBusServer(bus, { group: 'notification', maxAttempts: 2, backoff: { initialBackoffMs: 1 } }),
      logger: false,
    });
    await app.listen();

    const poison = sampleIssuedEvent(0);
    poison.payload.badgeClassName = 'poison';
    await bus.publish([poison, sampleIssuedEvent(1)]);
    await bus.idle();

    expect(received).toEqual([{ id: 'assertion1', group: 'notification' }]);
    expect(bus.deadLetters('badges.assertion.issued.v1.dlq')).toEqual([
      expect.objectContaining({ attempts: 2, error: expect.objectContaining({ message: 'template missing' }) }),
    ]);
    await app.close();
    await bus.close();
  });
});
