import type { AuditAction, AuditTargetType } from '@badges/api-contracts/types';

/**
 * The contract's action codes, in its order, for the action filter. `satisfies Record` makes the
 * compiler flag a code the contract has and this list lacks (the web imports types only); each
 * code's label is its path under `consolePeople.audit.actions` (`assertion.awarded` → `assertion: {awarded}`).
 */
export const AUDIT_ACTION_CODES = Object.keys({
  'assertion.awarded': 1,
  'assertion.updated': 1,
  'assertion.revoked': 1,
  'bulk_award.started': 1,
  'bulk_award.finished': 1,
  'issuer.created': 1,
  'issuer.updated': 1,
  'issuer.deleted': 1,
  'badge_class.created': 1,
  'badge_class.updated': 1,
  'badge_class.deleted': 1,
  'signing_key.created': 1,
  'signing_key.rotated': 1,
  'endorsement.requested': 1,
  'endorsement.approved': 1,
  'endorsement.declined': 1,
  'endorsement.withdrawn': 1,
  'client.created': 1,
  'client.rotated': 1,
  'client.revoked': 1,
  'staff.invited': 1,
  'staff.joined': 1,
  'staff.roles_changed': 1,
  'staff.removed': 1,
  'staff.sessions_revoked': 1,
  'staff.password_reset': 1,
  'institution.renamed': 1,
  'institution.suspended': 1,
  'institution.reactivated': 1,
  'staff.created': 1,
  'staff.signed_in_sso': 1,
  'sso.configured': 1,
  'sso.removed': 1,
} satisfies Record<AuditAction, 1>) as AuditAction[];

/**
 * Where the console shows what an entry is about, if it shows it anywhere: an issuer's and a
 * badge class's own pages, an assertion's verification (its public URL on this deployment).
 * Nothing once the entry says the thing was deleted.
 */
export function targetHref(action: AuditAction, target: { type: AuditTargetType; entityId: string }): string | undefined {
  if (action.endsWith('.deleted')) return undefined;
  const id = encodeURIComponent(target.entityId);
  switch (target.type) {
    case 'Issuer':
      return `/console/issuers/${id}`;
    case 'BadgeClass':
      return `/console/badge-classes/${id}`;
    case 'Assertion':
      return `/verify?${new URLSearchParams({ url: `${window.location.origin}/public/assertions/${target.entityId}` })}`;
    default:
      return undefined;
  }
}
