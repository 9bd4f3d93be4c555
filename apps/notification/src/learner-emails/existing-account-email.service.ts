import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { maskPersonalData } from '@badges/service-kit';

import { existingAccountMessage } from './existing-account.message';
import { LearnerEmailSender } from './learner-email.sender';

const CONSUMER = 'notification.learner-existing-signup';

/** Tells a passport's owner that someone signed up with their address (the sign-up itself said nothing). */
@Injectable()
export class ExistingAccountEmailService {
  private readonly logger = new Logger(ExistingAccountEmailService.name);

  constructor(private readonly sender: LearnerEmailSender) {}

  async handle(event: EventOf<typeof Topic.LearnerExistingSignupAttempted>): Promise<void> {
    const message = existingAccountMessage(event.payload, `existing-signup-${event.payload.learnerId}-${event.eventId}`);
    if (await this.sender.sendOnce(CONSUMER, event.eventId, message)) {
      this.logger.debug(`existing-account notice for learner ${event.payload.learnerId} sent to ${maskPersonalData(event.payload.email)}`);
    }
  }
}
