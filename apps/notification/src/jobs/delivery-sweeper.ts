import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { describeError } from '../common/errors';
import { JOB_SETTINGS } from '../common/tokens';
import { EmailDeliveriesRepository } from '../emails/email-deliveries.repository';
import { WebhookDeliveriesRepository } from '../webhooks/webhook-deliveries.repository';
import { DeliveryJobs } from './delivery-jobs';
import type { NotificationJobSettings } from './notification-queues';

/** Rows offered per sweep and channel: 100 batch jobs of emails, 50 of webhooks, so a restart with a large backlog catches up in a few sweeps. */
const BATCH = 5_000;

/**
 * Re-adds batch jobs for deliveries that are still `queued` and held by no claim or backoff: all
 * of them at startup (embedded jobs do not survive a restart), then periodically those untouched
 * for `staleAfterMs` (a crash between commit and enqueue or between claim and settle, a Redis
 * blip). Re-adding is safe: the batch job id dedupes rows offered again unchanged, and the claim
 * takes a row once whatever the number of jobs naming it.
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(JOB_SETTINGS) private readonly settings: NotificationJobSettings,
    private readonly emails: EmailDeliveriesRepository,
    private readonly webhooks: WebhookDeliveriesRepository,
    private readonly jobs: DeliveryJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep(0);
    this.timer = setInterval(() => void this.sweep(this.settings.staleAfterMs), this.settings.sweepIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Re-adds queued deliveries untouched for `olderThanMs`; returns how many were offered. */
  sweep(olderThanMs: number): Promise<number> {
    this.running ??= this.sweepOnce(olderThanMs).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(olderThanMs: number): Promise<number> {
    try {
      const before = new Date(Date.now() - olderThanMs);
      const [emails, webhooks] = await Promise.all([this.emails.findStaleQueued(before, BATCH), this.webhooks.findStaleQueued(before, BATCH)]);
      await Promise.all([this.jobs.enqueueEmailBatches(emails), this.jobs.enqueueWebhookBatches(webhooks)]);
      return emails.length + webhooks.length;
    } catch (error) {
      this.logger.warn(`delivery sweep failed: ${describeError(error)}`);
      return 0;
    }
  }
}
