import { Module, type DynamicModule } from '@nestjs/common';

import type { EventBus } from '../event-bus.factory';
import { EVENT_PUBLISHER, EVENT_SUBSCRIBER } from './event-bus.tokens';

/** Provides EVENT_PUBLISHER and EVENT_SUBSCRIBER from a bus made by `createEventBus()` at boot. */
@Module({})
export class EventBusModule {
  static forRoot(bus: EventBus): DynamicModule {
    return {
      module: EventBusModule,
      global: true,
      providers: [
        { provide: EVENT_PUBLISHER, useValue: bus.publisher },
        { provide: EVENT_SUBSCRIBER, useValue: bus.subscriber },
      ],
      exports: [EVENT_PUBLISHER, EVENT_SUBSCRIBER],
    };
  }
}
