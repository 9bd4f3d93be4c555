import type { DateTimeString, Iri, JsonLdNode, Linked } from './common';
import type { AssertionVerification } from './verification-object';
import type { Profile } from './profile';

/** The endorsed node (Profile, BadgeClass or Assertion) plus the endorser's comment. */
export interface EndorsementClaim extends JsonLdNode {
  id: Iri;
  endorsementComment?: string;
}

export interface Endorsement extends JsonLdNode {
  id: Iri;
  type: 'Endorsement' | string;
  claim: EndorsementClaim;
  issuer: Linked<Profile>;
  issuedOn: DateTimeString;
  verification: AssertionVerification;
  revoked?: boolean;
  revocationReason?: string;
}
