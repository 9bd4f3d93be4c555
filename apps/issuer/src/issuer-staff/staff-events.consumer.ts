import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic, type EventOf } from '@badges/events';
import { RethrowRpcErrorsFilter } from '@badges/messaging';

import { IssuerStaffRepository } from './issuer-staff.repository';

/**
 * Keeps the issuer's copy of the institution's people (group `issuer`), from which issuers list
 * their staff. The bus validated the envelope; a throw is retried, then dead-lettered.
 */
@Controller()
@UseFilters(RethrowRpcErrorsFilter)
export class StaffEventsConsumer {
  constructor(private readonly staff: IssuerStaffRepository) {}

  @EventPattern(Topic.StaffChanged)
  async onChanged(@Payload() event: EventOf<typeof Topic.StaffChanged>): Promise<void> {
    await this.staff.apply(event.institutionId, event.payload, new Date(event.occurredAt));
  }
}
