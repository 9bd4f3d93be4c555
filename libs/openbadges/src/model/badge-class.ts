import type { Iri, JsonLdNode, Linked, OneOrMany } from './common';
import type { Image } from './image';
import type { Criteria } from './criteria';
import type { AlignmentObject } from './alignment-object';
import type { Profile } from './profile';

/** Another edition of this BadgeClass, e.g. a translation (OB 2.0 §Internationalization). */
export interface RelatedBadgeClass extends JsonLdNode {
  id: Iri;
  '@language'?: string;
  version?: string | number;
}

export interface BadgeClass extends JsonLdNode {
  id: Iri;
  type: OneOrMany<'BadgeClass' | string>;
  name: string;
  description: string;
  image: Image;
  criteria: Linked<Criteria>;
  issuer: Linked<Profile>;
  alignment?: OneOrMany<AlignmentObject>;
  tags?: OneOrMany<string>;
  related?: OneOrMany<RelatedBadgeClass>;
  version?: string | number;
  endorsement?: OneOrMany<Iri>;
}
