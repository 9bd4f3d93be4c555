import { Injectable, Logger } from '@nestjs/common';

import type { EventOf, Topic } from '@badges/events';
import { claimEvent } from '@badges/messaging';
import { maskPersonalData } from '@badges/service-kit';

import { Mailer } from '../emails/mailer';
import { NOTIFICATION_SCHEMA, NotificationPrismaService } from '../prisma/notification-prisma.service';

const CONSUMER = 'notification.learner-confirmation';

/**
 * Sends the passport's "confirm this address" email. It is sent from the handler, not queued:
 * the link is short-lived and there is no badge image to attach. The event is claimed AFTER the
 * send, so a crash in between sends it twice (harmless) rather than never; a throw is retried by
 * the bus and dead-lettered after its bounded attempts.
 */
@Injectable()
export class ConfirmationEmailService {
  private readonly logger = new Logger(ConfirmationEmailService.name);

  constructor(private readonly prisma: NotificationPrismaService, private readonly mailer: Mailer) {}

  async handle(event: EventOf<typeof Topic.LearnerEmailConfirmationRequested>): Promise<void> {
    const seen = await this.prisma.processedEvent.findUnique({ where: { consumer_eventId: { consumer: CONSUMER, eventId: event.eventId } } });
    if (seen) return;
    const { email, learnerName, confirmUrl } = event.payload;
    await this.mailer.send({
      deliveryId: `confirm-${event.payload.identifierId}-${event.eventId}`,
      to: email,
      subject: 'Confirm your email address for your badge passport',
      text: `Hello ${learnerName},\n\nConfirm that ${email} is yours, so badges issued to it are collected into your passport:\n\n${confirmUrl}\n\nThe link expires in 24 hours. If you did not ask for this, ignore this email.\n`,
      html: null,
    });
    await claimEvent(this.prisma, NOTIFICATION_SCHEMA, CONSUMER, event.eventId);
    this.logger.debug(`confirmation email for identifier ${event.payload.identifierId} sent to ${maskPersonalData(email)}`);
  }
}
