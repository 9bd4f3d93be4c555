/**
 * Webhooks and the award emails' deliveries (notification service; ours, Badgr had neither).
 *
 * POST /v2/webhooks                                         -> 201, [CreatedWebhookV2] (the only answer with the secret)
 * GET  /v2/webhooks                                         -> 200, WebhookV2[]
 * GET  /v2/webhooks/{id}/deliveries                         -> 200, WebhookDeliveryV2[]
 * POST /v2/webhooks/{id}/deliveries/{deliveryId}/redeliver  -> 202, [WebhookDeliveryV2]
 * GET  /v2/notifications/emails[?assertion=], …/{id}        -> 200, EmailDeliveryV2[]
 * POST /v2/notifications/emails/{id}/resend                 -> 202, [EmailDeliveryV2]
 */
import { z } from 'zod';

/**
 * The topics a webhook may subscribe to: event topic names (libs/events `Topic`, which this
 * browser-safe contract cannot import; the notification service checks the list against it).
 * The endorsement ones are delivered to both parties.
 */
export const WEBHOOK_EVENTS = [
  'badges.assertion.issued.v1',
  'badges.assertion.revoked.v1',
  'badges.badgeclass.updated.v1',
  'badges.endorsement.requested.v1',
  'badges.endorsement.issued.v1',
  'badges.endorsement.revoked.v1',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['queued', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const EMAIL_DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/** POST /v2/webhooks */
export const WebhookCreateBodySchema = z.object({
  url: z
    .string({ error: 'This field is required.' })
    .trim()
    .min(1, { error: 'This field may not be blank.' })
    .max(2048, { error: 'Ensure this field has no more than 2048 characters.' }),
  events: z
    .array(
      z.string().refine((value) => (WEBHOOK_EVENTS as readonly string[]).includes(value), {
        error: `Unknown event; use one of ${WEBHOOK_EVENTS.join(', ')}.`,
      }),
      { error: 'Expected a list of event names.' },
    )
    .min(1, { error: 'Subscribe to at least one event.' })
    .max(WEBHOOK_EVENTS.length * 2)
    .transform((events) => [...new Set(events)] as WebhookEvent[]),
});

export type WebhookCreateBody = z.output<typeof WebhookCreateBodySchema>;

/** GET /v2/notifications/emails?assertion=<entityId> */
export const EmailListQuerySchema = z.object({
  assertion: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Expected an assertion entityId.' })
    .optional(),
});

export const WebhookV2Schema = z.object({
  entityId: z.string(),
  url: z.string().describe('Where each event is POSTed, signed with the secret'),
  // Strings, not WebhookEvent: a subscription outlives a topic later withdrawn from the list.
  events: z.array(z.string()).describe(`The subscribed topics: ${WEBHOOK_EVENTS.join(', ')}`),
  createdAt: z.iso.datetime(),
});

export const CreatedWebhookV2Schema = WebhookV2Schema.extend({
  secret: z.string().describe('The signing secret: shown in this answer only (stored encrypted)'),
});

/** One event sent (or being sent) to one webhook. */
export const WebhookDeliveryV2Schema = z.object({
  entityId: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.string().describe('The topic of the event'),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable().describe("The HTTP status of the webhook's last answer"),
  lastError: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** One email the platform sends: an award email, or (without an assertion) an endorsement email. */
export const EmailDeliveryV2Schema = z.object({
  entityId: z.string(),
  assertionId: z.string().nullable().describe('null for endorsement emails (no assertion, no attachment)'),
  eventId: z.string(),
  to: z.string().describe("The recipient's address: institution staff need it to follow up"),
  subject: z.string(),
  status: z.enum(EMAIL_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable().describe("The mail server's id of the sent message"),
  sentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type WebhookV2 = z.output<typeof WebhookV2Schema>;
export type CreatedWebhookV2 = z.output<typeof CreatedWebhookV2Schema>;
export type WebhookDeliveryV2 = z.output<typeof WebhookDeliveryV2Schema>;
export type EmailDeliveryV2 = z.output<typeof EmailDeliveryV2Schema>;

/** The notification service's answers, by their OpenAPI component name. */
export const NOTIFICATIONS_RESPONSE_SCHEMAS = {
  Webhook: WebhookV2Schema,
  CreatedWebhook: CreatedWebhookV2Schema,
  WebhookDelivery: WebhookDeliveryV2Schema,
  EmailDelivery: EmailDeliveryV2Schema,
} as const satisfies Record<string, z.ZodType>;
