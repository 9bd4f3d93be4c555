/**
 * Shapes shared by every Open Badges 2.0 class, as they look after JSON-LD compaction against
 * https://w3id.org/openbadges/v2 (the form we publish and the form validation reads).
 */
export const OB_V2_CONTEXT = 'https://w3id.org/openbadges/v2' as const;

/** An IRI: an HTTP(S) URL, a `urn:uuid:` or a blank node id `_:b0`. */
export type Iri = string;
/** ISO 8601 date-time that carries a timezone designator, e.g. `2016-12-31T23:59:59Z`. */
export type DateTimeString = string;

/**
 * JSON-LD lets any property hold one value or an array of values, and a linked node may be given
 * either as its id or embedded. Consumers of received documents must handle all of these forms;
 * our builders always emit the narrowest one.
 */
export type OneOrMany<T> = T | T[];
export type Linked<T> = Iri | T;

/** Every node may carry the JSON-LD envelope keys and extension properties. */
export interface JsonLdNode {
  '@context'?: string | unknown[] | Record<string, unknown>;
  /** BCP47 tag for the node's text properties (OB 2.0 §Internationalization). */
  '@language'?: string;
  [extension: string]: unknown;
}
