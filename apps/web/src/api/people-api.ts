import type { AuditAction, AuditEntryV2, StaffInviteBody, StaffMemberV2, StaffRolesBody, StaffSessionsRevokedV2 } from '@badges/api-contracts/types';

import { apiFetch, apiJson, apiOne, apiResult, ApiRequestError } from './client';
import { staffIdentity } from './console-api';
import { apiClients } from './integrations-api';

/**
 * The console's admin pages for people (/v2/staff) and the audit trail (/v2/audit): both are the
 * institution admins' (a person with the `admin` role, or an API client of scope `manage`).
 */

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** What the admin pages need to know of the console's session. */
export interface ConsoleAdmin {
  /** May manage people and read the trail. */
  admin: boolean;
  /** The signed-in person; absent for an API client's session. */
  staffId?: string;
}

/**
 * Whether the console's session is an institution admin. A person: their own institution role. An
 * API client: its scope, which only a `manage` client may read (the client list answers anyone
 * else 403, which here just means "no").
 */
export async function consoleAdmin(token: string): Promise<ConsoleAdmin> {
  const identity = await staffIdentity(token);
  if (identity.staffId) return { admin: (await ownStaffMember(token)).institutionRole === 'admin', staffId: identity.staffId };
  try {
    return { admin: (await apiClients(token)).some((client) => client.clientId === identity.clientId && client.scope === 'manage') };
  } catch (caught) {
    if (caught instanceof ApiRequestError && caught.status === 403) return { admin: false };
    throw caught;
  }
}

export const ownStaffMember = (token: string) => apiOne<StaffMemberV2>('/v2/staff/self', { token });
export const staffMembers = (token: string) => apiResult<StaffMemberV2>('/v2/staff', { token });
/** The person gets an email with a one-time link to choose their password. */
export const inviteStaffMember = (token: string, body: StaffInviteBody) =>
  apiOne<StaffMemberV2>('/v2/staff', { method: 'POST', token, body: { ...body, email: body.email.trim(), name: body.name.trim() } });
/** Replaces the person's roles whole; they apply within seconds. */
export const changeStaffRoles = (token: string, staffId: string, roles: StaffRolesBody) => apiOne<StaffMemberV2>(`/v2/staff/${path(staffId)}`, { method: 'PUT', token, body: roles });
/** The row stays (status `removed`), so the trail keeps naming them; their sessions end. */
export const removeStaffMember = (token: string, staffId: string) => apiOne<StaffMemberV2>(`/v2/staff/${path(staffId)}`, { method: 'DELETE', token });
export const endStaffSessions = (token: string, staffId: string) => apiOne<StaffSessionsRevokedV2>(`/v2/staff/${path(staffId)}/sessions/revoke`, { method: 'POST', token });

/** Entries per page of the console's trail: a screenful or two; "Load more" asks for the next. */
const AUDIT_PAGE_SIZE = '50';

/** The trail's filters, as GET /v2/audit and its CSV export take them (instants in ISO 8601). */
export interface AuditFilter {
  action?: AuditAction;
  actor?: string;
  from?: string;
  to?: string;
}

const auditQuery = (filter: AuditFilter, extra: Record<string, string> = {}) =>
  new URLSearchParams(Object.entries({ ...filter, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();

/**
 * A page of the trail, newest first, and the cursor of the next one (null on the last). The
 * cursor is read from `pagination.nextResults`, a full URL on the gateway's public address, so
 * the next page is asked for on this origin with the same filters.
 */
export async function auditPage(token: string, filter: AuditFilter, cursor?: string): Promise<{ entries: AuditEntryV2[]; cursor: string | null }> {
  const body = await apiJson<{ result: AuditEntryV2[]; pagination: { nextResults: string | null } }>(`/v2/audit?${auditQuery(filter, cursor ? { num: AUDIT_PAGE_SIZE, cursor } : { num: AUDIT_PAGE_SIZE })}`, { token });
  const next = body.pagination.nextResults;
  return { entries: body.result, cursor: next ? new URL(next).searchParams.get('cursor') : null };
}

/** Every entry the filters match, as the gateway's CSV (fetched with the session, then saved by the browser). */
export async function auditCsv(token: string, filter: AuditFilter): Promise<Blob> {
  const response = await apiFetch(`/v2/audit/export.csv?${auditQuery(filter)}`, { token, headers: { accept: 'text/csv' } });
  return response.blob();
}
