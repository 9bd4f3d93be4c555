import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import { loadNode } from '../load-node';
import type { VerificationContext } from '../verification-context';
import type { AllowedJwsAlgorithm } from './allowed-algorithms';
import { checkJwsSignature } from './check-signature';

/** Why a JWS does not count as signed by `signer`; callers word it for their document and code it. */
export type SignerProblem =
  | { kind: 'creator_not_listed'; key: string }
  | { kind: 'no_keys' }
  | { kind: 'key_not_owned'; key: string }
  | { kind: 'bad_signature'; reasons: string[] };

/**
 * The key checks shared by signed assertions and signed endorsements: the key (`creator`, or any
 * key the signer lists when there is none) must be listed in the signer Profile's `publicKey`,
 * say it is `owner`ed by that Profile, and verify the JWS. Loaded keys join the graph.
 */
export async function checkSignedBy(jws: string, alg: AllowedJwsAlgorithm, creator: unknown, signer: JsonNode, ctx: VerificationContext): Promise<SignerProblem[]> {
  const problems: SignerProblem[] = [];
  const signerKeys = asArray<unknown>(signer.publicKey).map((k) => (isJsonNode(k) ? k.id : k)).filter((k): k is string => typeof k === 'string');
  if (typeof creator === 'string' && !signerKeys.includes(creator)) problems.push({ kind: 'creator_not_listed', key: creator });
  // Without a creator, any key the signer publishes may have signed it (spec: creator is optional).
  const candidates = typeof creator === 'string' ? [creator] : signerKeys;
  if (candidates.length === 0) return [...problems, { kind: 'no_keys' }];
  const failures: string[] = [];
  for (const keyUrl of candidates) {
    const key = await loadNode(keyUrl, ctx);
    if (!key || typeof key.publicKeyPem !== 'string') {
      failures.push(`key ${keyUrl} could not be loaded`);
      continue;
    }
    ctx.addNode(key, 'CryptographicKey');
    if (key.owner !== signer.id) {
      problems.push({ kind: 'key_not_owned', key: keyUrl });
      continue;
    }
    const result = await checkJwsSignature(jws, key.publicKeyPem, alg);
    if (result.ok) return problems;
    failures.push(result.reason);
  }
  return [...problems, { kind: 'bad_signature', reasons: failures }];
}
