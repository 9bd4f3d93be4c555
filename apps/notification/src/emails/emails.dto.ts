import { z } from 'zod';

import type { EmailDeliveryRecord } from './email-deliveries.repository';

/** GET /v2/notifications/emails?assertion=<entityId> */
export const EmailListQuerySchema = z.object({
  assertion: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Expected an assertion entityId.' })
    .optional(),
});

export interface EmailDeliveryV2 {
  entityId: string;
  /** null for endorsement emails (no assertion, no attachment). */
  assertionId: string | null;
  eventId: string;
  /** The recipient's address: institution staff need it to follow up. */
  to: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toEmailDeliveryV2(delivery: EmailDeliveryRecord): EmailDeliveryV2 {
  return {
    entityId: delivery.id,
    assertionId: delivery.assertionId,
    eventId: delivery.eventId,
    to: delivery.to,
    subject: delivery.subject,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    messageId: delivery.messageId,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}
