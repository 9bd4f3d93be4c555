import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { FastifyReply } from 'fastify';

import { formatStaffRoles, InternalHeader } from '@badges/service-kit';

import { actorOf, isStaff, type CallerIdentity } from '../auth/caller';

/**
 * Only these caller headers reach a service. Building from an allow-list (rather than copying and
 * deleting) means the internal headers a caller sends (x-institution-id, x-client-id,
 * x-badges-actor, x-badges-staff-roles, x-badges-staff-language, x-internal-token, x-correlation-id, x-public-url) can never slip through, nor
 * can Authorization or cookies.
 */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'idempotency-key', 'if-none-match', 'if-modified-since'] as const;

/**
 * Response headers passed back to the caller as the service set them; the service's
 * Content-Security-Policy (the embed page's differs from the one the gateway would choose) and
 * its Allow (it alone knows a path's methods) included.
 */
const RETURNED_RESPONSE_HEADERS = [
  'content-type',
  'cache-control',
  'location',
  'etag',
  'last-modified',
  'vary',
  'content-language',
  'content-disposition',
  'retry-after',
  'content-security-policy',
  'x-content-type-options',
  'allow',
  // The OB 3.0 API's paging (X-Total-Count, RFC 8288 Link) and its bearer challenge (RFC 6750).
  'x-total-count',
  'link',
  'www-authenticate',
] as const;

/** Headers only the gateway may set on a forwarded request. */
export const INTERNAL_HEADERS: readonly string[] = [
  InternalHeader.InstitutionId,
  InternalHeader.ClientId,
  InternalHeader.Actor,
  InternalHeader.StaffRoles,
  InternalHeader.StaffLanguage,
  InternalHeader.InternalToken,
  InternalHeader.CorrelationId,
  InternalHeader.PublicUrl,
];

export interface ForwardContext {
  identity?: CallerIdentity;
  /** Learner routes only: the service checks the caller's own bearer token. */
  passAuthorization?: boolean;
  correlationId: string;
  internalToken?: string;
  publicUrl: string;
}

export function buildForwardHeaders(incoming: IncomingHttpHeaders, context: ForwardContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (context.passAuthorization && typeof incoming.authorization === 'string') headers.authorization = incoming.authorization;
  const caller = context.identity;
  if (caller) {
    headers[InternalHeader.InstitutionId] = caller.institutionId;
    headers[InternalHeader.Actor] = actorOf(caller);
    // A person's roles (and email language) as the database says them now; an API client's scope was checked here instead.
    if (isStaff(caller)) {
      headers[InternalHeader.StaffRoles] = formatStaffRoles(caller.roles);
      headers[InternalHeader.StaffLanguage] = caller.language;
    } else headers[InternalHeader.ClientId] = caller.clientId;
  }
  headers[InternalHeader.CorrelationId] = context.correlationId;
  headers[InternalHeader.PublicUrl] = context.publicUrl;
  if (context.internalToken) headers[InternalHeader.InternalToken] = context.internalToken;
  return headers;
}

export function pickResponseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const picked: Record<string, string | string[]> = {};
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** The CORS answer already varies by Origin; the service's Vary adds to it, never replaces it. */
export function withServiceVary(reply: FastifyReply, headers: Record<string, string | string[]>): Record<string, string | string[]> {
  const corsVary = reply.getHeader('vary');
  return corsVary && headers.vary ? { ...headers, vary: `${String(headers.vary)}, ${String(corsVary)}` } : headers;
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's `x-request-id` when it looks like an id (so logs can be joined), else a fresh UUID. */
export function correlationIdFor(incoming: IncomingHttpHeaders): string {
  const given = incoming['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
