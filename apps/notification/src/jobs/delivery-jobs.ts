import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { JobName, type AddJobOptions } from '@badges/jobs';

import { describeError } from '../common/errors';
import { EMAIL_QUEUE, WEBHOOK_QUEUE, type EmailQueue, type WebhookQueue } from './notification-queues';

export interface QueuedDelivery {
  institutionId: string;
  id: string;
  jobId: string;
  /** The row's version as last read (the sweeper's); it names the batch job that sends it. */
  updatedAt?: Date;
}

/**
 * Deliveries one batch job claims at once (decision 0053): an email batch is one image request
 * to the issuer and sends over the SMTP pool; a webhook batch's POSTs run a few at a time.
 */
export const EMAIL_BATCH = 50;
export const WEBHOOK_BATCH = 100;

/** The job id of a delivery's n-th send: the delivery id first, then `<id>-r<n>` (never ':' or all digits). */
export function deliveryJobId(deliveryId: string, resend: number): string {
  return resend === 0 ? deliveryId : `${deliveryId}-r${resend}`;
}

/**
 * The id of the batch job for these rows as they stand: the same rows at the same version get the
 * same id, so the sweeper offering an untouched batch again adds nothing, while a row that a claim
 * or a settle changed since (a new `updatedAt`) makes a new job.
 */
export function batchJobId(deliveries: readonly QueuedDelivery[]): string {
  const digest = createHash('sha256');
  for (const delivery of deliveries) digest.update(`${delivery.id}@${delivery.jobId}@${delivery.updatedAt?.getTime() ?? 0},`);
  return `batch-${digest.digest('base64url')}`;
}

/**
 * Adds delivery jobs after their rows committed. Job ids make every add idempotent, so the
 * intake, a resend and the sweeper may all add the same delivery safely; the claim in the handler
 * keeps a row from being sent twice even when two jobs name it. A failed add is only logged: the
 * row is still `queued`, and the sweeper adds it again later.
 */
@Injectable()
export class DeliveryJobs {
  private readonly logger = new Logger(DeliveryJobs.name);

  constructor(@Inject(EMAIL_QUEUE) private readonly email: EmailQueue, @Inject(WEBHOOK_QUEUE) private readonly webhook: WebhookQueue) {}

  /** One job per delivery, under its own job id: a resend, or a retry of one that failed in a batch. */
  async enqueueEmails(deliveries: readonly QueuedDelivery[], options: AddJobOptions = {}): Promise<void> {
    await this.add('email', deliveries.length, () =>
      this.email.addBulk(deliveries.map((d) => ({ name: JobName.SendEmail, payload: { institutionId: d.institutionId, deliveryId: d.id }, options: { ...options, jobId: d.jobId } }))),
    );
  }

  async enqueueWebhooks(deliveries: readonly QueuedDelivery[], options: AddJobOptions = {}): Promise<void> {
    await this.add('webhook', deliveries.length, () =>
      this.webhook.addBulk(deliveries.map((d) => ({ name: JobName.DeliverWebhook, payload: { institutionId: d.institutionId, deliveryId: d.id }, options: { ...options, jobId: d.jobId } }))),
    );
  }

  /** Batch jobs of up to EMAIL_BATCH deliveries of one institution: new rows, and the sweeper's. */
  async enqueueEmailBatches(deliveries: readonly QueuedDelivery[]): Promise<void> {
    const batches = batchesOf(deliveries, EMAIL_BATCH);
    await this.add('email', deliveries.length, () =>
      this.email.addBulk(batches.map((batch) => ({ name: JobName.SendEmailBatch, payload: batchPayload(batch), options: { jobId: batchJobId(batch) } }))),
    );
  }

  async enqueueWebhookBatches(deliveries: readonly QueuedDelivery[]): Promise<void> {
    const batches = batchesOf(deliveries, WEBHOOK_BATCH);
    await this.add('webhook', deliveries.length, () =>
      this.webhook.addBulk(batches.map((batch) => ({ name: JobName.DeliverWebhookBatch, payload: batchPayload(batch), options: { jobId: batchJobId(batch) } }))),
    );
  }

  private async add(channel: string, count: number, add: () => Promise<unknown>): Promise<void> {
    if (count === 0) return;
    try {
      await add();
    } catch (error) {
      this.logger.warn(`could not enqueue ${count} ${channel} delivery job(s), the sweeper will retry: ${describeError(error)}`);
    }
  }
}

/** Each institution's deliveries in runs of at most `size`, in the order given. */
function batchesOf(deliveries: readonly QueuedDelivery[], size: number): QueuedDelivery[][] {
  const byInstitution = new Map<string, QueuedDelivery[]>();
  for (const delivery of deliveries) {
    const rows = byInstitution.get(delivery.institutionId) ?? [];
    rows.push(delivery);
    byInstitution.set(delivery.institutionId, rows);
  }
  const batches: QueuedDelivery[][] = [];
  for (const rows of byInstitution.values()) for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}

const batchPayload = (batch: readonly QueuedDelivery[]) => ({ institutionId: batch[0].institutionId, deliveryIds: batch.map((d) => d.id) });
