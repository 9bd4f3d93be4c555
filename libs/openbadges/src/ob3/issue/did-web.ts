export interface DidDocumentKey {
  keyId: string;
  publicKeyMultibase: string;
}

/** `did:web:host%3Aport:base:public:issuers:{issuerId}` for PUBLIC_URL. */
export function issuerDid(_publicUrl: string, _issuerId: string): string {
  throw new Error('not built yet (issue #19)');
}

/** Where a did:web DID's document lives (the did:web rules; `.well-known/did.json` when there is no path). */
export function didWebDocumentUrl(_did: string): string {
  throw new Error('not built yet (issue #19)');
}

/** Every Ed25519 key, retired ones too, as a Multikey in `verificationMethod` and `assertionMethod`. */
export function buildIssuerDidDocument(_did: string, _keys: DidDocumentKey[]): Record<string, unknown> {
  throw new Error('not built yet (issue #19)');
}
