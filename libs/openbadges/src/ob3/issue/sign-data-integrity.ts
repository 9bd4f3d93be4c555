import { createPrivateKey, createPublicKey } from 'node:crypto';

import type { Ed25519MultikeyPair } from '@digitalbazaar/ed25519-multikey';
import { createBundledDocumentLoader } from '../../context/bundled-document-loader';
import type { OpenBadgeCredential } from './build-credential';
import { ed25519Jwk } from './ed25519-key';
import { KeyCache } from './key-cache';

export interface DataIntegritySigner {
  /** `{did}#{keyId}` */
  verificationMethod: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

const documentLoader = createBundledDocumentLoader();
// PEM → JWK → Multikey once per key, not once per credential: a bulk award signs thousands with one key.
const keys = new KeyCache<Ed25519MultikeyPair>();

/**
 * Adds a `DataIntegrityProof` (eddsa-rdfc-2022, proofPurpose assertionMethod) with the bundled document
 * loader. `created` defaults to now. The credential given is not changed. Canonicalisation runs JSON-LD
 * in safe mode, so a credential with a term no context defines is refused here rather than signed.
 */
export async function signWithDataIntegrity<T extends Record<string, unknown>>(credential: T, signer: DataIntegritySigner, created?: Date): Promise<T & { proof: Record<string, unknown> }> {
  const [vc, { DataIntegrityProof }, { cryptosuite }] = await Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
  ]);
  const keyPair = await keys.get(signer.verificationMethod, signer.privateKeyPem, () => importKey(signer));
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite, date: created ?? new Date() });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader });
}

async function importKey(signer: DataIntegritySigner): Promise<Ed25519MultikeyPair> {
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const privateJwk = ed25519Jwk(createPrivateKey(signer.privateKeyPem));
  // A stored pair whose halves do not match would sign credentials nobody can verify: refuse it.
  if (ed25519Jwk(createPublicKey(signer.publicKeyPem)).x !== privateJwk.x) {
    throw new TypeError(`The public key given for ${signer.verificationMethod} is not the private key's.`);
  }
  const controller = signer.verificationMethod.split('#')[0];
  return Ed25519Multikey.fromJwk({ jwk: privateJwk, secretKey: true, id: signer.verificationMethod, controller });
}

export type { OpenBadgeCredential };
