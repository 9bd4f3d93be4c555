import { Injectable } from '@nestjs/common';

import type { LearnerLanguageChangedPayload } from '@badges/events';

import type { EmailLanguage } from '../templates/default-templates';
import { NotificationPrismaService, type NotificationTx } from '../prisma/notification-prisma.service';

/**
 * The projection of passport learners' languages by recipient lookup (decision 0041). Rows belong
 * to the learner that last claimed the lookup, so a late event of a merged-away account removes
 * only what is still its own.
 */
@Injectable()
export class RecipientLanguagesRepository {
  constructor(private readonly prisma: NotificationPrismaService) {}

  /** A learner's whole state: rows of lookups they no longer have go, the others take the language. */
  async replace(state: LearnerLanguageChangedPayload, tx: NotificationTx): Promise<void> {
    const { learnerId, language, lookups } = state;
    const kept = language === null ? [] : lookups;
    await tx.recipientLanguage.deleteMany({ where: { learnerId, lookup: { notIn: kept } } });
    for (const lookup of kept) {
      await tx.recipientLanguage.upsert({ where: { lookup }, create: { lookup, learnerId, language: language as string }, update: { learnerId, language: language as string } });
    }
  }

  /** The known language of each lookup among `lookups` (one query for a whole run of awards). */
  async languagesOf(lookups: readonly string[], tx: NotificationTx = this.prisma): Promise<Map<string, EmailLanguage>> {
    if (lookups.length === 0) return new Map();
    const rows = await tx.recipientLanguage.findMany({ where: { lookup: { in: [...new Set(lookups)] } }, select: { lookup: true, language: true } });
    // The CHECK constraint allows only the languages emails are written in.
    return new Map(rows.map((row) => [row.lookup, row.language as EmailLanguage]));
  }
}
