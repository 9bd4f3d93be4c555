import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { describeError } from '../common/errors';
import { JOB_SETTINGS } from '../common/tokens';
import { EmailDeliveriesRepository } from '../emails/email-deliveries.repository';
import { WebhookDeliveriesRepository } from '../webhooks/webhook-deliveries.repository';
import { DeliveryJobs } from './delivery-jobs';
import type { NotificationJobSettings } from './notification-queues';

const BATCH = 500;

/**
 * Re-adds jobs for deliveries that are still `queued`: all of them at startup (embedded jobs do
 * not survive a restart), then periodically those untouched for `staleAfterMs` (a crash between
 * commit and enqueue, a Redis blip). Re-adding is safe: the jobId dedupes, and a handler skips a
 * delivery that is no longer queued.
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
      await Promise.all([this.jobs.enqueueEmails(emails), this.jobs.enqueueWebhooks(webhooks)]);
      return emails.length + webhooks.length;
    } catch (error) {
      this.logger.warn(`delivery sweep failed: ${describeError(error)}`);
      return 0;
    }
  }
}
