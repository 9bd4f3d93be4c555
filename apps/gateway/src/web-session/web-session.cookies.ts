import type { IncomingHttpHeaders } from 'node:http';

import { parseCookie, stringifySetCookie } from 'cookie';

import { SESSION_KINDS, type SessionKind } from '@badges/api-contracts';

/**
 * The web app's sessions live in HttpOnly cookies that only the gateway reads, so no script on
 * the origin (an injected one included) can read a token (issue #13, decision in docs/security.md).
 */
export { SESSION_KINDS, type SessionKind } from '@badges/api-contracts';

/**
 * The header the web app sends to use its cookie. A page on another site cannot send a custom
 * header to us without a CORS preflight, which the gateway does not grant it: together with
 * SameSite=Strict, this is the CSRF defence.
 */
export const SESSION_HEADER = 'x-badges-session';

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === 'string' && (SESSION_KINDS as readonly string[]).includes(value);
}

/**
 * `__Host-` (over https) makes the browser refuse the cookie unless it is Secure, host-only and
 * for path `/`, so a sibling subdomain cannot plant or shadow it.
 */
export function cookieName(kind: SessionKind, secure: boolean): string {
  return `${secure ? '__Host-' : ''}badges-${kind}`;
}

export function readSessionCookie(headers: IncomingHttpHeaders, kind: SessionKind, secure: boolean): string | undefined {
  const header = headers.cookie;
  if (typeof header !== 'string') return undefined;
  const value = parseCookie(header)[cookieName(kind, secure)];
  return value || undefined;
}

/** The Set-Cookie that stores a session for `maxAgeSeconds`, or (0) deletes it. */
export function sessionSetCookie(kind: SessionKind, token: string, maxAgeSeconds: number, secure: boolean): string {
  return stringifySetCookie(cookieName(kind, secure), token, { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge: maxAgeSeconds });
}
