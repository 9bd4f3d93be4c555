import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { claimEvent } from '@badges/messaging';

import { IdentifierLookup } from '../accounts/identifier-lookup';
import { BadgeCollector } from '../backpack/badge-collector';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';

export const PASSPORT_SCHEMA = 'passport';
export const PASSPORT_CONSUMER = 'passport';

/**
 * Auto-collect (issue #6): every issued award is kept by its lookup key, and collected as pending
 * for the learner who verified that identifier; a revocation is kept apart, so it holds whichever
 * event arrives first. Each event is claimed in the same transaction as its writes (effectively
 * once).
 */
@Injectable()
export class AwardIntakeService {
  private readonly logger = new Logger(AwardIntakeService.name);

  constructor(private readonly prisma: PassportPrismaService, private readonly lookups: IdentifierLookup, private readonly collector: BadgeCollector) {}

  async issued(event: EventOf<typeof Topic.AssertionIssued>): Promise<void> {
    const { payload } = event;
    const { recipient } = payload;
    // Events from before the issuer published lookups: a plaintext recipient can still be keyed here.
    const lookup = recipient.lookup ?? (recipient.hashed ? null : this.lookups.of(recipient.type, recipient.identity));
    const collected = await this.once(event.eventId, async (tx) => {
      const award = {
        assertionId: payload.assertionId,
        institutionId: event.institutionId,
        lookup,
        assertionUrl: payload.assertionUrl,
        imageUrl: payload.imageUrl,
        badgeClassId: payload.badgeClassId,
        badgeClassName: payload.badgeClassName,
        issuerId: payload.issuerId,
        issuerName: payload.issuerName,
        recipientType: recipient.type,
        recipientIdentity: recipient.identity,
        recipientSalt: recipient.salt ?? null,
        recipientHashed: recipient.hashed,
        issuedOn: new Date(payload.issuedOn),
        expires: payload.expires ? new Date(payload.expires) : null,
      };
      if (!lookup) {
        await tx.award.createMany({ data: [award], skipDuplicates: true });
        return 0;
      }
      await this.collector.lock(tx, lookup);
      await tx.award.createMany({ data: [award], skipDuplicates: true });
      return this.collector.collectAward(tx, award, lookup);
    });
    this.logger.debug(`award ${payload.assertionId}: ${collected === undefined ? 'already handled' : `collected into ${collected} passport(s)`}`);
  }

  async revoked(event: EventOf<typeof Topic.AssertionRevoked>): Promise<void> {
    const { assertionId, revocationReason, revokedAt } = event.payload;
    await this.once(event.eventId, async (tx) => {
      const data = { reason: revocationReason, revokedAt: new Date(revokedAt) };
      await tx.awardRevocation.upsert({ where: { assertionId }, create: { assertionId, ...data }, update: data });
    });
  }

  private async once<T>(eventId: string, work: (tx: PassportTx) => Promise<T>): Promise<T | undefined> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await claimEvent(tx, PASSPORT_SCHEMA, PASSPORT_CONSUMER, eventId))) return undefined;
      return work(tx);
    });
  }
}
