import type { Finding } from '../types';

/** Who signed, as far as a verified proof shows it. */
export type Signer =
  /** A key listed by a controller document (DID document or https controller): the controller's id. */
  | { via: 'controller'; methodId: string; controller: string }
  /** A key read from a JWKS or JWK URL: bound to whoever owns that address. */
  | { via: 'key-url'; methodId: string; keyUrl: string }
  /** A key the VC-JWT carries in its own header: bound to nobody. */
  | { via: 'embedded' };

export interface ProofResult {
  /** At least one proof checked out ("any one proof" may be used, OB 3.0 §8). */
  verified: boolean;
  /** The signers of the proofs that checked out. */
  signers: Signer[];
  findings: Finding[];
}
