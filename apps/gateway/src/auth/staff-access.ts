import { ApiError, ErrorCode, hasAnyStaffRole } from '@badges/service-kit';

import type { CallerIdentity, StaffIdentity } from './caller';
import { isStaff } from './caller';
import { requireScope } from './client-scope';
import { findPathRule, READ_METHODS, type PathRule } from './path-rules';

/**
 * What the gateway requires of a person's roles, from the method and path alone (it does not know
 * which issuer a badge class or an assertion belongs to: the issuer service checks the per-issuer
 * rule with the `x-badges-staff-roles` header, service-kit's staff-roles.ts):
 * - `admin`: the institution's own business: its people, API clients, webhooks (which see every
 *   event of the institution), its audit trail, its single sign-on, new issuers (no role can exist
 *   on an issuer not made yet), its award-email template (every issuer's awards use it) and its
 *   endorser Profile and keys (an endorsement speaks for the institution; answering a request is
 *   checked by the endorsement service, which knows which side the caller is on; decision 0034);
 * - `any-role`: every other write; a person with no role at all only reads;
 * - reads need nothing more than a live session.
 */
type StaffNeed = 'admin' | 'any-role' | 'nothing';

const STAFF_RULES: readonly (PathRule & { need: StaffNeed })[] = [
  { method: 'GET', path: '/v2/staff/self', need: 'nothing' },
  { method: '*', path: '/v2/staff/**', need: 'admin' },
  { method: '*', path: '/v2/clients/**', need: 'admin' },
  { method: '*', path: '/v2/webhooks/**', need: 'admin' },
  { method: '*', path: '/v2/audit/**', need: 'admin' },
  { method: '*', path: '/v2/institutions/self/sso', need: 'admin' },
  { method: 'POST', path: '/v2/issuers', need: 'admin' },
  { method: 'PUT', path: '/v2/notifications/templates/*', need: 'admin' },
  { method: 'DELETE', path: '/v2/notifications/templates/*', need: 'admin' },
  { method: 'PUT', path: '/v2/endorsers/self', need: 'admin' },
  { method: 'POST', path: '/v2/endorsers/self/keys/rotate', need: 'admin' },
];

export function staffNeed(method: string, path: string): StaffNeed {
  const rule = findPathRule(STAFF_RULES, method, path);
  if (rule) return rule.need;
  return READ_METHODS.has(method) ? 'nothing' : 'any-role';
}

/**
 * 403 `forbidden` unless the caller may send `method` to `path`: the token's scope (clients and
 * people alike, client-scope.ts), then a person's roles (STAFF_RULES).
 */
export function requireAccess(caller: CallerIdentity, method: string, path: string): void {
  requireScope(caller, method, path);
  if (isStaff(caller)) requireStaffRole(caller, method, path);
}

function requireStaffRole(person: StaffIdentity, method: string, path: string): void {
  const need = staffNeed(method, path);
  if (need === 'nothing' || person.roles.admin) return;
  if (need === 'any-role' && hasAnyStaffRole(person.roles)) return;
  throw new ApiError(
    403,
    ErrorCode.Forbidden,
    need === 'admin'
      ? `${method} ${path} is for the institution's admins. Ask one of them to do it, or to give you the admin role.`
      : `You have no role in this institution yet, so you may only read. Ask an admin of your institution for a role on an issuer.`,
  );
}
