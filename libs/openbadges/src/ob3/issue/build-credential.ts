import type { AlignmentInput, EvidenceInput } from '../../builders/inputs';
import { toIsoUtc } from '../../builders/iso-date';
import { omitUndefined } from '../../builders/omit-undefined';
import { createSalt } from '../../recipient/create-salt';
import { hashIdentity, looksHashed } from '../../recipient/hash-identity';
import { normalizeIdentity } from '../../recipient/normalize-identity';
import { OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA, OB_V3_CREDENTIAL_CONTEXTS } from './credential-contexts';
import type { AchievementInput, CredentialIssuerInput, CredentialRecipientInput, OpenBadgeCredentialInput, StatusEntryInput } from './inputs';
import { STATUS_LIST_LENGTH } from './status-list';

export type OpenBadgeCredential = Record<string, unknown> & { id: string; type: string[] };

/** OB 3.0 `identityType` for each OB 2.0 recipient type that becomes an IdentityObject. */
const IDENTITY_TYPES = { email: 'emailAddress', url: 'url', telephone: 'phoneNumber' } as const;

/**
 * The unsigned OpenBadgeCredential (VC 2.0 data model, OB 3.0.3 context). Pure. Every property is a
 * term of the VC 2.0 or OB 3.0.3 context (checked by expanding in JSON-LD safe mode in the spec), and
 * undefined values and empty lists are left out, as OB 3.0 §serialization asks.
 */
export function buildOpenBadgeCredential(input: OpenBadgeCredentialInput): OpenBadgeCredential {
  const validFrom = toIsoUtc(input.validFrom, 'validFrom');
  const validUntil = input.validUntil === undefined ? undefined : toIsoUtc(input.validUntil, 'validUntil');
  if (validUntil !== undefined && Date.parse(validUntil) <= Date.parse(validFrom)) {
    throw new RangeError(`validUntil (${validUntil}) must be after validFrom (${validFrom}).`);
  }
  return omitUndefined({
    '@context': [...OB_V3_CREDENTIAL_CONTEXTS],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.achievement.name,
    issuer: buildIssuerProfile(input.issuer),
    validFrom,
    validUntil,
    credentialSubject: omitUndefined({
      ...buildSubjectIdentity(input.recipient),
      type: ['AchievementSubject'],
      achievement: buildAchievement(input.achievement),
      // The baked image of this award: OB 3.0 puts the earner's image on the subject (AchievementSubject.image).
      image: input.image === undefined ? undefined : image(input.image),
      // OB 3.0 keeps the award's narrative on the subject ("connects multiple pieces of evidence").
      narrative: input.narrative,
    }),
    evidence: input.evidence?.map(buildEvidence),
    credentialSchema: [{ ...OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA }],
    credentialStatus: buildStatusEntry(input.status),
  }) as OpenBadgeCredential;
}

function buildIssuerProfile(issuer: CredentialIssuerInput): Record<string, unknown> {
  return omitUndefined({
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    email: issuer.email,
    description: issuer.description,
    image: issuer.image === undefined ? undefined : image(issuer.image),
  });
}

/**
 * Languages. The OB 3.0.3 context gives no text property (`name`, `description`, `narrative`) a
 * `@container: @language`, and the OB 3.0 JSON Schema types them as plain strings, so a language map
 * would be refused by the schema and read as a nested node by JSON-LD. We therefore write the
 * achievement's own texts in its own language with `inLanguage`, and list each other edition as
 * `related` (`{id, type: ['Related'], inLanguage}`), which is how OB 3.0 says alternate language
 * editions are identified (Achievement.related; the implementation guide's migration example). The
 * edition's texts live at its URL, not in the credential.
 */
function buildAchievement(achievement: AchievementInput): Record<string, unknown> {
  return omitUndefined({
    id: achievement.id,
    type: ['Achievement'],
    name: achievement.name,
    description: achievement.description,
    criteria: omitUndefined({ id: achievement.criteria.id, narrative: achievement.criteria.narrative }),
    image: image(achievement.image),
    alignment: achievement.alignment?.map(buildAlignment),
    tag: achievement.tags,
    inLanguage: achievement.language,
    related: achievement.translations
      ?.filter((t) => t.language !== achievement.language)
      .map((t) => ({ id: t.id ?? editionUrl(achievement.id, t.language), type: ['Related'], inLanguage: t.language })),
    endorsement: achievement.endorsement,
  });
}

/** The platform's URL of one language edition of a badge: the badge URL with `?lang=` (as its 2.0 editions). */
function editionUrl(achievementId: string, language: string): string {
  if (!URL.canParse(achievementId)) throw new TypeError(`Achievement id "${achievementId}" is not a URL: give each translation its own id.`);
  const url = new URL(achievementId);
  url.searchParams.set('lang', language);
  return url.href;
}

function buildAlignment(alignment: AlignmentInput): Record<string, unknown> {
  return omitUndefined({
    type: ['Alignment'],
    targetName: alignment.targetName,
    targetUrl: alignment.targetUrl,
    targetDescription: alignment.targetDescription,
    targetFramework: alignment.targetFramework,
    targetCode: alignment.targetCode,
  });
}

function buildEvidence(evidence: EvidenceInput): Record<string, unknown> {
  return omitUndefined({
    id: evidence.id,
    type: ['Evidence'],
    narrative: evidence.narrative,
    name: evidence.name,
    description: evidence.description,
    genre: evidence.genre,
    audience: evidence.audience,
  });
}

/** `{id}` for a learner named by a DID or URL; otherwise one IdentityObject carrying the 2.0 assertion's hash and salt. */
function buildSubjectIdentity(recipient: CredentialRecipientInput): { id: string } | { identifier: Record<string, unknown>[] } {
  if (recipient.type === 'id') {
    if (!URL.canParse(recipient.identity)) throw new TypeError(`Recipient id "${recipient.identity}" is not a URL or DID.`);
    return { id: recipient.identity };
  }
  let { identity, salt } = recipient;
  if (recipient.hashed && !looksHashed(identity)) {
    // Asked for a hashed identity but given plaintext: hash it here (as buildAssertion does) so it is never published.
    salt ??= createSalt();
    identity = hashIdentity(normalizeIdentity(recipient.type, identity), salt, 'sha256');
  }
  return {
    identifier: [omitUndefined({ type: 'IdentityObject', identityHash: identity, identityType: IDENTITY_TYPES[recipient.type], hashed: recipient.hashed, salt })],
  };
}

function buildStatusEntry(status: StatusEntryInput): Record<string, unknown> {
  const index = status.statusListIndex;
  if (!Number.isSafeInteger(index) || index < 0 || index >= STATUS_LIST_LENGTH) {
    throw new RangeError(`statusListIndex ${index} is outside the list (0 … ${STATUS_LIST_LENGTH - 1}).`);
  }
  return {
    id: `${status.statusListCredential}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    // A string: the Bitstring Status List data model types statusListIndex as a string of digits.
    statusListIndex: String(index),
    statusListCredential: status.statusListCredential,
  };
}

function image(id: string): { id: string; type: 'Image' } {
  return { id, type: 'Image' };
}
