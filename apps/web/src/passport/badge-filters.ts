import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

export const BADGE_FILTERS = ['all', 'pending', 'accepted', 'revoked'] as const;
export type BadgeFilter = (typeof BADGE_FILTERS)[number];

/** The gallery's filters, as they read in its address (?show=…&issuer=…) so Back returns to them. */
export function filterFrom(value: string | null): BadgeFilter {
  return BADGE_FILTERS.find((filter) => filter === value) ?? 'all';
}

/** Declined badges are gone from the learner's view; revoked ones stay, marked, under "revoked" and "all". */
export function matches(badge: BackpackAssertionV2, show: BadgeFilter, issuer: string | null): boolean {
  if (badge.status === 'declined') return false;
  if (issuer && badge.issuer !== issuer) return false;
  if (show === 'pending') return badge.status === 'pending' && !badge.revoked;
  if (show === 'accepted') return badge.status === 'accepted' && !badge.revoked;
  if (show === 'revoked') return badge.revoked;
  return true;
}

/** Each issuer once, by name, for the issuer filter (names as the issuer entered them). */
export function issuersOf(badges: BackpackAssertionV2[]): { id: string; name: string }[] {
  const byId = new Map(badges.map((badge) => [badge.issuer, badge.issuerName]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
