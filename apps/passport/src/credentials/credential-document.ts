import { isImageError, JsonTooDeepError, parseJsonWithinLimits, unbakeBadgeImage, unbakeCredentialImage } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

import type { ExpectedRecipient } from '../imports/verification.client';

type Node = Record<string, unknown>;
type RecipientType = ExpectedRecipient['type'];

/** How an OB 3.0 credential is signed: an embedded proof (`ldp`) or as a compact VC-JWT (`jwt`). */
export type CredentialFormat = 'ldp' | 'jwt';

/**
 * An OB 3.0 credential as the passport keeps it: `text` exactly as it was given or served (the
 * JSON, or the compact JWS), so it verifies again anywhere, and `document` the credential it says
 * (a VC-JWT's `vc` claim, with the registered claims filled in where the claim left them out).
 */
export interface HeldCredential {
  format: CredentialFormat;
  text: string;
  document: Node;
}

/** What the passport files a credential under, read from the credential (never from a caller). */
export interface CredentialFacts {
  /** The credential's `id` and its issuer's, as OB 3.0's equality rule compares them (credentialKey). */
  id: string;
  issuerId: string;
  issuerName: string;
  achievementId: string;
  name: string;
  /** An http(s) image of the achievement (or the credential), or ''. */
  image: string;
  /** `credentialSubject.id`, when the learner is named by a URI. */
  subjectId?: string;
  /** `credentialSubject.identifier`s the passport can compare with a learner's confirmed identifiers. */
  identities: { type: RecipientType; identity: string; hashed: boolean; salt?: string }[];
  validFrom?: Date;
  validUntil?: Date;
}

const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;
/** Deepest credential the passport reads; the verifier has its own, smaller budget for what it checks. */
const MAX_DEPTH = 64;
/** OB 3.0 `identityType` → the passport's identifier types (other kinds, such as a student id, cannot match a learner). */
const IDENTITY_TYPES: Record<string, RecipientType> = { emailAddress: 'email', url: 'url', phoneNumber: 'telephone' };

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether a JSON document is an OB 3.0 credential (by its type: `OpenBadgeCredential` or its alias). */
export function isOpenBadgeCredential(value: unknown): value is Node {
  if (!isNode(value)) return false;
  const types = Array.isArray(value.type) ? value.type : [value.type];
  return types.some((type) => typeof type === 'string' && OB3_TYPES.includes(type));
}

/**
 * The OB 3.0 credential in what a learner or a wallet gave: a credential object, its JSON text,
 * or a compact VC-JWT (OB 3.0 §8.2: the credential in the `vc` claim, or as the whole payload).
 * Undefined for anything else, an OB 2.0 assertion or signed badge included: the caller goes on
 * with 2.0. Malformed JSON is not a credential; JSON nested too deep is refused (400).
 */
export function readCredential(given: string | Node): HeldCredential | undefined {
  if (isNode(given)) return isOpenBadgeCredential(given) ? { format: 'ldp', text: JSON.stringify(given), document: given } : undefined;
  const text = given.trim();
  if (text.startsWith('{')) {
    const parsed = parseOrUndefined(text);
    return isOpenBadgeCredential(parsed) ? { format: 'ldp', text, document: parsed } : undefined;
  }
  if (!COMPACT_JWS.test(text)) return undefined;
  const payload = parseOrUndefined(Buffer.from(text.split('.')[1], 'base64url').toString('utf8'));
  if (!isNode(payload)) return undefined;
  const claimed = isNode(payload.vc) ? payload.vc : payload;
  if (!isOpenBadgeCredential(claimed)) return undefined;
  // §8.2.4: `jti`, `iss` and `nbf` stand for the credential's id, issuer and validFrom when it leaves them out.
  const document: Node = { ...claimed };
  if (document.id === undefined && typeof payload.jti === 'string') document.id = payload.jti;
  if (document.issuer === undefined && typeof payload.iss === 'string') document.issuer = payload.iss;
  if (document.validFrom === undefined && document.issuanceDate === undefined && typeof payload.nbf === 'number') document.validFrom = new Date(payload.nbf * 1000).toISOString();
  return { format: 'jwt', text, document };
}

/**
 * The OB 3.0 credential baked in a badge image (PNG iTXt `openbadgecredential`, SVG
 * `<openbadges:credential>`), when the image holds no OB 2.0 badge: a 2.0 badge baked in it wins,
 * as the verification service decides. An image that cannot be read is left to the verifier to say so.
 */
export function bakedCredential(image: Buffer): HeldCredential | undefined {
  try {
    if (unbakeBadgeImage(image)) return undefined;
    const unbaked = unbakeCredentialImage(image);
    return unbaked ? readCredential(unbaked.credential) : undefined;
  } catch (error) {
    if (isImageError(error)) return undefined;
    throw error;
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return parseJsonWithinLimits(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    if (error instanceof JsonTooDeepError) throw ApiError.validation(`The credential is nested more than ${MAX_DEPTH} levels deep.`);
    return undefined;
  }
}

/**
 * OB 3.0's credential equality (§ "Credential equality and comparison"): ids compare after
 * percent-decoding and trimming. A badly encoded id is compared as written.
 */
export function credentialKey(id: string): string {
  try {
    return decodeURIComponent(id).trim();
  } catch {
    return id.trim();
  }
}

/** The facts of a credential the passport lists and files it by; undefined when it has no id or issuer id. */
export function credentialFacts(document: Node): CredentialFacts | undefined {
  const issuer = isNode(document.issuer) ? document.issuer : { id: document.issuer };
  const subject = firstNode(document.credentialSubject);
  const achievement = firstNode(subject?.achievement) ?? {};
  if (typeof document.id !== 'string' || typeof issuer.id !== 'string' || !document.id.trim() || !issuer.id.trim()) return undefined;
  const identities = asList(subject?.identifier).flatMap((identifier) => {
    if (!isNode(identifier)) return [];
    const type = typeof identifier.identityType === 'string' ? IDENTITY_TYPES[identifier.identityType] : undefined;
    if (!type || typeof identifier.identityHash !== 'string') return [];
    const salt = typeof identifier.salt === 'string' ? identifier.salt : undefined;
    return [{ type, identity: identifier.identityHash, hashed: identifier.hashed === true, ...(salt === undefined ? {} : { salt }) }];
  });
  const validFrom = date(document.validFrom) ?? date(document.issuanceDate) ?? date(document.awardedDate);
  const validUntil = date(document.validUntil) ?? date(document.expirationDate);
  return {
    id: credentialKey(document.id),
    issuerId: credentialKey(issuer.id),
    issuerName: text(issuer.name, 'Unknown issuer'),
    achievementId: typeof achievement.id === 'string' ? achievement.id.slice(0, 2048) : '',
    name: text(achievement.name, text(document.name, 'Untitled badge')),
    image: httpUrl(achievement.image) ?? httpUrl(document.image) ?? '',
    ...(typeof subject?.id === 'string' ? { subjectId: subject.id } : {}),
    identities,
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
  };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function firstNode(value: unknown): Node | undefined {
  return asList(value).find(isNode);
}

/** A language map (`{"en": "…"}`) gives its first text; plain text as it is. */
function text(value: unknown, fallback: string): string {
  const plain = isNode(value) ? Object.values(value).find((entry) => typeof entry === 'string') : value;
  return typeof plain === 'string' && plain.trim() ? plain.trim().slice(0, 500) : fallback;
}

function httpUrl(value: unknown): string | undefined {
  const url = isNode(value) ? value.id : value;
  return typeof url === 'string' && /^https?:\/\//.test(url) && url.length <= 2048 ? url : undefined;
}

function date(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
