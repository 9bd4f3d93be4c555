import type { EndorsementRequestV2, EndorsementRole, EndorsementTargetType, EndorsementV2, EndorserProfileV2, PublishedEndorserV2, VerificationType } from '@badges/api-contracts/types';

import { apiFetch, apiOne, apiResult } from './client';

/**
 * The institution console's integration pages: endorsements (both directions), webhooks and the
 * award emails' deliveries. Shapes follow docs/api.md; the console's own token goes with each call.
 */

export interface EndorserProfileFields {
  name: string;
  url: string;
  email: string;
  description: string;
  verification?: VerificationType;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

export const ownEndorserProfile = (token: string) => apiOne<EndorserProfileV2>('/v2/endorsers/self', { token });
export const saveEndorserProfile = (token: string, fields: EndorserProfileFields) => apiOne<EndorserProfileV2>('/v2/endorsers/self', { method: 'PUT', token, body: fields });
export const publishedEndorsers = (token: string) => apiResult<PublishedEndorserV2>('/v2/endorsers', { token });

export const endorsementRequests = (token: string, role: EndorsementRole) => apiResult<EndorsementRequestV2>(`/v2/endorsement-requests?role=${role}`, { token });
export const requestEndorsement = (token: string, target: { type: EndorsementTargetType; entityId: string }, endorser: string, message: string) =>
  apiOne<EndorsementRequestV2>('/v2/endorsement-requests', { method: 'POST', token, body: { target, endorser, ...(message.trim() ? { message: message.trim() } : {}) } });
export const approveRequest = (token: string, id: string, comment: string) =>
  apiOne<EndorsementV2>(`/v2/endorsement-requests/${path(id)}/approve`, { method: 'POST', token, body: comment.trim() ? { comment: comment.trim() } : {} });
export const declineRequest = (token: string, id: string, reason: string) =>
  apiOne<EndorsementRequestV2>(`/v2/endorsement-requests/${path(id)}/decline`, { method: 'POST', token, body: reason.trim() ? { reason: reason.trim() } : {} });

export const endorsements = (token: string, role: EndorsementRole) => apiResult<EndorsementV2>(`/v2/endorsements?role=${role}`, { token });
/** Either party may withdraw; the endorsement's public URL then answers 410. */
export const withdrawEndorsement = (token: string, id: string, reason: string) =>
  apiOne<EndorsementV2>(`/v2/endorsements/${path(id)}`, { method: 'DELETE', token, body: reason.trim() ? { reason: reason.trim() } : {} });

/** What a request can name as its target: the institution's issuers and badge classes. */
export interface Endorsable {
  entityId: string;
  name: string;
}
export const ownIssuers = (token: string) => apiResult<Endorsable>('/v2/issuers', { token });
export const ownBadgeClasses = (token: string) => apiResult<Endorsable>('/v2/badgeclasses', { token });

/** The topics a webhook may subscribe to (docs/api.md), each with the name its label is filed under. */
export const WEBHOOK_EVENTS = {
  'badges.assertion.issued.v1': 'assertionIssued',
  'badges.assertion.revoked.v1': 'assertionRevoked',
  'badges.badgeclass.updated.v1': 'badgeClassUpdated',
  'badges.endorsement.requested.v1': 'endorsementRequested',
  'badges.endorsement.issued.v1': 'endorsementIssued',
  'badges.endorsement.revoked.v1': 'endorsementRevoked',
} as const;
export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;

export interface Webhook {
  entityId: string;
  url: string;
  events: string[];
  createdAt: string;
}

export type DeliveryStatus = 'queued' | 'delivered' | 'failed';

export interface WebhookDelivery {
  entityId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export const webhooks = (token: string) => apiResult<Webhook>('/v2/webhooks', { token });
/** The answer carries the signing secret: the only time the platform shows it. */
export const createWebhook = (token: string, url: string, events: readonly string[]) =>
  apiOne<Webhook & { secret: string }>('/v2/webhooks', { method: 'POST', token, body: { url: url.trim(), events } });
export const deleteWebhook = (token: string, id: string) => apiFetch(`/v2/webhooks/${path(id)}`, { method: 'DELETE', token });
export const webhookDeliveries = (token: string, id: string) => apiResult<WebhookDelivery>(`/v2/webhooks/${path(id)}/deliveries`, { token });
export const redeliver = (token: string, webhookId: string, deliveryId: string) =>
  apiOne<WebhookDelivery>(`/v2/webhooks/${path(webhookId, 'deliveries', deliveryId)}/redeliver`, { method: 'POST', token });

export type EmailStatus = 'queued' | 'sent' | 'failed';

export interface EmailDelivery {
  entityId: string;
  /** null for endorsement emails (nothing attached). */
  assertionId: string | null;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const emailDeliveries = (token: string) => apiResult<EmailDelivery>('/v2/notifications/emails', { token });
export const resendEmail = (token: string, id: string) => apiOne<EmailDelivery>(`/v2/notifications/emails/${path(id)}/resend`, { method: 'POST', token });
