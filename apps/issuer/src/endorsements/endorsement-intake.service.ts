import { Injectable } from '@nestjs/common';

import { Topic, type EventOf } from '@badges/events';
import { claimEvent } from '@badges/messaging';
import { prismaSqlSession } from '@badges/persistence';
import { tenantScope } from '@badges/service-kit';

import { IssuerEvents } from '../events/issuer-events';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';
import { ReceivedEndorsementsRepository } from './received-endorsements.repository';

/** The issuer's Postgres schema (ISSUER_SCHEMA of issuer.app; not imported, to avoid a cycle). */
const ISSUER_SCHEMA_NAME = 'issuer';
/** The ProcessedEvent consumer name of this intake. */
export const ENDORSEMENT_INTAKE_CONSUMER = 'issuer.endorsements';

/**
 * Keeps the `endorsement` lists of our public documents in step with the endorsement service.
 * Each event is claimed in the same transaction as its write (handleOnce semantics), so a
 * redelivered event changes nothing. The envelope's institutionId is the target's owner.
 */
@Injectable()
export class EndorsementIntakeService {
  constructor(
    private readonly prisma: IssuerPrismaService,
    private readonly received: ReceivedEndorsementsRepository,
    private readonly events: IssuerEvents,
  ) {}

  async issued(event: EventOf<typeof Topic.EndorsementIssued>): Promise<void> {
    const { payload } = event;
    await this.once(event, true, (tx) =>
      this.received.recordIssued(
        tenantScope(event.institutionId),
        {
          id: payload.endorsementId,
          targetType: payload.target.type,
          targetId: payload.target.entityId,
          url: payload.endorsementUrl,
          endorserName: payload.endorserName ?? null,
          endorserUrl: payload.endorserProfileUrl ?? null,
          comment: payload.comment ?? null,
          issuedOn: payload.issuedOn ? new Date(payload.issuedOn) : new Date(event.occurredAt),
        },
        tx,
      ),
    );
  }

  async revoked(event: EventOf<typeof Topic.EndorsementRevoked>): Promise<void> {
    const { payload } = event;
    await this.once(event, false, (tx) =>
      this.received.recordRevoked(
        tenantScope(event.institutionId),
        {
          id: payload.endorsementId,
          targetType: payload.target.type,
          targetId: payload.target.entityId,
          url: payload.endorsementUrl ?? '',
          revokedAt: new Date(payload.revokedAt),
        },
        tx,
      ),
    );
  }

  /** Claims, records and announces the new list in one transaction (the outbox), then wakes the relay. */
  private async once(
    event: EventOf<typeof Topic.EndorsementIssued | typeof Topic.EndorsementRevoked>,
    listed: boolean,
    work: (tx: IssuerTx) => Promise<void>,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (!(await claimEvent(tx, ISSUER_SCHEMA_NAME, ENDORSEMENT_INTAKE_CONSUMER, event.eventId))) return;
      await work(tx);
      const { endorsementId, target } = event.payload;
      const origin = { correlationId: event.correlationId, actor: event.actor };
      await this.events.endorsementListed(prismaSqlSession(tx), tenantScope(event.institutionId), origin, { endorsementId, target, listed });
    });
    this.events.published();
  }
}
