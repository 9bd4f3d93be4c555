import type { RemoteDocument } from 'jsonld/jsonld-spec';
import { BUNDLED_DOCUMENTS } from './bundled-documents';
import { ForeignContextError } from './foreign-context-error';

export const OB_V2_CONTEXT_URL = 'https://w3id.org/openbadges/v2';
export const OB_V1_CONTEXT_URL = 'https://w3id.org/openbadges/v1';

export type BundledDocumentLoader = (url: string) => Promise<RemoteDocument>;

/** True when `url` is served from the bundled copies (exact match: no normalisation, no guessing). */
export function isBundledDocumentUrl(url: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUNDLED_DOCUMENTS, url);
}

/**
 * A jsonld.js documentLoader that only serves the contexts committed in ./contexts. Any other URL
 * is refused with ForeignContextError instead of being fetched: the processor must never reach
 * the network (design.md §5), and a foreign context could redefine the meaning of badge terms.
 * Documents are deep-copied per call because jsonld.js may annotate what it receives.
 */
export function createBundledDocumentLoader(): BundledDocumentLoader {
  return async (url: string): Promise<RemoteDocument> => {
    if (!isBundledDocumentUrl(url)) throw new ForeignContextError(url);
    return { contextUrl: undefined, documentUrl: url, document: structuredClone(BUNDLED_DOCUMENTS[url]) as RemoteDocument['document'] };
  };
}
