import { randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { WebhookCreateBody } from '@badges/api-contracts';
import { newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode, type TenantScope } from '@badges/service-kit';

import { NOTIFICATION_CONFIG } from '../common/tokens';
import type { NotificationConfig } from '../config/notification.config';
import { DeliveryJobs, deliveryJobId } from '../jobs/delivery-jobs';
import { SecretBox } from './secret-box';
import { WebhookDeliveriesRepository, type WebhookDeliveryRecord } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository, type WebhookEndpointRecord } from './webhook-endpoints.repository';
import { checkWebhookUrl, type HostLookup } from './webhook-url';

export const WEBHOOK_HOST_LOOKUP = Symbol('WEBHOOK_HOST_LOOKUP');

/** The associated data that binds a sealed secret to its endpoint row. */
export function secretContext(endpoint: { institutionId: string; id: string }): string {
  return `webhook:${endpoint.institutionId}:${endpoint.id}`;
}

@Injectable()
export class WebhooksService {
  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly secrets: SecretBox,
    private readonly jobs: DeliveryJobs,
    @Inject(WEBHOOK_HOST_LOOKUP) private readonly lookup: HostLookup | undefined,
  ) {}

  /** Registers an endpoint; the plaintext secret is returned here and never again. */
  async create(scope: TenantScope, body: WebhookCreateBody): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    const url = await checkWebhookUrl(body.url, this.config.allowPrivateNetwork, this.lookup);
    const id = newEntityId();
    const secret = randomBytes(32).toString('base64url');
    const secretCiphertext = this.secrets.seal(secret, secretContext({ institutionId: scope.institutionId, id }));
    const endpoint = await this.endpoints.create(scope, { id, url, events: body.events, secretCiphertext });
    return { endpoint, secret };
  }

  list(scope: TenantScope): Promise<WebhookEndpointRecord[]> {
    return this.endpoints.list(scope);
  }

  async delete(scope: TenantScope, id: string): Promise<void> {
    if (!(await this.endpoints.delete(scope, id))) throw ApiError.notFound('webhook');
  }

  async deliveriesOf(scope: TenantScope, endpointId: string): Promise<WebhookDeliveryRecord[]> {
    await this.requireEndpoint(scope, endpointId);
    return this.deliveries.listForEndpoint(scope, endpointId);
  }

  /** POSTs a delivered or failed delivery again, as a new job; 409 while it is still queued. */
  async redeliver(scope: TenantScope, endpointId: string, deliveryId: string): Promise<WebhookDeliveryRecord> {
    await this.requireEndpoint(scope, endpointId);
    const delivery = await this.deliveries.findById(scope, deliveryId);
    if (!delivery || delivery.endpointId !== endpointId) throw ApiError.notFound('delivery');
    const requeued = await this.deliveries.requeue(scope, deliveryId, (n) => deliveryJobId(deliveryId, n));
    if (!requeued) throw new ApiError(409, ErrorCode.Conflict, 'This delivery is still queued; it can be redelivered once it was delivered or failed.');
    await this.jobs.enqueueWebhooks([requeued]);
    return requeued;
  }

  private async requireEndpoint(scope: TenantScope, id: string): Promise<void> {
    if (!(await this.endpoints.findById(scope, id))) throw ApiError.notFound('webhook');
  }
}
