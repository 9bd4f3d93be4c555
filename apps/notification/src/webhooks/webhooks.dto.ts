import { z } from 'zod';

import { WEBHOOK_EVENTS, type WebhookDeliveryStatus, type WebhookDeliveryV2, type WebhookV2 } from '@badges/api-contracts';
import type { TopicName } from '@badges/events';

import type { WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client';

/** The topics a webhook may subscribe to: the API contract's list, each one an event topic. */
const WEBHOOK_TOPICS = WEBHOOK_EVENTS satisfies readonly TopicName[];

/** POST /v2/webhooks */
export const WebhookCreateBodySchema = z.object({
  url: z
    .string({ error: 'This field is required.' })
    .trim()
    .min(1, { error: 'This field may not be blank.' })
    .max(2048, { error: 'Ensure this field has no more than 2048 characters.' }),
  events: z
    .array(
      z.string().refine((value) => (WEBHOOK_TOPICS as readonly string[]).includes(value), {
        error: `Unknown event; use one of ${WEBHOOK_TOPICS.join(', ')}.`,
      }),
      { error: 'Expected a list of event names.' },
    )
    .min(1, { error: 'Subscribe to at least one event.' })
    .max(WEBHOOK_TOPICS.length * 2)
    .transform((events) => [...new Set(events)] as TopicName[]),
});

export type WebhookCreateBody = z.output<typeof WebhookCreateBodySchema>;

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
