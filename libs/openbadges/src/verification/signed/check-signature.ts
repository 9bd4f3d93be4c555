import { compactVerify, importSPKI } from 'jose';
import { ALLOWED_JWS_ALGORITHMS, type AllowedJwsAlgorithm } from './allowed-algorithms';

/** VERIFY_JWS core: true only if `jws` was signed by the private half of `publicKeyPem`. */
export async function checkJwsSignature(jws: string, publicKeyPem: string, alg: AllowedJwsAlgorithm): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const key = await importSPKI(publicKeyPem, alg);
    // Pin the algorithm list again here: never let the token's header choose the algorithm.
    await compactVerify(jws, key, { algorithms: [...ALLOWED_JWS_ALGORITHMS] });
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
