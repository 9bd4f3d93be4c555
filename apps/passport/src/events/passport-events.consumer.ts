import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic, type EventOf } from '@badges/events';
import { EventBatchPattern, RethrowRpcErrorsFilter } from '@badges/messaging';

import { EndorsementIntakeService } from '../endorsements/endorsement-intake.service';
import { AwardIntakeService } from './award-intake.service';

/** The passport's consumers (group `passport`), identical on Kafka and on the in-process bus. */
@Controller()
@UseFilters(RethrowRpcErrorsFilter)
export class PassportEventsConsumer {
  constructor(private readonly intake: AwardIntakeService, private readonly endorsements: EndorsementIntakeService) {}

  /** A bulk award's events arrive in runs, each run taken in with one transaction. */
  @EventBatchPattern(Topic.AssertionIssued)
  async onAssertionsIssued(@Payload() events: EventOf<typeof Topic.AssertionIssued>[]): Promise<void> {
    await this.intake.issuedMany(events);
  }

  /** Awards a migration run brought over (decision 0044): collected as issued ones, revoked ones with their revocation. */
  @EventBatchPattern(Topic.AssertionImported)
  async onAssertionsImported(@Payload() events: EventOf<typeof Topic.AssertionImported>[]): Promise<void> {
    await this.intake.importedMany(events);
  }

  @EventPattern(Topic.AssertionRevoked)
  async onAssertionRevoked(@Payload() event: EventOf<typeof Topic.AssertionRevoked>): Promise<void> {
    await this.intake.revoked(event);
  }

  @EventPattern(Topic.EndorsementIssued)
  async onEndorsementIssued(@Payload() event: EventOf<typeof Topic.EndorsementIssued>): Promise<void> {
    await this.endorsements.issued(event);
  }

  @EventPattern(Topic.EndorsementRevoked)
  async onEndorsementRevoked(@Payload() event: EventOf<typeof Topic.EndorsementRevoked>): Promise<void> {
    await this.endorsements.revoked(event);
  }
}
