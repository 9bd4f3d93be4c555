import type { Iri, JsonLdNode } from './common';

/** Entries may be a bare assertion id, or an object with id (or uid) and a reason. */
export type RevokedAssertionEntry = Iri | { id?: Iri; uid?: string; revocationReason?: string };

export interface RevocationList extends JsonLdNode {
  '@context'?: string;
  id: Iri;
  type: 'RevocationList';
  issuer: Iri;
  revokedAssertions: RevokedAssertionEntry[];
}
