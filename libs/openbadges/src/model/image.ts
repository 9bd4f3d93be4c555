import type { Iri, JsonLdNode } from './common';

/** Image: a URL or (for BadgeClass/Profile only) a PNG/SVG data URI, optionally described. */
export interface ImageObject extends JsonLdNode {
  id: Iri;
  type?: 'Image' | string;
  caption?: string;
  author?: Iri;
}
export type Image = Iri | ImageObject;
