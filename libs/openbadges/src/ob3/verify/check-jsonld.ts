import * as jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';

import { createBundledDocumentLoader } from '../../context/bundled-document-loader';
import { findForeignContextError } from '../../context/foreign-context-error';
import { text } from '../../report-texts/message-text';
import type { JsonNode } from '../../validation/present-values';
import { Ob3Code } from './codes';
import { failure, type Finding } from './types';

const loader = createBundledDocumentLoader();

/**
 * JsonLDValidationProbe: the credential expanded with the bundled contexts in safe mode. A term
 * no context defines would be silently dropped by JSON-LD (and left out of what the proof signs), so
 * safe mode turns it into an error, as does a context that is not bundled (never fetched).
 */
export async function checkJsonLd(credential: JsonNode): Promise<Finding[]> {
  try {
    await jsonld.expand(credential as JsonLdDocument, {
      // @types/jsonld lags jsonld@8: it types neither `safe` nor a promise-style loader.
      documentLoader: loader as unknown as Options.DocLoader['documentLoader'],
      safe: true,
    } as Options.Expand);
    return [];
  } catch (error) {
    return [failure(Ob3Code.JSONLD, whyNotJsonLd(error))];
  }
}

function whyNotJsonLd(error: unknown) {
  const foreign = findForeignContextError(error);
  if (foreign) return text('VC_UNKNOWN_CONTEXT', { context: foreign.url });
  const event = (error as { details?: { event?: { code?: string; message?: string; details?: { property?: unknown; type?: unknown } } } }).details?.event;
  if (event?.code === 'invalid property' && typeof event.details?.property === 'string') return text('VC_JSONLD_DROPPED', { property: event.details.property });
  if (event?.code === 'relative @type reference' && typeof event.details?.type === 'string') return text('VC_JSONLD_UNDEFINED_TYPE', { type: event.details.type });
  return text('VC_JSONLD_INVALID', { reason: event?.message ?? (error as Error).message ?? 'unknown error' });
}
