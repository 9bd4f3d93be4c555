import type { OpenBadgeCredential } from './build-credential';

export interface DataIntegritySigner {
  /** `{did}#{keyId}` */
  verificationMethod: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Adds a `DataIntegrityProof` (eddsa-rdfc-2022, proofPurpose assertionMethod) with the bundled document loader. */
export async function signWithDataIntegrity<T extends Record<string, unknown>>(_credential: T, _signer: DataIntegritySigner, _created?: Date): Promise<T & { proof: Record<string, unknown> }> {
  throw new Error('not built yet (issue #19)');
}
export type { OpenBadgeCredential };
