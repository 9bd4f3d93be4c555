import type { BadgeConnectConsent, BadgeConnectRedirect, ConnectedApp } from '@badges/api-contracts/types';

import { apiFetch, apiJson, apiResult } from './client';

/**
 * What the consent page shows for a client's authorization request (its query string as it came);
 * with the learner's session, a request they approved before comes back with its code at once.
 */
export const consentFor = (query: URLSearchParams, token: string | null) => apiJson<BadgeConnectConsent>(`/o/badgeconnect/consent?${query}`, { token: token ?? undefined });

/** The learner's answer: where to send the browser (the client's redirect URI with `code` or `error`, and `state`). */
export const answerClient = (token: string, query: URLSearchParams, decision: 'approve' | 'deny') =>
  apiJson<BadgeConnectRedirect>('/o/badgeconnect/authorize', { method: 'POST', token, body: { ...Object.fromEntries(query), decision } });

export const connectedApps = (token: string) => apiResult<ConnectedApp>('/v2/backpack/connected-apps', { token });
export const disconnectApp = (token: string, clientId: string) => apiFetch(`/v2/backpack/connected-apps/${encodeURIComponent(clientId)}`, { method: 'DELETE', token });
