import type { Iri, JsonLdNode, OneOrMany } from './common';

/**
 * The v2 context maps both `HostedBadge` and its alias `hosted` to obi:HostedBadge (same for
 * signed). We emit the class names; received documents may use either spelling, and JSON-LD
 * compaction returns the shorter alias.
 */
export type HostedVerificationType = 'HostedBadge' | 'hosted';
export type SignedVerificationType = 'SignedBadge' | 'signed';

/** Verification of an Assertion or Endorsement. */
export interface AssertionVerification extends JsonLdNode {
  type: HostedVerificationType | SignedVerificationType;
  /** SignedBadge only: the CryptographicKey that signed it. */
  creator?: Iri;
}

/** An issuer's verification policy for hosted badges (Profile.verification). */
export interface IssuerVerificationPolicy extends JsonLdNode {
  type?: 'VerificationObject' | string;
  /** Hosts (no scheme) allowed to host the issuer's assertions. Default: the issuer id's host. */
  allowedOrigins?: OneOrMany<string>;
  /** URL prefixes an assertion id must start with. */
  startsWith?: OneOrMany<string>;
  verificationProperty?: string;
}
