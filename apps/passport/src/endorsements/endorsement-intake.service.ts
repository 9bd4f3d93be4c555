import { Injectable } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { claimEvent } from '@badges/messaging';

import { PASSPORT_SCHEMA } from '../events/award-intake.service';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';

/** The ProcessedEvent consumer name of this intake (apart from the awards' claims). */
export const PASSPORT_ENDORSEMENT_CONSUMER = 'passport.endorsements';

/**
 * Keeps the endorsements of badges (their Issuer, BadgeClass or Assertion) from the endorsement
 * events, so the passport's view of a badge lists them. Each event is claimed in the same
 * transaction as its write; a revocation is a tombstone that a late `issued` never overwrites.
 */
@Injectable()
export class EndorsementIntakeService {
  constructor(private readonly prisma: PassportPrismaService) {}

  async issued(event: EventOf<typeof Topic.EndorsementIssued>): Promise<void> {
    const { payload } = event;
    const endorsement = {
      id: payload.endorsementId,
      targetType: payload.target.type,
      targetId: payload.target.entityId,
      url: payload.endorsementUrl,
      endorserName: payload.endorserName ?? null,
      comment: payload.comment ?? null,
      issuedOn: new Date(payload.issuedOn ?? event.occurredAt),
    };
    await this.once(event.eventId, (tx) => tx.receivedEndorsement.createMany({ data: [endorsement], skipDuplicates: true }));
  }

  async revoked(event: EventOf<typeof Topic.EndorsementRevoked>): Promise<void> {
    const { payload } = event;
    const revokedAt = new Date(payload.revokedAt);
    await this.once(event.eventId, (tx) =>
      tx.receivedEndorsement.upsert({
        where: { id: payload.endorsementId },
        create: { id: payload.endorsementId, targetType: payload.target.type, targetId: payload.target.entityId, url: payload.endorsementUrl ?? '', revokedAt },
        update: { revokedAt },
      }),
    );
  }

  private async once(eventId: string, work: (tx: PassportTx) => Promise<unknown>): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (!(await claimEvent(tx, PASSPORT_SCHEMA, PASSPORT_ENDORSEMENT_CONSUMER, eventId))) return;
      await work(tx);
    });
  }
}
