import { ACCESS_TOKEN_SCOPES, API_CLIENT_SCOPES, apiClientScopeOf, type ApiClientScope } from '@badges/api-contracts';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { OAuthError } from './oauth-error';
import { findPathRule, READ_METHODS } from './path-rules';

/**
 * Which client scope a request needs, as one table: reads need `read`, the routes below need what
 * they name, and every other write needs `manage`. A path no rule names (a new route, an odd
 * spelling of a known one) therefore needs the most, never the least.
 * `*` is one path segment, `**` (last) anything below.
 */
const SCOPE_RULES: readonly { method: string; path: string; scope: ApiClientScope }[] = [
  // Awards and their revocation: what an `award` client is for.
  { method: 'POST', path: '/v2/badgeclasses/*/assertions', scope: 'award' },
  { method: 'POST', path: '/v2/badgeclasses/*/issue', scope: 'award' },
  { method: 'POST', path: '/v2/badgeclasses/*/bulk-awards', scope: 'award' },
  { method: 'PUT', path: '/v2/assertions/*', scope: 'award' },
  { method: 'DELETE', path: '/v2/assertions/*', scope: 'award' },
  { method: 'POST', path: '/v2/assertions/revoke', scope: 'award' },
  { method: 'POST', path: '/v2/notifications/emails/*/resend', scope: 'award' },
  // A person reading who they are (any token of a person may).
  { method: 'GET', path: '/v2/staff/self', scope: 'read' },
  // Who holds credentials is management, even to read (API clients, people, single sign-on); so is who did what (the audit trail).
  { method: '*', path: '/v2/clients/**', scope: 'manage' },
  { method: '*', path: '/v2/institutions/self/sso', scope: 'manage' },
  { method: '*', path: '/v2/staff/**', scope: 'manage' },
  { method: '*', path: '/v2/audit/**', scope: 'manage' },
];

/** `path` without its query, as findPathRule reads it. */
export function scopeNeeded(method: string, path: string): ApiClientScope {
  const rule = findPathRule(SCOPE_RULES, method, path);
  if (rule) return rule.scope;
  return READ_METHODS.has(method) ? 'read' : 'manage';
}

/** Scopes nest: each allows everything the ones before it in API_CLIENT_SCOPES allow. */
export function scopeAllows(held: ApiClientScope, needed: ApiClientScope): boolean {
  return API_CLIENT_SCOPES.indexOf(held) >= API_CLIENT_SCOPES.indexOf(needed);
}

/** 403 `forbidden`, naming the scope needed, when the caller's token does not allow `method` on `path`. */
export function requireScope(identity: { scope: ApiClientScope }, method: string, path: string): void {
  const needed = scopeNeeded(method, path);
  if (scopeAllows(identity.scope, needed)) return;
  throw new ApiError(
    403,
    ErrorCode.Forbidden,
    `This access token has the ${identity.scope} scope (${ACCESS_TOKEN_SCOPES[identity.scope]}); ${method} ${path} needs the ${needed} scope (${ACCESS_TOKEN_SCOPES[needed]}). Use a client with that scope.`,
  );
}

/**
 * Badgr's other scopes, which Badgr integrations may ask for beside `rw:issuer`. They are not
 * this API's to grant, so a request naming them is served as if it had not (RFC 6749 §3.3 lets
 * the server ignore part of a request; the answer's `scope` says what was granted).
 */
const IGNORED_BADGR_SCOPES = new Set(['r:profile', 'rw:profile', 'rw:backpack', 'rw:serverAdmin']);

/**
 * The scope a token request gets: the client's own when it names none of ours, else the widest
 * one it names, which the client must hold. Asking for more, or for a scope nobody grants, is
 * `invalid_scope`.
 */
export function grantedScope(held: ApiClientScope, requested: string | undefined): ApiClientScope {
  const names = (requested ?? '').split(' ').filter((name) => name !== '' && !IGNORED_BADGR_SCOPES.has(name));
  if (names.length === 0) return held;
  const known = Object.values(ACCESS_TOKEN_SCOPES).join(', ');
  let widest: ApiClientScope = API_CLIENT_SCOPES[0];
  for (const name of names) {
    const scope = apiClientScopeOf(name);
    if (!scope) throw new OAuthError('invalid_scope', `Unknown scope "${name}". This server grants ${known}.`);
    if (scopeAllows(scope, widest)) widest = scope;
  }
  if (!scopeAllows(held, widest)) {
    throw new OAuthError('invalid_scope', `This client has the ${held} scope (${ACCESS_TOKEN_SCOPES[held]}) and cannot be granted ${ACCESS_TOKEN_SCOPES[widest]}.`);
  }
  return widest;
}
