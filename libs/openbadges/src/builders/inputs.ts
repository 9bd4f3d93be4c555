import type { RecipientType } from '../model/identity-object';

// Input shapes agreed with the issuer service: change them only together with its callers.
export type { RecipientType };

export interface AlignmentInput {
  targetName: string;
  targetUrl: string;
  targetDescription?: string;
  targetFramework?: string;
  targetCode?: string;
}

export interface IssuerProfileInput {
  id: string;
  name: string;
  url: string;
  email: string;
  description?: string;
  image?: string;
  telephone?: string;
  publicKey?: string[];
  revocationList?: string;
  verification?: { allowedOrigins?: string[]; startsWith?: string[] };
  endorsement?: string[];
}

/**
 * Properties named by a compact IRI under a prefix the OB v2 context declares (`schema:`, `dc:`):
 * option (b) of docs/public-document-fields.md. Both verifiers keep them as written; an undefined
 * value leaves the key out.
 */
export type ContextTerms = Partial<Record<`schema:${string}` | `dc:${string}`, string>>;

export interface BadgeClassInput {
  id: string;
  issuer: string;
  name: string;
  description: string;
  image: string;
  criteria: { id?: string; narrative?: string };
  alignment?: AlignmentInput[];
  tags?: string[];
  /** BCP47 language of name/description/criteria; rendered as the node's `@language`. */
  language?: string;
  /** Other editions (e.g. translations) of this badge class. */
  related?: { id: string; language: string; version?: string }[];
  version?: string;
  endorsement?: string[];
  /** More properties, e.g. `{ 'schema:educationalLevel': 'advanced' }`. */
  terms?: ContextTerms;
}

export interface EvidenceInput {
  id?: string;
  narrative?: string;
  name?: string;
  description?: string;
  genre?: string;
  audience?: string;
}

export type VerificationInput = { type: 'hosted' } | { type: 'signed'; creator: string };

export interface AssertionInput {
  id: string;
  badge: string;
  /**
   * `identity` is normally the final value (plaintext, or a `sha256$…` hash you made with
   * hashIdentity). If `hashed` is true and `identity` is still plaintext, the builder hashes it
   * (normalised, with `salt`, or a fresh salt when none is given) so plaintext never leaks.
   */
  recipient: { type: RecipientType; identity: string; hashed: boolean; salt?: string };
  issuedOn: string | Date;
  verification: VerificationInput;
  image?: string;
  evidence?: EvidenceInput[];
  narrative?: string;
  expires?: string | Date;
  endorsement?: string[];
}

export interface CryptographicKeyInput { id: string; owner: string; publicKeyPem: string }
export interface RevocationListInput {
  id: string;
  issuer: string;
  revokedAssertions: { id: string; revocationReason?: string }[];
}
export interface EndorsementInput {
  id: string;
  issuer: string;
  claim: { id: string; endorsementComment?: string };
  issuedOn: string | Date;
  verification: VerificationInput;
}
