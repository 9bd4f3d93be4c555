import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { JobName, JobStatus, type JobContext, type JobOf } from '@badges/jobs';
import { safeFetch } from '@badges/outbound-http';
import { tenantScope, type TenantScope } from '@badges/service-kit';
import { inSpan, SpanKind } from '@badges/tracing';

import { describeError } from '../common/errors';
import { JOB_SETTINGS, NOTIFICATION_CONFIG } from '../common/tokens';
import type { NotificationConfig } from '../config/notification.config';
import { DeliveryJobs } from '../jobs/delivery-jobs';
import { leaseHasTime, newLease, type Lease } from '../jobs/delivery-leases';
import { countDelivery, failedOutcome } from '../jobs/delivery-metrics';
import { backoffHoldMs, isLastAttempt, retryAloneOptions, WEBHOOK_QUEUE, type NotificationJobSettings, type WebhookQueue } from '../jobs/notification-queues';
import { SecretBox } from './secret-box';
import { WebhookDeliveriesRepository, WebhookStatus, type WebhookDeliveryRecord, type WebhookOutcome } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository, type WebhookEndpointRecord } from './webhook-endpoints.repository';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { secretContext } from './webhooks.service';

/** What a receiver gets to answer in: it should acknowledge fast and work afterwards. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** We only read the status; a large answer is cut, not an error worth retrying for. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** POSTs of one batch in flight at once: a slow receiver holds a few sockets, not a hundred. */
const POSTS_IN_FLIGHT = 16;

class ReceiverError extends Error {
  constructor(readonly status: number) {
    super(`the receiver answered HTTP ${status}`);
  }
}

/** A claim that another sender holds: the retry job tries again after its backoff. */
class HeldError extends Error {
  constructor() {
    super('another sender holds this delivery now');
  }
}

/**
 * Delivers claimed webhooks (decision 0053): POSTs the stored body (the event envelope, exactly
 * the bytes that are signed) through safeFetch, which refuses private targets unless
 * ALLOW_PRIVATE_NETWORK_FETCH and follows no redirect. 2xx = delivered. Every outcome of a claim is
 * settled in one statement before the job is acknowledged. `deliver-webhook-batch` delivers new
 * rows; one that fails there is retried alone as `deliver-webhook` with exponential backoff;
 * after the last attempt the row says `failed`.
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
    private readonly jobs: DeliveryJobs,
  ) {}

  onModuleInit(): void {
    this.queue.process(JobName.DeliverWebhook, (payload, job) => this.run(payload, job));
    this.queue.process(JobName.DeliverWebhookBatch, (payload) => this.runBatch(payload));
  }

  /** One delivery's retry or redelivery: a failure throws, and the jobs lib runs it again after its backoff. */
  async run({ institutionId, deliveryId }: JobOf<typeof JobName.DeliverWebhook>, job: JobContext): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    const lease = newLease();
    const [claimed] = await this.deliveries.claim(scope, [deliveryId], lease, job.id);
    if (!claimed) {
      const delivery = await this.deliveries.findById(scope, deliveryId);
      if (!delivery || delivery.status !== WebhookStatus.Queued || delivery.jobId !== job.id) return JobStatus.Skipped;
      throw new HeldError();
    }
    const [result] = await this.deliverClaimed(scope, lease, [claimed], { final: isLastAttempt(job), holdMs: backoffHoldMs(this.settings.webhook, job) });
    if (result.failure) throw result.failure;
    return result.delivered ? JobStatus.Success : JobStatus.Skipped;
  }

  /** A batch of new (or swept) deliveries: failures are settled and queued again one by one; the batch job itself succeeds. */
  async runBatch({ institutionId, deliveryIds }: JobOf<typeof JobName.DeliverWebhookBatch>): Promise<JobStatus> {
    const scope = tenantScope(institutionId);
    const lease = newLease();
    const claimed = await this.deliveries.claim(scope, deliveryIds, lease);
    if (claimed.length === 0) return JobStatus.Skipped;
    const { attempts } = this.settings.webhook;
    const results = await this.deliverClaimed(scope, lease, claimed, { final: attempts <= 1, holdMs: backoffHoldMs(this.settings.webhook) });
    const retry = results.filter((result) => result.failure && !result.final).map((result) => ({ institutionId, id: result.delivery.id, jobId: result.delivery.jobId }));
    await this.jobs.enqueueWebhooks(retry, retryAloneOptions(this.settings.webhook));
    return JobStatus.Success;
  }

  /** POSTs every claimed delivery, POSTS_IN_FLIGHT at a time, then settles them all at once. */
  private async deliverClaimed(scope: TenantScope, lease: Lease, claimed: readonly WebhookDeliveryRecord[], attempt: { final: boolean; holdMs: number }): Promise<DeliverResult[]> {
    // Deleting an endpoint deletes its deliveries (cascade); a claim made just before finds no endpoint: nothing to send.
    // Each endpoint's signing secret is decrypted once per batch, not once per POST (a tenth of a
    // webhook's CPU), and inside a delivery's try: a secret that cannot be opened fails its deliveries.
    const endpoints = new Map(
      (await this.endpoints.findMany(scope, [...new Set(claimed.map((d) => d.endpointId))])).map((endpoint) => {
        let secret: string | undefined;
        return [endpoint.id, { endpoint, secret: () => (secret ??= this.secrets.open(endpoint.secretCiphertext, secretContext(endpoint))) }];
      }),
    );
    const results: DeliverResult[] = new Array(claimed.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < claimed.length; i = next++) results[i] = await this.deliverOne(claimed[i], endpoints.get(claimed[i].endpointId), lease, attempt);
    };
    await Promise.all(Array.from({ length: Math.min(POSTS_IN_FLIGHT, claimed.length) }, lane));
    await this.deliveries.settle(scope, lease, results.flatMap((result) => (result.outcome ? [result.outcome] : [])));
    for (const result of results) if (result.final && result.failure) this.logger.warn(`webhook delivery ${result.delivery.id} failed after ${result.delivery.attempts} attempt(s): ${result.outcome?.lastError}`);
    return results;
  }

  private async deliverOne(delivery: WebhookDeliveryRecord, target: { endpoint: WebhookEndpointRecord; secret: () => string } | undefined, lease: Lease, attempt: { final: boolean; holdMs: number }): Promise<DeliverResult> {
    if (!target) return { delivery, delivered: false, final: true };
    const { endpoint, secret } = target;
    let responseStatus: number | null = null;
    try {
      if (!leaseHasTime(lease)) throw new Error('the batch ran out of time before this delivery; it is sent on its own');
      const signingSecret = secret();
      // A CLIENT span around the POST (decision 0052); the receiver is not sent our trace context.
      const post = { kind: SpanKind.CLIENT, attributes: { 'http.request.method': 'POST', 'badges.webhook.delivery_id': delivery.id } };
      const response = await inSpan('webhook POST', post, () => safeFetch(endpoint.url, {
        method: 'POST',
        body: delivery.body,
        headers: {
          'content-type': 'application/json',
          [EVENT_HEADER]: delivery.eventType,
          [DELIVERY_HEADER]: delivery.id,
          [SIGNATURE_HEADER]: signatureHeader(signingSecret, delivery.body),
        },
        accept: '*/*',
        userAgent: 'OpenBadges-Webhooks/1',
        timeoutMs: DELIVERY_TIMEOUT_MS,
        maxRedirects: 0,
        maxBytes: MAX_RESPONSE_BYTES,
        allowPrivateNetwork: this.config.allowPrivateNetwork,
        // Receivers get many POSTs in a row: kept connections spare both ends a TCP (and TLS) setup each.
        keepAlive: true,
      }));
      responseStatus = response.status;
      if (response.status < 200 || response.status >= 300) throw new ReceiverError(response.status);
      countDelivery('webhook', 'sent');
      return { delivery, delivered: true, final: true, outcome: { id: delivery.id, status: WebhookStatus.Delivered, lastError: null, responseStatus } };
    } catch (error) {
      countDelivery('webhook', failedOutcome(attempt.final));
      const outcome: WebhookOutcome = { id: delivery.id, status: attempt.final ? WebhookStatus.Failed : WebhookStatus.Queued, lastError: describeError(error), responseStatus, ...(attempt.final ? {} : { holdMs: attempt.holdMs }) };
      return { delivery, delivered: false, final: attempt.final, failure: error, outcome };
    }
  }
}

interface DeliverResult {
  delivery: WebhookDeliveryRecord;
  delivered: boolean;
  /** No further run: delivered, failed for good, or its endpoint is gone. */
  final: boolean;
  failure?: unknown;
  /** None when the endpoint is gone (its deliveries go with it). */
  outcome?: WebhookOutcome;
}
