import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic, type EventOf } from '@badges/events';
import { RethrowRpcErrorsFilter } from '@badges/messaging';
import { tenantScope } from '@badges/service-kit';

import { AssertionEngagementsRepository } from './assertion-engagements.repository';

/**
 * The passport's news for the dashboards (group `issuer`): a learner accepted or shared one of the
 * institution's badges. The bus validated the envelope; a throw is retried, then dead-lettered.
 */
@Controller()
@UseFilters(RethrowRpcErrorsFilter)
export class EngagementEventsConsumer {
  constructor(private readonly engagements: AssertionEngagementsRepository) {}

  @EventPattern(Topic.PassportAssertionAccepted)
  async onAccepted(@Payload() event: EventOf<typeof Topic.PassportAssertionAccepted>): Promise<void> {
    await this.engagements.record(tenantScope(event.institutionId), event.payload.assertionId, 'accepted', new Date(event.payload.acceptedAt));
  }

  @EventPattern(Topic.PassportAssertionShared)
  async onShared(@Payload() event: EventOf<typeof Topic.PassportAssertionShared>): Promise<void> {
    await this.engagements.record(tenantScope(event.institutionId), event.payload.assertionId, 'shared', new Date(event.payload.sharedAt));
  }
}
