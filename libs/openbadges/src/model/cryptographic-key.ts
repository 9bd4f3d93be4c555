import type { Iri, JsonLdNode } from './common';

export interface CryptographicKey extends JsonLdNode {
  '@context'?: string;
  id: Iri;
  type: 'CryptographicKey';
  /** The Profile that owns this key; verification requires it to be the badge's issuer. */
  owner: Iri;
  publicKeyPem: string;
}
