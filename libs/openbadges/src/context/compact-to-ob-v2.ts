import * as jsonld from 'jsonld';
import type { ContextDefinition, JsonLdDocument, Options } from 'jsonld';
import { createBundledDocumentLoader, OB_V2_CONTEXT_URL } from './bundled-document-loader';
import { findForeignContextError } from './foreign-context-error';

export type JsonObject = Record<string, unknown>;

const loader = createBundledDocumentLoader();

/**
 * Expand `doc` with whatever (bundled) context it declares, then compact it against the OB v2
 * context. This is how the reference validator normalises 1.x/2.0 documents and extension terms
 * into one vocabulary before validating, so validation can look at plain property names.
 *
 * Terms the contexts do not define are dropped by JSON-LD compaction; that is intended (they carry
 * no Open Badges meaning). Throws ForeignContextError when the document names an unbundled context.
 */
export async function compactToObV2(doc: JsonObject | JsonObject[]): Promise<JsonObject> {
  try {
    const compacted = await jsonld.compact(doc as JsonLdDocument, OB_V2_CONTEXT_URL as unknown as ContextDefinition, {
      // @types/jsonld lags jsonld@8: it types neither a context URL nor a promise-style loader.
      documentLoader: loader as unknown as Options.DocLoader['documentLoader'],
    });
    return compacted as unknown as JsonObject;
  } catch (err) {
    // Surface our own refusal as-is so callers can report "foreign_context" instead of a
    // generic JSON-LD failure.
    throw findForeignContextError(err) ?? err;
  }
}
