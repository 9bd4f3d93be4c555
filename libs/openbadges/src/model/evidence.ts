import type { Iri, JsonLdNode } from './common';

export interface Evidence extends JsonLdNode {
  id?: Iri;
  type?: 'Evidence' | string;
  narrative?: string;
  name?: string;
  description?: string;
  genre?: string;
  audience?: string;
}
