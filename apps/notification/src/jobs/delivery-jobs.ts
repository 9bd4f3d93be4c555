import { Inject, Injectable, Logger } from '@nestjs/common';

import { JobName } from '@badges/jobs';

import { describeError } from '../common/errors';
import { EMAIL_QUEUE, WEBHOOK_QUEUE, type EmailQueue, type WebhookQueue } from './notification-queues';

export interface QueuedDelivery {
  institutionId: string;
  id: string;
  jobId: string;
}

/** The job id of a delivery's n-th send: the delivery id first, then `<id>-r<n>` (never ':' or all digits). */
export function deliveryJobId(deliveryId: string, resend: number): string {
  return resend === 0 ? deliveryId : `${deliveryId}-r${resend}`;
}

/**
 * Adds delivery jobs after their rows committed. The jobId makes every add idempotent, so the
 * intake, a resend and the sweeper may all add the same delivery safely. A failed add is only
 * logged: the row is still `queued`, and the sweeper adds it again later.
 */
@Injectable()
export class DeliveryJobs {
  private readonly logger = new Logger(DeliveryJobs.name);

  constructor(@Inject(EMAIL_QUEUE) private readonly email: EmailQueue, @Inject(WEBHOOK_QUEUE) private readonly webhook: WebhookQueue) {}

  async enqueueEmails(deliveries: readonly QueuedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    try {
      await this.email.addBulk(
        deliveries.map((d) => ({ name: JobName.SendEmail, payload: { institutionId: d.institutionId, deliveryId: d.id }, options: { jobId: d.jobId } })),
      );
    } catch (error) {
      this.logger.warn(`could not enqueue ${deliveries.length} email job(s), the sweeper will retry: ${describeError(error)}`);
    }
  }

  async enqueueWebhooks(deliveries: readonly QueuedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    try {
      await this.webhook.addBulk(
        deliveries.map((d) => ({ name: JobName.DeliverWebhook, payload: { institutionId: d.institutionId, deliveryId: d.id }, options: { jobId: d.jobId } })),
      );
    } catch (error) {
      this.logger.warn(`could not enqueue ${deliveries.length} webhook job(s), the sweeper will retry: ${describeError(error)}`);
    }
  }
}
