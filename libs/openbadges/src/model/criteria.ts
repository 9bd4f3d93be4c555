import type { Iri, JsonLdNode } from './common';

/** Criteria needs at least one of `id` (a page describing them) or `narrative` (Markdown). */
export interface Criteria extends JsonLdNode {
  id?: Iri;
  type?: 'Criteria' | string;
  narrative?: string;
}
