import { Inject, Injectable } from '@nestjs/common';

import {
  createEvent,
  PROVINCE_INSTITUTION_ID,
  Topic,
  type BadgeEvent,
  type LearnerEmailConfirmationRequestedPayload,
  type LearnerExistingSignupAttemptedPayload,
  type LearnerLanguageChangedPayload,
} from '@badges/events';
import { outboxInsertStatements, type OutboxRelay } from '@badges/messaging';

import { PASSPORT_OUTBOX_RELAY } from '../common/tokens';
import { PASSPORT_SCHEMA } from './award-intake.service';
import type { Award } from '../generated/prisma/client';
import type { PassportTx } from '../prisma/passport-prisma.service';

/**
 * The passport's facts, written to its outbox in the transaction of the state change (design.md
 * §4). Learner events belong to the province, not to an institution.
 */
@Injectable()
export class PassportEvents {
  constructor(@Inject(PASSPORT_OUTBOX_RELAY) private readonly relay: OutboxRelay) {}

  async emailConfirmationRequested(tx: PassportTx, correlationId: string, payload: LearnerEmailConfirmationRequestedPayload): Promise<void> {
    await this.write(tx, [
      createEvent(Topic.LearnerEmailConfirmationRequested, { institutionId: PROVINCE_INSTITUTION_ID, correlationId, aggregateId: payload.learnerId, payload }),
    ]);
  }

  async existingSignupAttempted(tx: PassportTx, correlationId: string, payload: LearnerExistingSignupAttemptedPayload): Promise<void> {
    await this.write(tx, [
      createEvent(Topic.LearnerExistingSignupAttempted, { institutionId: PROVINCE_INSTITUTION_ID, correlationId, aggregateId: payload.learnerId, payload }),
    ]);
  }

  /** The learner's language and verified addresses' lookups, whole (decision 0041): keyed by learner, the last one wins. */
  async languageChanged(tx: PassportTx, correlationId: string, payload: LearnerLanguageChangedPayload): Promise<void> {
    await this.write(tx, [createEvent(Topic.LearnerLanguageChanged, { institutionId: PROVINCE_INSTITUTION_ID, correlationId, aggregateId: payload.learnerId, payload })]);
  }

  async identifierVerified(tx: PassportTx, correlationId: string, payload: { learnerId: string; identifierId: string; identifierType: 'email' | 'url' | 'telephone' }): Promise<void> {
    await this.write(tx, [
      createEvent(Topic.LearnerIdentifierVerified, {
        institutionId: PROVINCE_INSTITUTION_ID,
        correlationId,
        aggregateId: payload.learnerId,
        payload: { ...payload, verifiedAt: new Date().toISOString() },
      }),
    ]);
  }

  /**
   * Dashboards (issue #17): a learner accepted or shared badges. Only badges our issuers awarded
   * (an imported badge has no issuer here to count it); each event goes to the awarding
   * institution and carries ids only, never who the learner is.
   */
  async assertionsEngaged(tx: PassportTx, correlationId: string, engagement: 'accepted' | 'shared', awards: readonly Award[], at: Date): Promise<void> {
    const events = awards
      .filter((award) => award.origin === 'platform')
      .map((award) => {
        const ids = { assertionId: award.assertionId, badgeClassId: award.badgeClassId, issuerId: award.issuerId };
        const origin = { institutionId: award.institutionId, correlationId, aggregateId: award.assertionId, occurredAt: at };
        return engagement === 'accepted'
          ? createEvent(Topic.PassportAssertionAccepted, { ...origin, payload: { ...ids, acceptedAt: at.toISOString() } })
          : createEvent(Topic.PassportAssertionShared, { ...origin, payload: { ...ids, sharedAt: at.toISOString() } });
      });
    if (events.length > 0) await this.write(tx, events);
  }

  /** Call after the transaction committed. */
  published(): void {
    this.relay.wake();
  }

  private async write(tx: PassportTx, events: BadgeEvent[]): Promise<void> {
    for (const { sql, params } of outboxInsertStatements(PASSPORT_SCHEMA, events)) await tx.$executeRawUnsafe(sql, ...params);
  }
}
