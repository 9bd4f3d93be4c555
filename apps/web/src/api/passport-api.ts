import type { BackpackAssertionV2, BadgrImportV2, CollectionV2, ConfirmedEmailV2, EmailV2, HeldCredentialV2, LearnerLanguage, ShareType, ShareV2, UserV2 } from '@badges/api-contracts/types';

import { apiFetch, apiJson, apiOne, apiResult } from './client';
import { endSession, startSession } from './session';

/** The page languages the platform also writes emails in (the contract's list: a language added there must be added here). */
const EMAIL_LANGUAGES: Record<LearnerLanguage, true> = { en: true, fr: true };

/** The page's language as the learner's email language, when the platform writes emails in it (else the request's Accept-Language decides). */
export function emailLanguage(lang: string): LearnerLanguage | undefined {
  return Object.prototype.hasOwnProperty.call(EMAIL_LANGUAGES, lang) ? (lang as LearnerLanguage) : undefined;
}

export async function signUp(email: string, password: string, name: string, lang: string): Promise<void> {
  await apiJson('/v2/auth/signup', { method: 'POST', body: { email, password, name, language: emailLanguage(lang) } });
}

/** The learner's session: an HttpOnly cookie the gateway sets, which no script can read. */
export function signIn(email: string, password: string): Promise<void> {
  return startSession('learner', { username: email, password });
}

export function signOut(): Promise<void> {
  return endSession('learner');
}

/** The emailed link's token (or the whole link pasted) confirms the address and collects its badges. */
export async function confirmEmail(token: string): Promise<ConfirmedEmailV2> {
  return apiOne('/v2/auth/confirm-email', { method: 'POST', body: { token } });
}

export const self = (token: string) => apiOne<UserV2>('/v2/users/self', { token });
export const addEmail = (token: string, email: string, lang: string) =>
  apiOne<EmailV2>('/v2/users/self/emails', { method: 'POST', token, body: { email, language: emailLanguage(lang) } });
/** The learner's emails follow the language they chose in the web app (PUT /v2/users/self). */
export const saveLanguage = (token: string, language: LearnerLanguage) => apiOne<UserV2>('/v2/users/self', { method: 'PUT', token, body: { language } });
export const removeEmail = (token: string, id: string) => apiFetch(`/v2/users/self/emails/${encodeURIComponent(id)}`, { method: 'DELETE', token });

export const badges = (token: string) => apiResult<BackpackAssertionV2>('/v2/backpack/assertions', { token });
/** The badge's OB 3.0 credential as the passport keeps it (its text, exactly as signed). */
export const heldCredential = (token: string, id: string) => apiOne<HeldCredentialV2>(`/v2/backpack/assertions/${encodeURIComponent(id)}/credential`, { token });
export const answerBadge = (token: string, id: string, accept: boolean) =>
  apiOne<BackpackAssertionV2>(`/v2/backpack/assertions/${encodeURIComponent(id)}`, { method: 'PUT', token, body: { acceptance: accept ? 'Accepted' : 'Rejected' } });

export const collections = (token: string) => apiResult<CollectionV2>('/v2/backpack/collections', { token });
export const createCollection = (token: string, name: string, description: string, assertions: string[]) =>
  apiOne<CollectionV2>('/v2/backpack/collections', { method: 'POST', token, body: { name, description, assertions } });
export const updateCollection = (token: string, id: string, changes: Partial<Pick<CollectionV2, 'name' | 'description' | 'assertions'>>) =>
  apiOne<CollectionV2>(`/v2/backpack/collections/${encodeURIComponent(id)}`, { method: 'PUT', token, body: changes });
export const deleteCollection = (token: string, id: string) => apiFetch(`/v2/backpack/collections/${encodeURIComponent(id)}`, { method: 'DELETE', token });

export const shares = (token: string) => apiResult<ShareV2>('/v2/backpack/shares', { token });
export const createShare = (token: string, type: ShareType, entityId: string) => apiOne<ShareV2>('/v2/backpack/shares', { method: 'POST', token, body: { type, entityId } });
export const revokeShare = (token: string, id: string) => apiFetch(`/v2/backpack/shares/${encodeURIComponent(id)}`, { method: 'DELETE', token });

/** Import a baked image (as a data URI), a URL, or assertion JSON/JWS text. */
export const importBadge = (token: string, input: { image: string } | { url: string } | { assertion: string }) =>
  apiOne<BackpackAssertionV2>('/v2/backpack/import', { method: 'POST', token, body: input });

/** Brings the learner's Badgr backpack: the password is used once, for Badgr's sign-in, and not kept. */
export const startBadgrImport = (token: string, input: { badgrUrl: string; username: string; password: string }) =>
  apiOne<BadgrImportV2>('/v2/backpack/badgr-imports', { method: 'POST', token, body: input });

export const badgrImport = (token: string, id: string) => apiOne<BadgrImportV2>(`/v2/backpack/badgr-imports/${encodeURIComponent(id)}`, { token });

/** The zip of every badge (baked images, OB 2.0 JSON, summary.csv, profile, collections). */
export async function exportPassport(token: string): Promise<Blob> {
  return (await apiFetch('/v2/backpack/export', { token, headers: { accept: 'application/zip' } })).blob();
}
