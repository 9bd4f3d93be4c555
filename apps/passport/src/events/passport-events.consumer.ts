import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic, type EventOf } from '@badges/events';
import { RethrowRpcErrorsFilter } from '@badges/messaging';

import { AwardIntakeService } from './award-intake.service';

/** The passport's consumers (group `passport`), identical on Kafka and on the in-process bus. */
@Controller()
@UseFilters(RethrowRpcErrorsFilter)
export class PassportEventsConsumer {
  constructor(private readonly intake: AwardIntakeService) {}

  @EventPattern(Topic.AssertionIssued)
  async onAssertionIssued(@Payload() event: EventOf<typeof Topic.AssertionIssued>): Promise<void> {
    await this.intake.issued(event);
  }

  @EventPattern(Topic.AssertionRevoked)
  async onAssertionRevoked(@Payload() event: EventOf<typeof Topic.AssertionRevoked>): Promise<void> {
    await this.intake.revoked(event);
  }
}
