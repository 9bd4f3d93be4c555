import { apiFetch, apiJson, apiOne, apiResult } from './client';
import { endSession, startSession } from './session';

export type BadgeStatus = 'pending' | 'accepted' | 'declined';

/** GET /v2/backpack/assertions: Badgr's backpack shape plus status, revocation and endorsements. */
export interface BackpackBadge {
  entityId: string;
  openBadgeId: string;
  badgeclassName: string;
  issuerName: string;
  image: string;
  issuedOn: string;
  expires: string | null;
  expired: boolean;
  status: BadgeStatus;
  revoked: boolean;
  revocationReason: string | null;
  endorsements: { url: string; endorserName: string | null; comment: string | null }[];
}

export interface Collection {
  entityId: string;
  name: string;
  description: string;
  assertions: string[];
}

export interface Share {
  entityId: string;
  type: 'badge' | 'collection';
  target: string;
  url: string;
  views: number;
  revoked: boolean;
}

export interface Learner {
  entityId: string;
  username: string;
  name: string;
  emails: { entityId: string; email: string; verified: boolean; primary: boolean }[];
  identifiers: { entityId: string; type: string; identifier: string; verified: boolean }[];
}

export async function signUp(email: string, password: string, name: string): Promise<void> {
  await apiJson('/v2/auth/signup', { method: 'POST', body: { email, password, name } });
}

/** The learner's session: an HttpOnly cookie the gateway sets, which no script can read. */
export function signIn(email: string, password: string): Promise<void> {
  return startSession('learner', { username: email, password });
}

export function signOut(): Promise<void> {
  return endSession('learner');
}

/** The emailed link's token (or the whole link pasted) confirms the address and collects its badges. */
export async function confirmEmail(token: string): Promise<{ email: string; collected: number }> {
  return apiOne('/v2/auth/confirm-email', { method: 'POST', body: { token } });
}

export const self = (token: string) => apiOne<Learner>('/v2/users/self', { token });
export const addEmail = (token: string, email: string) => apiOne('/v2/users/self/emails', { method: 'POST', token, body: { email } });
export const removeEmail = (token: string, id: string) => apiFetch(`/v2/users/self/emails/${encodeURIComponent(id)}`, { method: 'DELETE', token });

export const badges = (token: string) => apiResult<BackpackBadge>('/v2/backpack/assertions', { token });
export const answerBadge = (token: string, id: string, accept: boolean) =>
  apiOne<BackpackBadge>(`/v2/backpack/assertions/${encodeURIComponent(id)}`, { method: 'PUT', token, body: { acceptance: accept ? 'Accepted' : 'Rejected' } });

export const collections = (token: string) => apiResult<Collection>('/v2/backpack/collections', { token });
export const createCollection = (token: string, name: string, description: string, assertions: string[]) =>
  apiOne<Collection>('/v2/backpack/collections', { method: 'POST', token, body: { name, description, assertions } });
export const updateCollection = (token: string, id: string, changes: Partial<Pick<Collection, 'name' | 'description' | 'assertions'>>) =>
  apiOne<Collection>(`/v2/backpack/collections/${encodeURIComponent(id)}`, { method: 'PUT', token, body: changes });
export const deleteCollection = (token: string, id: string) => apiFetch(`/v2/backpack/collections/${encodeURIComponent(id)}`, { method: 'DELETE', token });

export const shares = (token: string) => apiResult<Share>('/v2/backpack/shares', { token });
export const createShare = (token: string, type: Share['type'], entityId: string) => apiOne<Share>('/v2/backpack/shares', { method: 'POST', token, body: { type, entityId } });
export const revokeShare = (token: string, id: string) => apiFetch(`/v2/backpack/shares/${encodeURIComponent(id)}`, { method: 'DELETE', token });

/** Import a baked image (as a data URI), a URL, or assertion JSON/JWS text. */
export const importBadge = (token: string, input: { image: string } | { url: string } | { assertion: string }) =>
  apiOne<BackpackBadge>('/v2/backpack/import', { method: 'POST', token, body: input });

/** The zip of every badge (baked images, OB 2.0 JSON, summary.csv, profile, collections). */
export async function exportPassport(token: string): Promise<Blob> {
  return (await apiFetch('/v2/backpack/export', { token, headers: { accept: 'application/zip' } })).blob();
}
