import type { AssertionV2, AwardStatsV2, AwardStatus, BadgeClassUpdateInput, BadgeClassV2, BulkAwardJobDetailV2, BulkAwardJobV2, BulkAwardProgress, InstitutionV2, IssuerV2, StaffSession, StatsBucket, V2SuccessEnvelope } from '@badges/api-contracts/types';

import { apiFetch, apiJson, apiOne, apiResult, ApiRequestError } from './client';
import { endSession, startSession } from './session';

/**
 * A shared or scripted console signs in with one of the institution's API clients (OAuth2 client
 * credentials, as POST /o/token takes them); the token stays in the gateway's HttpOnly cookie.
 */
export function staffSignIn(clientId: string, clientSecret: string): Promise<void> {
  return startSession('staff', { client_id: clientId, client_secret: clientSecret });
}

/** A person signs in with their email and password; the gateway keeps their session in the same cookie. */
export function staffPersonSignIn(email: string, password: string): Promise<void> {
  return startSession('staff', { username: email, password });
}

/** The emailed invitation's token (from the link's fragment, never sent to a server log), with a password and name. */
export async function acceptStaffInvitation(token: string, password: string, name: string): Promise<void> {
  await apiFetch('/v2/staff/invitations/accept', { method: 'POST', body: { token, password, ...(name.trim() ? { name: name.trim() } : {}) } });
}

/** Always answered 202: whether the address belongs to anyone is not told. */
export async function requestStaffPasswordReset(email: string): Promise<void> {
  await apiFetch('/v2/staff/password-reset', { method: 'POST', body: { email: email.trim() } });
}

export async function confirmStaffPasswordReset(token: string, password: string): Promise<void> {
  await apiFetch('/v2/staff/password-reset/confirm', { method: 'POST', body: { token, password } });
}

/** Who this console is signed in as, a person or an API client (read by the gateway from the session's token). */
export function staffIdentity(token: string): Promise<StaffSession> {
  return apiJson('/web/session/staff', { token });
}

export function staffSignOut(): Promise<void> {
  return endSession('staff');
}

export function ownInstitution(token: string): Promise<InstitutionV2> {
  return apiOne<InstitutionV2>('/v2/institutions/self', { token });
}

/* Issuers, badge classes, awards and assertions: the staff side of the Badgr v2 API. */

/** A null description clears it; `image` (a PNG or SVG data URI) replaces the image, left out it keeps the current one. */
export type IssuerFields = Pick<IssuerV2, 'name' | 'email' | 'url' | 'description' | 'credentialProof'> & { image?: string };

export function listIssuers(token: string): Promise<IssuerV2[]> {
  return apiResult<IssuerV2>('/v2/issuers?include_staff=false', { token });
}

export function getIssuer(token: string, issuerId: string): Promise<IssuerV2> {
  return apiOne<IssuerV2>(`/v2/issuers/${encodeURIComponent(issuerId)}?include_staff=false`, { token });
}

export function createIssuer(token: string, fields: IssuerFields): Promise<IssuerV2> {
  return apiOne<IssuerV2>('/v2/issuers', { method: 'POST', token, body: fields });
}

export function updateIssuer(token: string, issuerId: string, fields: IssuerFields): Promise<IssuerV2> {
  return apiOne<IssuerV2>(`/v2/issuers/${encodeURIComponent(issuerId)}`, { method: 'PUT', token, body: fields });
}

/** What the badge class form sends, on create and on edit: the update body (`image` left out on edit keeps the current one). */
export type BadgeClassFields = BadgeClassUpdateInput;

export function listBadgeClasses(token: string, issuerId: string): Promise<BadgeClassV2[]> {
  return apiResult<BadgeClassV2>(`/v2/issuers/${encodeURIComponent(issuerId)}/badgeclasses`, { token });
}

export function getBadgeClass(token: string, badgeClassId: string): Promise<BadgeClassV2> {
  return apiOne<BadgeClassV2>(`/v2/badgeclasses/${encodeURIComponent(badgeClassId)}`, { token });
}

export function createBadgeClass(token: string, issuerId: string, fields: BadgeClassFields): Promise<BadgeClassV2> {
  return apiOne<BadgeClassV2>(`/v2/issuers/${encodeURIComponent(issuerId)}/badgeclasses`, { method: 'POST', token, body: fields });
}

export function updateBadgeClass(token: string, badgeClassId: string, fields: BadgeClassFields): Promise<BadgeClassV2> {
  return apiOne<BadgeClassV2>(`/v2/badgeclasses/${encodeURIComponent(badgeClassId)}`, { method: 'PUT', token, body: fields });
}

export interface AwardFields {
  email: string;
  /** Kept for the console's list and search: the email itself is stored only as hashes. */
  name?: string;
  narrative?: string;
  notify: boolean;
}

export function awardBadge(token: string, badgeClassId: string, award: AwardFields): Promise<AssertionV2> {
  return apiOne<AssertionV2>(`/v2/badgeclasses/${encodeURIComponent(badgeClassId)}/assertions`, {
    method: 'POST',
    token,
    body: { recipient: { identity: award.email, type: 'email', hashed: true }, recipientName: award.name?.trim() || undefined, narrative: award.narrative || undefined, notify: award.notify },
  });
}

/** What the awards list of a badge class is filtered by: a name or an exact email, and a status (all when absent). */
export interface AwardsFilter {
  q: string;
  status: AwardStatus | '';
}

function awardsQuery(filter: AwardsFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.q.trim()) query.set('q', filter.q.trim());
  if (filter.status) {
    query.set('status', filter.status);
  } else {
    query.set('include_revoked', 'true');
    query.set('include_expired', 'true');
  }
  return query;
}

/** Whose awards a list or a dashboard shows: one badge class's, or those of every badge class of an issuer. */
export type AwardsSource = { kind: 'badgeClass'; id: string } | { kind: 'issuer'; id: string };

function sourcePath(source: AwardsSource): string {
  return `/v2/${source.kind === 'issuer' ? 'issuers' : 'badgeclasses'}/${encodeURIComponent(source.id)}`;
}

/** One page of awards, newest first; `next` is the API's URL of the following page. */
export async function listAwards(token: string, source: AwardsSource, filter: AwardsFilter, next?: string): Promise<{ rows: AssertionV2[]; next: string | null }> {
  const query = awardsQuery(filter);
  query.set('num', '25');
  const path = next ? new URL(next).pathname + new URL(next).search : `${sourcePath(source)}/assertions?${query}`;
  const envelope = await apiJson<V2SuccessEnvelope<AssertionV2>>(path, { token });
  return { rows: envelope.result, next: envelope.pagination?.nextResults ?? null };
}

/** The same filter's awards as one CSV file (formula-safe, written by the issuer service). */
export async function exportAwards(token: string, badgeClassId: string, filter: AwardsFilter): Promise<Blob> {
  const response = await apiFetch(`/v2/badgeclasses/${encodeURIComponent(badgeClassId)}/assertions.csv?${awardsQuery(filter)}`, { token, headers: { accept: 'text/csv' } });
  return response.blob();
}

/** The dashboard's counts over the default period of `bucket` (30 days, 12 weeks or 12 months, ending now). */
export function awardStats(token: string, source: AwardsSource, bucket: StatsBucket): Promise<AwardStatsV2> {
  return apiOne<AwardStatsV2>(`${sourcePath(source)}/stats?${new URLSearchParams({ bucket })}`, { token });
}

export function revokeAssertion(token: string, assertionId: string, reason: string): Promise<AssertionV2> {
  return apiOne<AssertionV2>(`/v2/assertions/${encodeURIComponent(assertionId)}`, { method: 'DELETE', token, body: { revocation_reason: reason } });
}

/** Uploads a CSV as it is; the key makes a retried upload (double click, flaky network) return the same job. */
export function startBulkAward(token: string, badgeClassId: string, csv: File, idempotencyKey: string): Promise<BulkAwardJobV2> {
  return apiOne<BulkAwardJobV2>(`/v2/badgeclasses/${encodeURIComponent(badgeClassId)}/bulk-awards`, {
    method: 'POST',
    token,
    body: csv,
    headers: { 'content-type': 'text/csv', 'idempotency-key': idempotencyKey },
  });
}

/**
 * Follows the job's progress stream (SSE) until its `complete` event. Read with fetch, not
 * EventSource: the gateway authenticates the stream by its Authorization header, which
 * EventSource cannot send.
 */
export async function followBulkAward(token: string, jobId: string, onProgress: (progress: BulkAwardProgress) => void, signal?: AbortSignal): Promise<BulkAwardProgress> {
  const response = await apiFetch(`/v2/bulk-awards/${encodeURIComponent(jobId)}/events`, { token, headers: { accept: 'text/event-stream' }, signal });
  if (!response.body) throw new ApiRequestError(0, 'network_error', 'network');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let last: BulkAwardProgress | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const event = parseEvent(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      if (!event) continue;
      last = event.data;
      onProgress(event.data);
      if (event.name === 'complete') return event.data;
    }
  }
  // The stream ended without `complete` (a proxy cut it): the job itself has the final word.
  return last ?? apiOne<BulkAwardJobV2>(`/v2/bulk-awards/${encodeURIComponent(jobId)}`, { token });
}

function parseEvent(block: string): { name: string; data: BulkAwardProgress } | undefined {
  let name = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).trim();
  }
  if (!data) return undefined;
  return { name, data: JSON.parse(data) as BulkAwardProgress };
}

/** The finished job with every row error and its line number. */
export function bulkAwardDetail(token: string, jobId: string): Promise<BulkAwardJobDetailV2> {
  return apiOne<BulkAwardJobDetailV2>(`/v2/bulk-awards/${encodeURIComponent(jobId)}?errors=all`, { token });
}

/** The result CSV (one line per input row), fetched with the token and handed to the browser as a file. */
export async function bulkAwardResult(token: string, jobId: string): Promise<Blob> {
  const response = await apiFetch(`/v2/bulk-awards/${encodeURIComponent(jobId)}/result.csv`, { token, headers: { accept: 'text/csv' } });
  return response.blob();
}
