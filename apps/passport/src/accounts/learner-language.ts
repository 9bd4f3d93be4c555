import { Injectable } from '@nestjs/common';

import { LEARNER_LANGUAGES, type LearnerLanguage } from '@badges/api-contracts';
import { acceptedLanguages, chooseEdition } from '@badges/service-kit';

import { PassportEvents } from '../events/passport-events';
import type { PassportTx } from '../prisma/passport-prisma.service';

/** The first language of an Accept-Language header that the platform writes emails in; null when none is. */
export function languageOfHeader(acceptLanguage: string | undefined): LearnerLanguage | null {
  return (chooseEdition(LEARNER_LANGUAGES, acceptedLanguages(acceptLanguage)) as LearnerLanguage | undefined) ?? null;
}

/**
 * Keeps the notification service's projection of learners' languages (decision 0041) in step:
 * after any change to a learner's language or verified email addresses, in the same transaction,
 * the whole state is published (the language and the keyed lookups of the verified addresses).
 * Unverified addresses are left out: anyone may type anyone's address, and must not choose the
 * language of its owner's award emails.
 */
@Injectable()
export class LearnerLanguages {
  constructor(private readonly events: PassportEvents) {}

  async publish(tx: PassportTx, learnerId: string, correlationId: string): Promise<void> {
    const learner = await tx.learner.findUnique({ where: { id: learnerId }, select: { language: true } });
    if (!learner) return this.forget(tx, learnerId, correlationId);
    const verified = await tx.learnerIdentifier.findMany({ where: { learnerId, type: 'email', verifiedAt: { not: null } }, select: { lookup: true }, orderBy: { createdAt: 'asc' } });
    await this.events.languageChanged(tx, correlationId, { learnerId, language: asLanguage(learner.language), lookups: verified.map((identifier) => identifier.lookup) });
  }

  /** The account is gone (deleted, or merged into another): its addresses speak no language of its any more. */
  async forget(tx: PassportTx, learnerId: string, correlationId: string): Promise<void> {
    await this.events.languageChanged(tx, correlationId, { learnerId, language: null, lookups: [] });
  }
}

/** The column's value as the contract's type (the CHECK constraint allows nothing else). */
export function asLanguage(value: string | null): LearnerLanguage | null {
  return value as LearnerLanguage | null;
}
