import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { claimEvent } from '@badges/messaging';
import { insertJsonRows } from '@badges/persistence';

import { IdentifierLookup } from '../accounts/identifier-lookup';
import { BadgeCollector, type CollectableAward } from '../backpack/badge-collector';
import { PassportPrismaService, type PassportTx } from '../prisma/passport-prisma.service';

export const PASSPORT_SCHEMA = 'passport';
export const PASSPORT_CONSUMER = 'passport';

/**
 * Auto-collect (issue #6): every issued award is kept by its lookup key, and collected as pending
 * for the learner who verified that identifier; a revocation is kept apart, so it holds whichever
 * event arrives first. Issued awards are idempotent by their assertion id; a revocation is claimed
 * by its event id in the same transaction as its write (effectively once).
 */
@Injectable()
export class AwardIntakeService {
  private readonly logger = new Logger(AwardIntakeService.name);

  constructor(private readonly prisma: PassportPrismaService, private readonly lookups: IdentifierLookup, private readonly collector: BadgeCollector) {}

  /**
   * A run of issued events (a bulk award's, say) in ONE transaction, a handful of statements
   * whatever its length. The award's own key makes it idempotent: only awards stored now are
   * collected, so a redelivered event changes nothing and needs no ProcessedEvent row.
   */
  async issuedMany(events: readonly EventOf<typeof Topic.AssertionIssued | typeof Topic.AssertionImported>[]): Promise<void> {
    const awards = events.map((event) => this.awardOf(event));
    // Plain SQL on the Database handle: Prisma's raw path costs ten times the CPU on a run's JSON (decision 0015).
    const collected = await this.prisma.database.withTransaction(async (sql) => {
      await this.collector.lockAll(sql, awards.flatMap((award) => (award.lookup ? [award.lookup] : [])));
      const insert = insertJsonRows(PASSPORT_SCHEMA, 'awards', awards, { skipDuplicates: true });
      if (!insert) return 0;
      const stored = await sql.query<{ assertionId: string }>(`${insert.sql} RETURNING "assertionId"`, insert.params);
      const fresh = new Set(stored.map((row) => row.assertionId));
      return this.collector.collectAwards(sql, awards.filter((award) => fresh.has(award.assertionId)));
    });
    this.logger.debug(`${events.length} award(s) taken in, ${collected} collected into passports`);
  }

  /**
   * A migration's awards (decision 0044): taken in as issued ones (same key, same idempotence), a
   * revoked one's revocation kept first. Both steps skip what is already kept, so a redelivered run
   * (or one whose second step failed) repeats neither, and a revocation whose own event came first stays.
   */
  async importedMany(events: readonly EventOf<typeof Topic.AssertionImported>[]): Promise<void> {
    const revocations = events.flatMap(({ payload }) =>
      payload.revocation ? [{ assertionId: payload.assertionId, reason: payload.revocation.reason, revokedAt: new Date(payload.revocation.revokedAt) }] : [],
    );
    if (revocations.length > 0) {
      const insert = insertJsonRows(PASSPORT_SCHEMA, 'award_revocations', revocations, { skipDuplicates: true });
      if (insert) await this.prisma.database.query(insert.sql, insert.params);
    }
    await this.issuedMany(events);
  }

  private awardOf(event: EventOf<typeof Topic.AssertionIssued | typeof Topic.AssertionImported>): CollectableAward {
    const { payload } = event;
    const { recipient } = payload;
    return {
      assertionId: payload.assertionId,
      institutionId: event.institutionId,
      // Events from before the issuer published lookups: a plaintext recipient can still be keyed here.
      lookup: recipient.lookup ?? (recipient.hashed ? null : this.lookups.of(recipient.type, recipient.identity)),
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
      // Every row has every column (insertJsonRows takes the first row's keys): null when 2.0 only.
      credentialUrl: payload.credentialUrl && payload.credentialFormat ? payload.credentialUrl : null,
      credentialFormat: payload.credentialUrl && payload.credentialFormat ? payload.credentialFormat : null,
    };
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
