import { text } from '../../../report-texts/message-text';
import type { JsonNode } from '../../../validation/present-values';
import { digitalBazaar } from '../proof/digital-bazaar';
import type { Resolution } from './resolved-method';

/**
 * A did:key verification method, derived locally (the DID is the key; nothing is fetched):
 * `did:key:z6Mk…#z6Mk…` is the Ed25519 key `z6Mk…`, controlled by `did:key:z6Mk…`, which lists it
 * as its assertion method. Only Ed25519 keys are did:key keys this verifier can use.
 */
export async function resolveDidKey(methodId: string): Promise<Resolution> {
  const [did, fragment] = methodId.split('#');
  const multibase = did.slice('did:key:'.length);
  if (fragment === undefined) return { ok: false, problem: text('VC_KEY_BARE_DID', { method: methodId }) };
  if (fragment !== multibase) return { ok: false, problem: text('VC_KEY_NOT_FOUND', { method: methodId, document: did }) };
  if (!multibase.startsWith('z6Mk') || !(await isEd25519Multibase(multibase))) return { ok: false, problem: text('VC_KEY_UNUSABLE', { method: methodId }) };
  const controllerDocument: JsonNode = { id: did, verificationMethod: [{ id: methodId, type: 'Multikey', controller: did, publicKeyMultibase: multibase }], assertionMethod: [methodId] };
  return { ok: true, method: { id: methodId, controller: did, publicKeyMultibase: multibase, controllerDocument } };
}

async function isEd25519Multibase(publicKeyMultibase: string): Promise<boolean> {
  try {
    await (await digitalBazaar()).Ed25519Multikey.from({ publicKeyMultibase });
    return true;
  } catch {
    return false;
  }
}
