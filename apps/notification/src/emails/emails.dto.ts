import type { EmailDeliveryStatus, EmailDeliveryV2 } from '@badges/api-contracts';

import type { EmailDeliveryRecord } from './email-deliveries.repository';

export function toEmailDeliveryV2(delivery: EmailDeliveryRecord): EmailDeliveryV2 {
  return {
    entityId: delivery.id,
    assertionId: delivery.assertionId,
    eventId: delivery.eventId,
    to: delivery.to,
    subject: delivery.subject,
    status: delivery.status as EmailDeliveryStatus,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    messageId: delivery.messageId,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}
