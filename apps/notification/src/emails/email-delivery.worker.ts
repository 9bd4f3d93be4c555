import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { JobName, JobStatus, type JobContext, type JobOf } from '@badges/jobs';
import { maskPersonalData, tenantScope } from '@badges/service-kit';

import { describeError } from '../common/errors';
import { JOB_SETTINGS } from '../common/tokens';
import { countDelivery, failedOutcome } from '../jobs/delivery-metrics';
import { EMAIL_QUEUE, isLastAttempt, type EmailQueue, type NotificationJobSettings } from '../jobs/notification-queues';
import { BadgeImageClient } from './badge-image.client';
import { EmailDeliveriesRepository, EmailStatus } from './email-deliveries.repository';
import { Mailer } from './mailer';

/**
 * Runs `send-email` jobs: the message was rendered when the event arrived; this attaches the
 * baked image and sends. A throw is a failed run, retried with backoff by the jobs lib; the row
 * says `failed` (with the reason) after the last one.
 */
@Injectable()
export class EmailDeliveryWorker implements OnModuleInit {
  private readonly logger = new Logger(EmailDeliveryWorker.name);

  constructor(
    @Inject(EMAIL_QUEUE) private readonly queue: EmailQueue,
    @Inject(JOB_SETTINGS) private readonly settings: NotificationJobSettings,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly images: BadgeImageClient,
    private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.queue.process(JobName.SendEmail, (payload, job) => this.run(payload, job));
  }

  async run({ institutionId, deliveryId }: JobOf<typeof JobName.SendEmail>, job: JobContext): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    const delivery = await this.deliveries.findById(scope, deliveryId);
    // Gone, already finished, or superseded by a resend (another job id): nothing to do.
    if (!delivery || delivery.status !== EmailStatus.Queued || delivery.jobId !== job.id) return JobStatus.Skipped;
    const attempts = delivery.attempts + 1;
    try {
      // Endorsement emails concern no assertion: nothing to attach.
      const image = delivery.assertionId ? await this.images.fetch(delivery.assertionId) : undefined;
      if (image?.kind === 'gone') {
        const reason = image.status === 410 ? 'the assertion was revoked before the email was sent' : 'the assertion no longer exists';
        await this.deliveries.markAttemptFailed(scope, delivery.id, delivery.jobId, { error: reason, attempts, final: true });
        return JobStatus.Skipped;
      }
      const { messageId } = await this.mailer.send({
        deliveryId: delivery.id,
        to: delivery.to,
        subject: delivery.subject,
        text: delivery.textBody,
        html: delivery.htmlBody,
        attachment: image ? { filename: image.filename, contentType: image.contentType, content: image.content } : undefined,
      });
      countDelivery('email', 'sent');
      await this.deliveries.markSent(scope, delivery.id, delivery.jobId, { messageId, attempts });
      return JobStatus.Success;
    } catch (error) {
      const final = isLastAttempt(this.settings.email, job.attemptsMade);
      const reason = maskPersonalData(describeError(error));
      countDelivery('email', failedOutcome(final));
      await this.deliveries.markAttemptFailed(scope, delivery.id, delivery.jobId, { error: reason, attempts, final });
      if (final) this.logger.warn(`email ${delivery.id} failed after ${attempts} attempt(s): ${reason}`);
      throw error;
    }
  }
}
