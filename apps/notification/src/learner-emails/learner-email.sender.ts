import { Injectable } from '@nestjs/common';

import { claimEvent } from '@badges/messaging';

import { Mailer, type OutgoingEmail } from '../emails/mailer';
import { NOTIFICATION_SCHEMA, NotificationPrismaService } from '../prisma/notification-prisma.service';

/**
 * A learner email (and a staff member's one-time link, staff-emails/) is sent from its event's
 * handler, not queued: there is no badge image to attach. The event is claimed AFTER the send, so a crash in between sends it twice (harmless)
 * rather than never; a throw is retried by the bus and dead-lettered after its bounded attempts.
 */
@Injectable()
export class LearnerEmailSender {
  constructor(private readonly prisma: NotificationPrismaService, private readonly mailer: Mailer) {}

  /** False when this consumer already sent for this event (a redelivery). */
  async sendOnce(consumer: string, eventId: string, email: OutgoingEmail): Promise<boolean> {
    const seen = await this.prisma.processedEvent.findUnique({ where: { consumer_eventId: { consumer, eventId } } });
    if (seen) return false;
    await this.mailer.send(email);
    await claimEvent(this.prisma, NOTIFICATION_SCHEMA, consumer, eventId);
    return true;
  }
}
