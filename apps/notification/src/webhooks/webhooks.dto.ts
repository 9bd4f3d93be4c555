import { z } from 'zod';

import { Topic, type TopicName } from '@badges/events';

import type { WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client';

/** The topics a webhook may subscribe to. */
export const WEBHOOK_TOPICS: readonly TopicName[] = [
  Topic.AssertionIssued,
  Topic.AssertionRevoked,
  Topic.BadgeClassUpdated,
  // Endorsements: delivered to both parties (the target's owner and the endorser).
  Topic.EndorsementRequested,
  Topic.EndorsementIssued,
  Topic.EndorsementRevoked,
];

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

export interface WebhookV2 {
  entityId: string;
  url: string;
  events: string[];
  createdAt: string;
}

/** Only the create response carries the secret. */
export interface CreatedWebhookV2 extends WebhookV2 {
  secret: string;
}

export interface WebhookDeliveryV2 {
  entityId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toWebhookV2(endpoint: WebhookEndpoint): WebhookV2 {
  return { entityId: endpoint.id, url: endpoint.url, events: endpoint.events, createdAt: endpoint.createdAt.toISOString() };
}

export function toWebhookDeliveryV2(delivery: WebhookDelivery): WebhookDeliveryV2 {
  return {
    entityId: delivery.id,
    webhookId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus,
    lastError: delivery.lastError,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}
