import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { maskPersonalData } from '@badges/service-kit';

import { LearnerEmailSender } from './learner-email.sender';

const CONSUMER = 'notification.learner-confirmation';

/** Sends the passport's "confirm this address" email: the link is short-lived, so it is not queued. */
@Injectable()
export class ConfirmationEmailService {
  private readonly logger = new Logger(ConfirmationEmailService.name);

  constructor(private readonly sender: LearnerEmailSender) {}

  async handle(event: EventOf<typeof Topic.LearnerEmailConfirmationRequested>): Promise<void> {
    const { email, learnerName, confirmUrl } = event.payload;
    const sent = await this.sender.sendOnce(CONSUMER, event.eventId, {
      deliveryId: `confirm-${event.payload.identifierId}-${event.eventId}`,
      to: email,
      subject: 'Confirm your email address for your badge passport',
      text: `Hello ${learnerName},\n\nConfirm that ${email} is yours, so badges issued to it are collected into your passport:\n\n${confirmUrl}\n\nThe link expires in 24 hours. If you did not ask for this, ignore this email.\n`,
      html: null,
    });
    if (sent) this.logger.debug(`confirmation email for identifier ${event.payload.identifierId} sent to ${maskPersonalData(email)}`);
  }
}
