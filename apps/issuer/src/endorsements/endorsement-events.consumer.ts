import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic, type EventOf } from '@badges/events';
import { RethrowRpcErrorsFilter } from '@badges/messaging';

import { EndorsementIntakeService } from './endorsement-intake.service';

/**
 * The issuer's consumers (group `issuer`), on Kafka or the in-process bus alike. The bus
 * validated the envelope; a throw is retried a bounded number of times, then dead-lettered.
 */
@Controller()
@UseFilters(RethrowRpcErrorsFilter)
export class EndorsementEventsConsumer {
  constructor(private readonly intake: EndorsementIntakeService) {}

  @EventPattern(Topic.EndorsementIssued)
  async onIssued(@Payload() event: EventOf<typeof Topic.EndorsementIssued>): Promise<void> {
    await this.intake.issued(event);
  }

  @EventPattern(Topic.EndorsementRevoked)
  async onRevoked(@Payload() event: EventOf<typeof Topic.EndorsementRevoked>): Promise<void> {
    await this.intake.revoked(event);
  }
}
