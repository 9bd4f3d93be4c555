import { IRI_PATTERN } from '@badges/api-contracts';
import { parseJsonWithinLimits, type RecipientProfile } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

const FIELD = 'expected_recipient';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEPHONE = /^\+?[0-9][0-9 ().-]{3,30}$/;
/** The OB 2.0 recipient types (IdentityObject `type`), the keys of a RecipientProfile. */
const KINDS = ['email', 'url', 'telephone', 'id'] as const;
type Kind = (typeof KINDS)[number];
const MAX_IDENTIFIERS = 10;

/**
 * `expected_recipient`: who the badge should belong to, in plaintext; it is only compared with
 * the badge's (usually hashed) recipient and never stored, logged or published. A string whose
 * kind is recognised (email, http(s) URL, telephone, any other URI such as a DID), `{type,
 * identity}`, or a list of those (a person with several addresses). Multipart fields arrive as
 * text, so JSON text is accepted too. The badge's recipient type chooses which of them are tried;
 * an `id` recipient (a URI) is compared as OB 2.0 and the reference validator do: exactly, or its
 * salted hash, the given value only trimmed (URIs can be case-sensitive).
 */
export function parseExpectedRecipient(value: unknown): RecipientProfile | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const items = Array.isArray(value) ? value : [fromText(value)].flat();
  if (items.length === 0 || items.length > MAX_IDENTIFIERS) throw ApiError.validation(`expected_recipient takes 1 to ${MAX_IDENTIFIERS} identifiers.`, FIELD);
  const profile: Record<Kind, string[]> = { email: [], url: [], telephone: [], id: [] };
  for (const item of items) {
    const { kinds, identity } = identifier(item);
    for (const kind of kinds) profile[kind].push(identity);
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

function identifier(item: unknown): { kinds: readonly Kind[]; identity: string } {
  if (typeof item === 'string') return { kinds: kindsOf(item), identity: item.trim() };
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const { type, identity } = item as { type?: unknown; identity?: unknown };
    if (typeof identity !== 'string' || identity.trim() === '' || identity.length > 512) {
      throw ApiError.validation('expected_recipient.identity must be a non-empty string.', `${FIELD}.identity`);
    }
    if (!KINDS.includes(type as Kind)) throw ApiError.validation('expected_recipient.type must be one of email, url, telephone, id.', `${FIELD}.type`);
    return { kinds: [type as Kind], identity: identity.trim() };
  }
  throw ApiError.validation('expected_recipient must be an email, a URL or other URI, a telephone number or {type, identity}.', FIELD);
}

/** A web address may be a `url` recipient or an `id` one (issuers use both): it is tried as either. */
function kindsOf(raw: string): readonly Kind[] {
  const value = raw.trim();
  if (value.length > 512) throw ApiError.validation('expected_recipient is too long.', FIELD);
  if (/^https?:\/\//i.test(value)) return ['url', 'id'];
  if (EMAIL.test(value)) return ['email'];
  if (TELEPHONE.test(value)) return ['telephone'];
  if (IRI_PATTERN.test(value)) return ['id'];
  throw ApiError.validation('expected_recipient is not an email address, a URL or other URI (an id such as a DID), or a telephone number.', FIELD);
}
