import type { DateTimeString, Iri, JsonLdNode, Linked, OneOrMany } from './common';
import type { IdentityObject } from './identity-object';
import type { AssertionVerification } from './verification-object';
import type { Evidence } from './evidence';
import type { BadgeClass } from './badge-class';

export interface Assertion extends JsonLdNode {
  id: Iri;
  type: OneOrMany<'Assertion' | string>;
  recipient: IdentityObject;
  badge: Linked<BadgeClass>;
  verification: AssertionVerification;
  issuedOn: DateTimeString;
  /** Assertion images are never data URIs: the spec wants a URL (usually the baked image). */
  image?: Iri;
  evidence?: OneOrMany<Linked<Evidence>>;
  narrative?: string;
  expires?: DateTimeString;
  revoked?: boolean;
  revocationReason?: string;
  endorsement?: OneOrMany<Iri>;
}

/** What a hosted assertion URL serves once revoked (spec example "revoked hosted assertion"). */
export interface RevokedAssertion extends JsonLdNode {
  id: Iri;
  type: 'Assertion';
  revoked: true;
  revocationReason?: string;
}
