import type {
  ApiClientCredentialsV2,
  ApiClientScope,
  ApiClientV2,
  BadgeClassV2,
  CreatedWebhookV2,
  EmailDeliveryV2,
  EndorsementRequestV2,
  EndorsementRole,
  EndorsementTargetType,
  EndorsementV2,
  EndorserProfileBody,
  EndorserProfileV2,
  IssuerV2,
  PublishedEndorserV2,
  WebhookDeliveryV2,
  WebhookEvent,
  WebhookV2,
} from '@badges/api-contracts/types';

import { apiFetch, apiOne, apiResult } from './client';

/**
 * The institution console's integration pages: endorsements (both directions), webhooks and the
 * award emails' deliveries. Shapes follow docs/api.md; the console's own token goes with each call.
 */

/** The form's fields: the body of PUT /v2/endorsers/self, with the description always text (a textarea's). */
export type EndorserProfileFields = EndorserProfileBody & { description: string };

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
export const ownIssuers = (token: string) => apiResult<IssuerV2>('/v2/issuers', { token });
export const ownBadgeClasses = (token: string) => apiResult<BadgeClassV2>('/v2/badgeclasses', { token });

/**
 * The topics a webhook may subscribe to, each with the name its label is filed under. The list
 * itself is the API contract's (a type only here): the compiler asks for a label for each topic.
 */
export const WEBHOOK_EVENTS = {
  'badges.assertion.issued.v1': 'assertionIssued',
  'badges.assertion.revoked.v1': 'assertionRevoked',
  'badges.badgeclass.updated.v1': 'badgeClassUpdated',
  'badges.endorsement.requested.v1': 'endorsementRequested',
  'badges.endorsement.issued.v1': 'endorsementIssued',
  'badges.endorsement.revoked.v1': 'endorsementRevoked',
} as const satisfies Record<WebhookEvent, string>;

export const webhooks = (token: string) => apiResult<WebhookV2>('/v2/webhooks', { token });
/** The answer carries the signing secret: the only time the platform shows it. */
export const createWebhook = (token: string, url: string, events: readonly WebhookEvent[]) =>
  apiOne<CreatedWebhookV2>('/v2/webhooks', { method: 'POST', token, body: { url: url.trim(), events } });
export const deleteWebhook = (token: string, id: string) => apiFetch(`/v2/webhooks/${path(id)}`, { method: 'DELETE', token });
export const webhookDeliveries = (token: string, id: string) => apiResult<WebhookDeliveryV2>(`/v2/webhooks/${path(id)}/deliveries`, { token });
export const redeliver = (token: string, webhookId: string, deliveryId: string) =>
  apiOne<WebhookDeliveryV2>(`/v2/webhooks/${path(webhookId, 'deliveries', deliveryId)}/redeliver`, { method: 'POST', token });

export const emailDeliveries = (token: string) => apiResult<EmailDeliveryV2>('/v2/notifications/emails', { token });
export const resendEmail = (token: string, id: string) => apiOne<EmailDeliveryV2>(`/v2/notifications/emails/${path(id)}/resend`, { method: 'POST', token });

// API clients (/v2/clients): a client with scope `manage` (or an institution admin) manages them.
export const apiClients = (token: string) => apiResult<ApiClientV2>('/v2/clients', { token });
export const createApiClient = (token: string, name: string, scope: ApiClientScope) =>
  apiOne<ApiClientCredentialsV2>('/v2/clients', { method: 'POST', token, body: { name: name.trim(), scope } });
export const rotateApiClient = (token: string, clientId: string) => apiOne<ApiClientCredentialsV2>(`/v2/clients/${path(clientId)}/rotate`, { method: 'POST', token });
export const revokeApiClient = (token: string, clientId: string) => apiOne<ApiClientV2>(`/v2/clients/${path(clientId)}/revoke`, { method: 'POST', token });
