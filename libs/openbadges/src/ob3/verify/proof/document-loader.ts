import { createBundledDocumentLoader } from '../../../context/bundled-document-loader';
import type { JsonNode } from '../../../validation/present-values';
import type { ResolvedMethod } from '../keys/resolved-method';

const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
const ED25519_2020_V1 = 'https://w3id.org/security/suites/ed25519-2020/v1';

/** The key type each proof suite reads (the same Ed25519 key, written as that suite expects it). */
export type SuiteKeyType = 'Multikey' | 'Ed25519VerificationKey2020';

export type ProofDocumentLoader = (url: string) => Promise<{ documentUrl: string; document: unknown; contextUrl: null }>;

/**
 * The document loader the proof libraries get: the bundled contexts, and the keys and controllers
 * this verifier has already resolved and checked (resolve-method.ts), written in the plain form the
 * libraries read (a DID-context controller document listing exactly the checked assertion methods).
 * Anything else is refused, so a library can never fetch on its own.
 */
export function proofDocumentLoader(methods: ReadonlyArray<{ method: ResolvedMethod; keyType: SuiteKeyType }>): ProofDocumentLoader {
  const bundled = createBundledDocumentLoader();
  const documents = new Map<string, JsonNode>();
  const assertions = new Map<string, string[]>();
  for (const { method, keyType } of methods) {
    if (!documents.has(method.id)) {
      documents.set(method.id, {
        '@context': keyType === 'Multikey' ? MULTIKEY_V1 : ED25519_2020_V1,
        id: method.id,
        type: keyType,
        controller: method.controller,
        publicKeyMultibase: method.publicKeyMultibase,
      });
    }
    assertions.set(method.controller, [...(assertions.get(method.controller) ?? []), method.id]);
  }
  for (const [controller, ids] of assertions) {
    if (documents.has(controller)) continue;
    documents.set(controller, { '@context': [DID_V1, MULTIKEY_V1, ED25519_2020_V1], id: controller, assertionMethod: ids });
  }
  return async (url: string) => {
    const document = documents.get(url);
    if (document) return { documentUrl: url, document: structuredClone(document), contextUrl: null };
    const loaded = await bundled(url);
    return { documentUrl: loaded.documentUrl, document: loaded.document, contextUrl: null };
  };
}
