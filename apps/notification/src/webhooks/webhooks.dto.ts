import { WEBHOOK_EVENTS, type WebhookDeliveryStatus, type WebhookDeliveryV2, type WebhookV2 } from '@badges/api-contracts';
import type { TopicName } from '@badges/events';

import type { WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client';

/** The topics a webhook may subscribe to: the API contract's list, each one an event topic (checked here). */
export const WEBHOOK_TOPICS: readonly TopicName[] = WEBHOOK_EVENTS;

export function toWebhookV2(endpoint: WebhookEndpoint): WebhookV2 {
  return { entityId: endpoint.id, url: endpoint.url, events: endpoint.events, createdAt: endpoint.createdAt.toISOString() };
}

export function toWebhookDeliveryV2(delivery: WebhookDelivery): WebhookDeliveryV2 {
  return {
    entityId: delivery.id,
    webhookId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status as WebhookDeliveryStatus,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus,
    lastError: delivery.lastError,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}
