import type { ValueType } from './value-types';

/**
 * The OB 2.0 classes we validate. Verification objects are split by role because an Assertion's
 * verification (HostedBadge/SignedBadge) and an issuer's policy (allowedOrigins...) have
 * different rules, as in the reference validator.
 */
export type ObClass =
  | 'Assertion'
  | 'BadgeClass'
  | 'Profile'
  | 'IdentityObject'
  | 'AssertionVerification'
  | 'IssuerVerification'
  | 'Criteria'
  | 'Evidence'
  | 'AlignmentObject'
  | 'Image'
  | 'CryptographicKey'
  | 'RevocationList'
  | 'Endorsement'
  | 'EndorsementClaim'
  | 'RelatedBadgeClass';

/**
 * One property rule. `type: 'ID'` means "an IRI reference or an embedded node of
 * `expectedClass`" (validated recursively when embedded).
 */
export interface PropertyRule {
  prop: string;
  type: ValueType | 'ID' | 'RDF_TYPE';
  required?: boolean;
  many?: boolean;
  expectedClass?: ObClass;
  /** ID properties: may the value be a data: URI (images)? */
  allowDataUri?: boolean;
  /** RDF_TYPE: at least one of these classes must be present. */
  mustContainOne?: readonly string[];
}

const id = (required = true): PropertyRule => ({ prop: 'id', type: 'IRI', required });
const rdfType = (mustContainOne?: string[], required = true): PropertyRule => ({ prop: 'type', type: 'RDF_TYPE', required, mustContainOne });
const text = (prop: string, required = false, many = false): PropertyRule => ({ prop, type: 'TEXT', required, many });

export const CLASS_RULES: Record<ObClass, readonly PropertyRule[]> = {
  Assertion: [
    id(),
    rdfType(['Assertion']),
    { prop: 'recipient', type: 'ID', required: true, expectedClass: 'IdentityObject' },
    { prop: 'badge', type: 'ID', required: true, expectedClass: 'BadgeClass' },
    { prop: 'verification', type: 'ID', required: true, expectedClass: 'AssertionVerification' },
    { prop: 'issuedOn', type: 'DATETIME', required: true },
    { prop: 'expires', type: 'DATETIME' },
    // Spec: an Assertion image is a URL (typically the baked badge), never a data URI.
    { prop: 'image', type: 'ID', expectedClass: 'Image', allowDataUri: false },
    { prop: 'narrative', type: 'MARKDOWN_TEXT' },
    { prop: 'evidence', type: 'ID', many: true, expectedClass: 'Evidence' },
    { prop: 'endorsement', type: 'ID', many: true, expectedClass: 'Endorsement' },
  ],
  BadgeClass: [
    id(),
    rdfType(['BadgeClass']),
    { prop: 'issuer', type: 'ID', required: true, expectedClass: 'Profile' },
    text('name', true),
    text('description', true),
    // Presence of image is checked by IMAGE_VALIDATION (as the reference validator does).
    { prop: 'image', type: 'ID', expectedClass: 'Image', allowDataUri: true },
    { prop: 'criteria', type: 'ID', required: true, expectedClass: 'Criteria' },
    { prop: 'alignment', type: 'ID', many: true, expectedClass: 'AlignmentObject' },
    text('tags', false, true),
    { prop: 'related', type: 'ID', many: true, expectedClass: 'RelatedBadgeClass' },
    { prop: 'version', type: 'TEXT_OR_NUMBER' },
    { prop: 'endorsement', type: 'ID', many: true, expectedClass: 'Endorsement' },
  ],
  Profile: [
    id(),
    rdfType(['Issuer', 'Profile']),
    text('name', true),
    text('description'),
    { prop: 'image', type: 'ID', expectedClass: 'Image', allowDataUri: true },
    { prop: 'url', type: 'URL', required: true },
    // The spec requires email on issuer Profiles (the released validator never checks it).
    { prop: 'email', type: 'EMAIL', required: true },
    { prop: 'telephone', type: 'TELEPHONE' },
    { prop: 'publicKey', type: 'ID', many: true, expectedClass: 'CryptographicKey' },
    { prop: 'verification', type: 'ID', expectedClass: 'IssuerVerification' },
    { prop: 'revocationList', type: 'ID', expectedClass: 'RevocationList' },
    { prop: 'endorsement', type: 'ID', many: true, expectedClass: 'Endorsement' },
  ],
  IdentityObject: [
    { prop: 'type', type: 'COMPACT_IRI', required: true },
    { prop: 'identity', type: 'TEXT', required: true },
    { prop: 'hashed', type: 'BOOLEAN', required: true },
    text('salt'),
  ],
  AssertionVerification: [
    rdfType(['HostedBadge', 'SignedBadge']),
    { prop: 'creator', type: 'ID', expectedClass: 'CryptographicKey' },
  ],
  IssuerVerification: [
    rdfType(undefined, false),
    { prop: 'startsWith', type: 'URL', many: true },
    { prop: 'allowedOrigins', type: 'URL_AUTHORITY', many: true },
    { prop: 'verificationProperty', type: 'COMPACT_IRI' },
  ],
  Criteria: [id(false), rdfType(undefined, false), { prop: 'narrative', type: 'MARKDOWN_TEXT' }],
  Evidence: [
    id(false),
    rdfType(undefined, false),
    { prop: 'narrative', type: 'MARKDOWN_TEXT' },
    text('name'),
    text('description'),
    text('genre'),
    text('audience'),
  ],
  AlignmentObject: [
    rdfType(undefined, false),
    text('targetName', true),
    { prop: 'targetUrl', type: 'URL', required: true },
    text('targetDescription'),
    text('targetFramework'),
    text('targetCode'),
  ],
  Image: [
    { prop: 'id', type: 'DATA_URI_OR_URL', required: true },
    rdfType(undefined, false),
    text('caption'),
    { prop: 'author', type: 'IRI' },
  ],
  CryptographicKey: [
    id(),
    rdfType(['CryptographicKey'], false),
    { prop: 'owner', type: 'IRI' },
    text('publicKeyPem', true),
  ],
  RevocationList: [id(), rdfType(['RevocationList'], false), { prop: 'issuer', type: 'IRI' }, { prop: 'revokedAssertions', type: 'ANY', many: true }],
  Endorsement: [
    id(),
    rdfType(['Endorsement']),
    { prop: 'claim', type: 'ID', required: true, expectedClass: 'EndorsementClaim' },
    { prop: 'issuedOn', type: 'DATETIME', required: true },
    { prop: 'issuer', type: 'ID', required: true, expectedClass: 'Profile' },
    { prop: 'verification', type: 'ID', required: true, expectedClass: 'AssertionVerification' },
  ],
  EndorsementClaim: [id(), { prop: 'endorsementComment', type: 'MARKDOWN_TEXT' }],
  RelatedBadgeClass: [id(), { prop: 'version', type: 'TEXT_OR_NUMBER' }],
};
