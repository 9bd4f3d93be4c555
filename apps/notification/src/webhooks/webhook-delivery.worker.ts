import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { JobName, JobStatus, type JobContext, type JobOf } from '@badges/jobs';
import { safeFetch } from '@badges/outbound-http';
import { tenantScope } from '@badges/service-kit';
import { inSpan, SpanKind } from '@badges/tracing';

import { describeError } from '../common/errors';
import { JOB_SETTINGS, NOTIFICATION_CONFIG } from '../common/tokens';
import type { NotificationConfig } from '../config/notification.config';
import { countDelivery, failedOutcome } from '../jobs/delivery-metrics';
import { isLastAttempt, WEBHOOK_QUEUE, type NotificationJobSettings, type WebhookQueue } from '../jobs/notification-queues';
import { SecretBox } from './secret-box';
import { WebhookDeliveriesRepository, WebhookStatus } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { secretContext } from './webhooks.service';

/** What a receiver gets to answer in: it should acknowledge fast and work afterwards. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** We only read the status; a large answer is cut, not an error worth retrying for. */
const MAX_RESPONSE_BYTES = 64 * 1024;

class ReceiverError extends Error {
  constructor(readonly status: number) {
    super(`the receiver answered HTTP ${status}`);
  }
}

/**
 * Runs `deliver-webhook` jobs: POSTs the stored body (the event envelope, exactly the bytes that
 * are signed) through safeFetch, which refuses private targets unless ALLOW_PRIVATE_NETWORK_FETCH
 * and follows no redirect. 2xx = delivered; anything else throws, and the jobs lib retries with
 * exponential backoff; after the last run the row says `failed`.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnModuleInit {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);

  constructor(
    @Inject(WEBHOOK_QUEUE) private readonly queue: WebhookQueue,
    @Inject(JOB_SETTINGS) private readonly settings: NotificationJobSettings,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly secrets: SecretBox,
  ) {}

  onModuleInit(): void {
    this.queue.process(JobName.DeliverWebhook, (payload, job) => this.run(payload, job));
  }

  async run({ institutionId, deliveryId }: JobOf<typeof JobName.DeliverWebhook>, job: JobContext): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    const delivery = await this.deliveries.findById(scope, deliveryId);
    if (!delivery || delivery.status !== WebhookStatus.Queued || delivery.jobId !== job.id) return JobStatus.Skipped;
    // Deleting an endpoint deletes its deliveries (cascade); a job already running may still get here.
    const endpoint = await this.endpoints.findById(scope, delivery.endpointId);
    if (!endpoint) return JobStatus.Skipped;
    const attempts = delivery.attempts + 1;
    let responseStatus: number | null = null;
    try {
      const secret = this.secrets.open(endpoint.secretCiphertext, secretContext(endpoint));
      // A CLIENT span around the POST (decision 0052); the receiver is not sent our trace context.
      const post = { kind: SpanKind.CLIENT, attributes: { 'http.request.method': 'POST', 'badges.webhook.delivery_id': delivery.id } };
      const response = await inSpan('webhook POST', post, () => safeFetch(endpoint.url, {
        method: 'POST',
        body: delivery.body,
        headers: {
          'content-type': 'application/json',
          [EVENT_HEADER]: delivery.eventType,
          [DELIVERY_HEADER]: delivery.id,
          [SIGNATURE_HEADER]: signatureHeader(secret, delivery.body),
        },
        accept: '*/*',
        userAgent: 'OpenBadges-Webhooks/1',
        timeoutMs: DELIVERY_TIMEOUT_MS,
        maxRedirects: 0,
        maxBytes: MAX_RESPONSE_BYTES,
        allowPrivateNetwork: this.config.allowPrivateNetwork,
      }));
      responseStatus = response.status;
      if (response.status < 200 || response.status >= 300) throw new ReceiverError(response.status);
      countDelivery('webhook', 'sent');
      await this.deliveries.markDelivered(scope, delivery.id, delivery.jobId, { responseStatus: response.status, attempts });
      return JobStatus.Success;
    } catch (error) {
      const final = isLastAttempt(this.settings.webhook, job.attemptsMade);
      const reason = describeError(error);
      countDelivery('webhook', failedOutcome(final));
      await this.deliveries.markAttemptFailed(scope, delivery.id, delivery.jobId, { responseStatus, error: reason, attempts, final });
      if (final) this.logger.warn(`webhook delivery ${delivery.id} failed after ${attempts} attempt(s): ${reason}`);
      throw error;
    }
  }
}
