import type { RecipientProfile } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

const FIELD = 'expected_recipient';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEPHONE = /^\+?[0-9][0-9 ().-]{3,30}$/;
const KINDS = ['email', 'url', 'telephone'] as const;

/**
 * `expected_recipient`: who the badge should belong to, in plaintext; it is only compared with
 * the badge's (usually hashed) recipient and never stored, logged or published. Either a string,
 * whose kind is recognised (email, http(s) URL, telephone), or `{type, identity}`.
 */
export function parseExpectedRecipient(value: unknown): RecipientProfile | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return { [kindOf(value)]: value.trim() };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { type, identity } = value as { type?: unknown; identity?: unknown };
    if (typeof identity !== 'string' || identity.trim() === '' || identity.length > 512) {
      throw ApiError.validation('expected_recipient.identity must be a non-empty string.', `${FIELD}.identity`);
    }
    if (!KINDS.includes(type as (typeof KINDS)[number])) {
      throw ApiError.validation('expected_recipient.type must be one of email, url, telephone.', `${FIELD}.type`);
    }
    return { [type as string]: identity.trim() };
  }
  throw ApiError.validation('expected_recipient must be an email, a URL, a telephone number or {type, identity}.', FIELD);
}

function kindOf(raw: string): (typeof KINDS)[number] {
  const value = raw.trim();
  if (value.length > 512) throw ApiError.validation('expected_recipient is too long.', FIELD);
  if (/^https?:\/\//i.test(value)) return 'url';
  if (EMAIL.test(value)) return 'email';
  if (TELEPHONE.test(value)) return 'telephone';
  throw ApiError.validation('expected_recipient is not an email address, an http(s) URL or a telephone number.', FIELD);
}
