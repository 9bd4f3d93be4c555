import type { RecipientType } from '../model/identity-object';

/**
 * Canonical form of an identifier before hashing or comparing. Emails are case-insensitive in
 * practice and users paste them with stray spaces, so both sides must agree on one spelling or
 * a correct recipient would fail to match. Other types are only trimmed: URLs and ids can be
 * case-sensitive, and telephone numbers are expected in E.164 already.
 */
export function normalizeIdentity(type: RecipientType | string, identity: string): string {
  const trimmed = identity.trim();
  return type === 'email' ? trimmed.toLowerCase() : trimmed;
}
