import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { claimEvent } from '@badges/messaging';

import { NOTIFICATION_SCHEMA, NotificationPrismaService } from '../prisma/notification-prisma.service';
import { RecipientLanguagesRepository } from './recipient-languages.repository';

const CONSUMER = 'notification.recipient-languages';

/** Keeps the projection from the passport's learner-language events, each applied once, in one transaction. */
@Injectable()
export class RecipientLanguagesService {
  private readonly logger = new Logger(RecipientLanguagesService.name);

  constructor(private readonly prisma: NotificationPrismaService, private readonly languages: RecipientLanguagesRepository) {}

  async handle(event: EventOf<typeof Topic.LearnerLanguageChanged>): Promise<void> {
    const { learnerId, language, lookups } = event.payload;
    const applied = await this.prisma.$transaction(async (tx) => {
      if (!(await claimEvent(tx, NOTIFICATION_SCHEMA, CONSUMER, event.eventId))) return false;
      await this.languages.replace(event.payload, tx);
      return true;
    });
    if (applied) this.logger.debug(`learner ${learnerId}: ${lookups.length} address(es) in ${language ?? 'no known language'}`);
  }
}
