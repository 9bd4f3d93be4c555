import type { JsonNode } from '../../validation/present-values';
import { checkIssuerBinding } from './check-issuer';
import { checkDataIntegrity } from './proof/check-data-integrity';
import { checkVcJwt, issuerIdOf } from './proof/check-vc-jwt';
import type { ProofResult } from './proof/proof-result';
import type { CredentialJwt } from './read-input';
import type { CredentialRun } from './run-context';
import type { Finding } from './types';

/**
 * A credential's proof (its VC-JWT, or its embedded proofs) and whether the key that made it is its
 * issuer's: what makes any credential, the badge or a status list or an endorsement, the issuer's word.
 */
export async function checkSignature(credential: JsonNode, jwt: CredentialJwt | undefined, run: CredentialRun): Promise<{ proof: ProofResult; issuer: Finding[] }> {
  const proof = jwt ? await checkVcJwt(jwt, credential, run) : await checkDataIntegrity(credential, run);
  const issuer = proof.verified ? checkIssuerBinding(proof.signers, issuerIdOf(credential), run.options.didWebHttpHosts) : [];
  return { proof, issuer };
}
