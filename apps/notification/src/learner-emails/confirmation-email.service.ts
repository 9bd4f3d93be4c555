import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { maskPersonalData } from '@badges/service-kit';

import { confirmationMessage } from './confirmation.message';
import { LearnerEmailSender } from './learner-email.sender';

const CONSUMER = 'notification.learner-confirmation';

/** Sends the passport's "confirm this address" email: the link is short-lived, so it is not queued. */
@Injectable()
export class ConfirmationEmailService {
  private readonly logger = new Logger(ConfirmationEmailService.name);

  constructor(private readonly sender: LearnerEmailSender) {}

  async handle(event: EventOf<typeof Topic.LearnerEmailConfirmationRequested>): Promise<void> {
    const { email } = event.payload;
    const sent = await this.sender.sendOnce(CONSUMER, event.eventId, confirmationMessage(event.payload, `confirm-${event.payload.identifierId}-${event.eventId}`));
    if (sent) this.logger.debug(`confirmation email for identifier ${event.payload.identifierId} sent to ${maskPersonalData(email)}`);
  }
}
