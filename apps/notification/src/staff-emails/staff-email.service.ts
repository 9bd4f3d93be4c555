import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { maskPersonalData } from '@badges/service-kit';

import { LearnerEmailSender } from '../learner-emails/learner-email.sender';
import { staffInvitationMessage, staffPasswordResetMessage } from './staff-messages';

/**
 * Sends the gateway's one-time links to people of institutions (issue #16), as the learners'
 * confirmation links are sent: from the event's handler, not queued (the link is short-lived).
 * The link is a secret: it is never logged, only the person's id and masked address are.
 */
@Injectable()
export class StaffEmailService {
  private readonly logger = new Logger(StaffEmailService.name);

  constructor(private readonly sender: LearnerEmailSender) {}

  async invited(event: EventOf<typeof Topic.StaffInvited>): Promise<void> {
    const message = staffInvitationMessage(event.payload, `staff-invitation-${event.payload.staffId}-${event.eventId}`);
    if (await this.sender.sendOnce('notification.staff-invitation', event.eventId, message)) {
      this.logger.debug(`invitation for staff ${event.payload.staffId} sent to ${maskPersonalData(event.payload.email)}`);
    }
  }

  async passwordResetRequested(event: EventOf<typeof Topic.StaffPasswordResetRequested>): Promise<void> {
    const message = staffPasswordResetMessage(event.payload, `staff-password-reset-${event.payload.staffId}-${event.eventId}`);
    if (await this.sender.sendOnce('notification.staff-password-reset', event.eventId, message)) {
      this.logger.debug(`password reset link for staff ${event.payload.staffId} sent to ${maskPersonalData(event.payload.email)}`);
    }
  }
}
