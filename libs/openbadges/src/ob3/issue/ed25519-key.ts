import { createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

/** An Ed25519 key pair as the issuer stores it: PKCS#8 and SPKI PEM (sealed like RS256/ES256 keys), and its multibase public key. */
export interface Ed25519KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  /** `z6Mk…`: the Multikey `publicKeyMultibase`. */
  publicKeyMultibase: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);

export async function generateEd25519Key(): Promise<Ed25519KeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKeyMultibase: await ed25519PublicKeyMultibase(publicKey),
  };
}

/** The Multikey `publicKeyMultibase` (`z6Mk…`) of an Ed25519 public key, SPKI PEM or key object, as ed25519-multikey writes it. */
export async function ed25519PublicKeyMultibase(publicKey: string | KeyObject): Promise<string> {
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const keyPair = await Ed25519Multikey.fromJwk({ jwk: ed25519Jwk(typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey) });
  return keyPair.publicKeyMultibase;
}

/**
 * The JWK of an Ed25519 key (`kty: OKP`, `crv: Ed25519`, `x`, and `d` for a private key): node:crypto
 * gives it from a PEM, and ed25519-multikey imports it with `fromJwk`. Refuses any other kind of key.
 */
export function ed25519Jwk(key: KeyObject): Record<string, unknown> {
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`Expected an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}.`);
  return key.export({ format: 'jwk' }) as Record<string, unknown>;
}
