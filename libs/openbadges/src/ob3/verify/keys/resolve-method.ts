import { text } from '../../../report-texts/message-text';
import { asArray, isJsonNode, type JsonNode } from '../../../validation/present-values';
import type { CredentialRun } from '../run-context';
import { resolveDidKey } from './did-key';
import { resolvableDidWebUrl } from './did-web';
import type { Resolution, ResolvedMethod } from './resolved-method';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Finds the key a proof (or a VC-JWT's kid) names, and the controller document that lists it as an
 * assertion method (Data Integrity's "retrieve verification method" and proof purpose check):
 * - `did:key:…#…` is derived locally;
 * - `did:web:…#…` reads the DID document where the did:web method says it lives;
 * - `https://…` reads the key document, or the controller document holding it (`…#fragment`), and
 *   then its controller's document when that is another one.
 * Every read goes through the run's fetcher (SSRF-safe, bounded); any other scheme or DID method is
 * refused with a message saying which. Documents are read as plain JSON (no JSON-LD processing).
 */
export async function resolveVerificationMethod(methodId: unknown, run: CredentialRun): Promise<Resolution> {
  if (typeof methodId !== 'string' || !SCHEME.test(methodId)) return refuse(text('VC_KEY_NOT_URI', { method: typeof methodId === 'string' ? methodId : JSON.stringify(methodId ?? null) }));
  const scheme = (SCHEME.exec(methodId) as RegExpExecArray)[1].toLowerCase();
  if (scheme === 'did') {
    const didMethod = methodId.split(':')[1] ?? '';
    if (didMethod === 'key') return resolveDidKey(methodId);
    if (didMethod === 'web') return resolveDidWeb(methodId, run);
    return refuse(text('VC_KEY_DID_METHOD_REFUSED', { method: methodId, didMethod }));
  }
  if (scheme === 'http' || scheme === 'https') return resolveHttpMethod(methodId, run);
  return refuse(text('VC_KEY_SCHEME_REFUSED', { method: methodId, scheme }));
}

async function resolveDidWeb(methodId: string, run: CredentialRun): Promise<Resolution> {
  const [did, fragment] = methodId.split('#');
  if (fragment === undefined) return refuse(text('VC_KEY_BARE_DID', { method: methodId }));
  const url = resolvableDidWebUrl(did, run.options.didWebHttpHosts);
  if (!url) return refuse(text('VC_KEY_NOT_URI', { method: methodId }));
  const fetched = await run.fetchJson(url);
  if (!fetched.ok) return refuse(fetched.problem);
  const document = fetched.value;
  if (document.id !== did) return refuse(text('VC_DID_DOCUMENT_MISMATCH', { did, url }));
  return fromControllerDocument(methodId, document, did, run);
}

async function resolveHttpMethod(methodId: string, run: CredentialRun): Promise<Resolution> {
  const documentUrl = methodId.split('#')[0];
  const fetched = await run.fetchJson(documentUrl);
  if (!fetched.ok) return refuse(fetched.problem);
  const document = fetched.value;
  // A key document of its own (`{id, type, controller, publicKey…}`), or a controller document listing it.
  if (document.id === methodId && hasKeyMaterial(document)) {
    if (typeof document.controller !== 'string') return refuse(text('VC_KEY_NOT_ASSERTION', { method: methodId, controller: documentUrl }));
    const controller = await loadController(document.controller, run);
    if (!controller.ok) return controller;
    return withAssertionCheck(keyOf(methodId, document, document.controller), controller.document);
  }
  // A document speaks only for the address it was read from: one that claims another id (the
  // issuer's, say) would let any server vouch for keys in someone else's name.
  if (document.id !== undefined && document.id !== documentUrl) return refuse(text('VC_DID_DOCUMENT_MISMATCH', { did: documentUrl, url: documentUrl }));
  return fromControllerDocument(methodId, document, documentUrl, run);
}

/** The method inside a controller document (DID document or https controller document), by absolute or relative id. */
async function fromControllerDocument(methodId: string, document: JsonNode, documentId: string, run: CredentialRun): Promise<Resolution> {
  const method = [...asArray(document.verificationMethod), ...asArray(document.assertionMethod)].find(
    (candidate): candidate is JsonNode => isJsonNode(candidate) && sameId(candidate.id, methodId, documentId),
  );
  if (!method) return refuse(text('VC_KEY_NOT_FOUND', { method: methodId, document: documentId }));
  if (!hasKeyMaterial(method)) return refuse(text('VC_KEY_UNUSABLE', { method: methodId }));
  const controllerId = typeof method.controller === 'string' ? absolute(method.controller, documentId) : documentId;
  if (controllerId === documentId) return withAssertionCheck(keyOf(methodId, method, controllerId), document);
  const controller = await loadController(controllerId, run);
  if (!controller.ok) return controller;
  return withAssertionCheck(keyOf(methodId, method, controllerId), controller.document);
}

/** A controller named by a key: its document, which must say it is that controller. */
async function loadController(controllerId: string, run: CredentialRun): Promise<{ ok: true; document: JsonNode } | { ok: false; problem: ReturnType<typeof text> }> {
  let url: string | undefined;
  if (/^https?:\/\//i.test(controllerId)) url = controllerId;
  else if (controllerId.startsWith('did:web:')) url = resolvableDidWebUrl(controllerId, run.options.didWebHttpHosts);
  if (!url) return refuse(text('VC_KEY_NOT_URI', { method: controllerId }));
  const fetched = await run.fetchJson(url);
  if (!fetched.ok) return refuse(fetched.problem);
  if (fetched.value.id !== undefined && fetched.value.id !== controllerId) return refuse(text('VC_DID_DOCUMENT_MISMATCH', { did: controllerId, url }));
  return { ok: true, document: { ...fetched.value, id: controllerId } };
}

/** The controller must list the method among those allowed to sign credentials (assertionMethod). */
function withAssertionCheck(method: ResolvedMethod, controllerDocument: JsonNode): Resolution {
  const controllerId = String(controllerDocument.id);
  const listed = asArray(controllerDocument.assertionMethod).some((entry) => sameId(isJsonNode(entry) ? entry.id : entry, method.id, controllerId));
  if (!listed) return refuse(text('VC_KEY_NOT_ASSERTION', { method: method.id, controller: method.controller }));
  return { ok: true, method: { ...method, controllerDocument } };
}

function keyOf(id: string, node: JsonNode, controller: string): ResolvedMethod {
  return {
    id,
    controller,
    ...(typeof node.publicKeyMultibase === 'string' ? { publicKeyMultibase: node.publicKeyMultibase } : {}),
    ...(isJsonNode(node.publicKeyJwk) ? { publicKeyJwk: node.publicKeyJwk } : {}),
    controllerDocument: {},
  };
}

function hasKeyMaterial(node: JsonNode): boolean {
  return typeof node.publicKeyMultibase === 'string' || isJsonNode(node.publicKeyJwk);
}

/** `#key-1` in a document whose id is `did:web:x` names `did:web:x#key-1`. */
function sameId(candidate: unknown, methodId: string, documentId: string): boolean {
  return typeof candidate === 'string' && absolute(candidate, documentId) === methodId;
}

function absolute(id: string, documentId: string): string {
  return id.startsWith('#') ? `${documentId.split('#')[0]}${id}` : id;
}

function refuse(problem: ReturnType<typeof text>): { ok: false; problem: ReturnType<typeof text> } {
  return { ok: false, problem };
}
