import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { JobName, JobStatus, type JobContext, type JobOf } from '@badges/jobs';
import { maskPersonalData, tenantScope, type TenantScope } from '@badges/service-kit';

import { describeError } from '../common/errors';
import { JOB_SETTINGS } from '../common/tokens';
import { DeliveryJobs } from '../jobs/delivery-jobs';
import { leaseHasTime, newLease, type Lease } from '../jobs/delivery-leases';
import { countDelivery, failedOutcome } from '../jobs/delivery-metrics';
import { EMAIL_QUEUE, backoffHoldMs, isLastAttempt, retryAloneOptions, type EmailQueue, type NotificationJobSettings } from '../jobs/notification-queues';
import { BadgeImageClient, type BadgeImageResult } from './badge-image.client';
import { EmailDeliveriesRepository, EmailStatus, type EmailDeliveryRecord, type EmailOutcome } from './email-deliveries.repository';
import { Mailer } from './mailer';

/** A claim that another sender holds: the retry job tries again after its backoff. */
class HeldError extends Error {
  constructor() {
    super('another sender holds this email now');
  }
}

/**
 * Sends claimed emails (decision 0053): the message was rendered when the event arrived; this
 * attaches the baked images (one request for the batch) and sends over the mailer's pooled
 * connections, then settles every outcome in one statement before the job is acknowledged.
 * `send-email-batch` sends new rows; one that fails there is retried alone as `send-email`, with
 * the rest of the queue's attempts and its backoff. After the last attempt the row says `failed`.
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
    private readonly jobs: DeliveryJobs,
  ) {}

  onModuleInit(): void {
    this.queue.process(JobName.SendEmail, (payload, job) => this.run(payload, job));
    this.queue.process(JobName.SendEmailBatch, (payload) => this.runBatch(payload));
  }

  /** One email's retry or resend: a failure throws, and the jobs lib runs it again after its backoff. */
  async run({ institutionId, deliveryId }: JobOf<typeof JobName.SendEmail>, job: JobContext): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    const lease = newLease();
    const [claimed] = await this.deliveries.claim(scope, [deliveryId], lease, job.id);
    if (!claimed) {
      const delivery = await this.deliveries.findById(scope, deliveryId);
      // Gone, already finished, or superseded by a resend (another job id): nothing to do.
      if (!delivery || delivery.status !== EmailStatus.Queued || delivery.jobId !== job.id) return JobStatus.Skipped;
      throw new HeldError();
    }
    const final = isLastAttempt(job);
    const [outcome] = await this.sendClaimed(scope, lease, [claimed], { final, holdMs: backoffHoldMs(this.settings.email, job) });
    if (outcome.failure) throw outcome.failure;
    return outcome.sent ? JobStatus.Success : JobStatus.Skipped;
  }

  /** A batch of new (or swept) emails: failures are settled and queued again one by one; the batch job itself succeeds. */
  async runBatch({ institutionId, deliveryIds }: JobOf<typeof JobName.SendEmailBatch>): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    const lease = newLease();
    const claimed = await this.deliveries.claim(scope, deliveryIds, lease);
    if (claimed.length === 0) return JobStatus.Skipped;
    const { attempts } = this.settings.email;
    const outcomes = await this.sendClaimed(scope, lease, claimed, { final: attempts <= 1, holdMs: backoffHoldMs(this.settings.email) });
    const retry = outcomes.filter((outcome) => outcome.failure && !outcome.final).map((outcome) => ({ institutionId, id: outcome.delivery.id, jobId: outcome.delivery.jobId }));
    await this.jobs.enqueueEmails(retry, retryAloneOptions(this.settings.email));
    return JobStatus.Success;
  }

  /** Sends every claimed email (the pool runs several at once), then settles them all at once. */
  private async sendClaimed(scope: TenantScope, lease: Lease, claimed: readonly EmailDeliveryRecord[], attempt: { final: boolean; holdMs: number }): Promise<SendResult[]> {
    let images: Map<string, BadgeImageResult>;
    let imagesFailed: unknown;
    try {
      // Endorsement emails concern no assertion: nothing to attach.
      images = await this.images.fetchMany(claimed.flatMap((delivery) => (delivery.assertionId ? [delivery.assertionId] : [])));
    } catch (error) {
      images = new Map();
      imagesFailed = error;
    }
    const results = await Promise.all(
      claimed.map((delivery) => this.sendOne(delivery, delivery.assertionId ? images.get(delivery.assertionId) : undefined, lease, imagesFailed ?? (delivery.assertionId && !images.has(delivery.assertionId) ? new Error('the issuer sent no image for this assertion') : undefined), attempt)),
    );
    await this.deliveries.settle(scope, lease, results.map((result) => result.outcome));
    for (const result of results) if (result.final && result.failure) this.logger.warn(`email ${result.delivery.id} failed after ${result.delivery.attempts} attempt(s): ${result.outcome.lastError}`);
    return results;
  }

  private async sendOne(delivery: EmailDeliveryRecord, image: BadgeImageResult | undefined, lease: Lease, imageFailure: unknown, attempt: { final: boolean; holdMs: number }): Promise<SendResult> {
    const failed = (error: unknown, final: boolean): SendResult => {
      const reason = maskPersonalData(describeError(error));
      countDelivery('email', failedOutcome(final));
      return { delivery, sent: false, final, failure: error, outcome: { id: delivery.id, status: final ? EmailStatus.Failed : EmailStatus.Queued, lastError: reason, messageId: null, ...(final ? {} : { holdMs: attempt.holdMs }) } };
    };
    if (imageFailure) return failed(imageFailure, attempt.final);
    if (image?.kind === 'gone') {
      const reason = image.status === 410 ? 'the assertion was revoked before the email was sent' : 'the assertion no longer exists';
      // Final, but not a failed run to retry: the job skips.
      return { delivery, sent: false, final: true, outcome: { id: delivery.id, status: EmailStatus.Failed, lastError: reason, messageId: null } };
    }
    if (!leaseHasTime(lease)) return failed(new Error('the batch ran out of time before this email; it is sent on its own'), attempt.final);
    try {
      const { messageId } = await this.mailer.send({
        deliveryId: delivery.id,
        to: delivery.to,
        subject: delivery.subject,
        text: delivery.textBody,
        html: delivery.htmlBody,
        attachment: image ? { filename: image.filename, contentType: image.contentType, content: image.content } : undefined,
      });
      countDelivery('email', 'sent');
      return { delivery, sent: true, final: true, outcome: { id: delivery.id, status: EmailStatus.Sent, lastError: null, messageId } };
    } catch (error) {
      return failed(error, attempt.final);
    }
  }
}

interface SendResult {
  delivery: EmailDeliveryRecord;
  sent: boolean;
  /** No further run: sent, failed for good, or gone. */
  final: boolean;
  /** The error of a failed run (none for a gone assertion, which is not retried). */
  failure?: unknown;
  outcome: EmailOutcome;
}
