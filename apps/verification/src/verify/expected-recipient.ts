import { parseJsonWithinLimits, type RecipientProfile } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

const FIELD = 'expected_recipient';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEPHONE = /^\+?[0-9][0-9 ().-]{3,30}$/;
const KINDS = ['email', 'url', 'telephone'] as const;
type Kind = (typeof KINDS)[number];
const MAX_IDENTIFIERS = 10;

/**
 * `expected_recipient`: who the badge should belong to, in plaintext; it is only compared with
 * the badge's (usually hashed) recipient and never stored, logged or published. A string whose
 * kind is recognised (email, http(s) URL, telephone), `{type, identity}`, or a list of those (a
 * person with several addresses). Multipart fields arrive as text, so JSON text is accepted too.
 */
export function parseExpectedRecipient(value: unknown): RecipientProfile | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const items = Array.isArray(value) ? value : [fromText(value)].flat();
  if (items.length === 0 || items.length > MAX_IDENTIFIERS) throw ApiError.validation(`expected_recipient takes 1 to ${MAX_IDENTIFIERS} identifiers.`, FIELD);
  const profile: Record<Kind, string[]> = { email: [], url: [], telephone: [] };
  for (const item of items) {
    const { kind, identity } = identifier(item);
    profile[kind].push(identity);
  }
  return Object.fromEntries(Object.entries(profile).filter(([, list]) => list.length > 0)) as RecipientProfile;
}

function fromText(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    return parseJsonWithinLimits(value, { maxDepth: 4 });
  } catch {
    throw ApiError.validation('expected_recipient is not valid JSON, or is nested deeper than a list of identifiers is.', FIELD);
  }
}

function identifier(item: unknown): { kind: Kind; identity: string } {
  if (typeof item === 'string') return { kind: kindOf(item), identity: item.trim() };
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const { type, identity } = item as { type?: unknown; identity?: unknown };
    if (typeof identity !== 'string' || identity.trim() === '' || identity.length > 512) {
      throw ApiError.validation('expected_recipient.identity must be a non-empty string.', `${FIELD}.identity`);
    }
    if (!KINDS.includes(type as Kind)) throw ApiError.validation('expected_recipient.type must be one of email, url, telephone.', `${FIELD}.type`);
    return { kind: type as Kind, identity: identity.trim() };
  }
  throw ApiError.validation('expected_recipient must be an email, a URL, a telephone number or {type, identity}.', FIELD);
}

function kindOf(raw: string): Kind {
  const value = raw.trim();
  if (value.length > 512) throw ApiError.validation('expected_recipient is too long.', FIELD);
  if (/^https?:\/\//i.test(value)) return 'url';
  if (EMAIL.test(value)) return 'email';
  if (TELEPHONE.test(value)) return 'telephone';
  throw ApiError.validation('expected_recipient is not an email address, an http(s) URL or a telephone number.', FIELD);
}
