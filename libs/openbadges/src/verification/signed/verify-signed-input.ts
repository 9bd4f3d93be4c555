import { error, TaskCode } from '../../validation/messages';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import { collectGraph } from '../collect-graph';
import { compactNode, loadNode } from '../load-node';
import type { VerificationContext } from '../verification-context';
import { isAllowedJwsAlgorithm, type AllowedJwsAlgorithm } from './allowed-algorithms';
import { checkJwsSignature } from './check-signature';
import { decodeJwsUnverified } from './decode-jws-payload';
import { checkRevocationList } from './check-revocation-list';

/**
 * Signed badge flow: decode the JWS, collect Assertion -> BadgeClass -> Issuer, then
 * VERIFY_KEY_OWNERSHIP (the key is one the issuer publishes and owns), VERIFY_JWS (signature),
 * and VERIFY_SIGNED_ASSERTION_NOT_REVOKED (issuer's RevocationList). Returns the assertion node.
 */
export async function verifySignedInput(jws: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  const decoded = decodeJwsUnverified(jws);
  if (!decoded.ok) {
    ctx.report(error(TaskCode.VERIFY_JWS, `The signed badge is not usable: ${decoded.reason}.`));
    return undefined;
  }
  if (!isAllowedJwsAlgorithm(decoded.alg)) {
    ctx.report(error(TaskCode.VERIFY_JWS, `The badge is signed with "${decoded.alg}", which is not accepted (only RS256 and ES256 are).`));
    return undefined;
  }
  const assertion = await compactNode(decoded.payload, 'the signed badge', ctx);
  if (!assertion) return undefined;
  await collectGraph(assertion, 'Assertion', ctx);

  const label = typeof assertion.id === 'string' ? assertion.id : undefined;
  const badge = ctx.nodes.get(String(assertion.badge));
  const issuer = badge ? ctx.nodes.get(String(badge.issuer)) : undefined;
  if (!issuer) {
    ctx.report(error(TaskCode.VERIFY_JWS, 'The signature cannot be checked because the badge issuer could not be loaded.', label));
    return assertion;
  }
  await verifyWithIssuerKey(jws, decoded.alg, assertion, issuer, ctx);
  await checkRevocationList(assertion, issuer, ctx);
  return assertion;
}

async function verifyWithIssuerKey(jws: string, alg: AllowedJwsAlgorithm, assertion: JsonNode, issuer: JsonNode, ctx: VerificationContext): Promise<void> {
  const label = typeof assertion.id === 'string' ? assertion.id : undefined;
  const issuerKeys = asArray<unknown>(issuer.publicKey).map((k) => (isJsonNode(k) ? k.id : k)).filter((k): k is string => typeof k === 'string');
  const creator = isJsonNode(assertion.verification) ? assertion.verification.creator : undefined;

  if (typeof creator === 'string' && !issuerKeys.includes(creator)) {
    ctx.report(error(TaskCode.VERIFY_KEY_OWNERSHIP, `The badge was signed with the key ${creator}, which its issuer does not list among its published keys.`, label));
  }
  // Without a creator, any key the issuer publishes may have signed it (spec: creator is optional).
  const candidates = typeof creator === 'string' ? [creator] : issuerKeys;
  if (candidates.length === 0) {
    ctx.report(error(TaskCode.VERIFY_JWS, 'The signature cannot be checked: neither the badge nor its issuer names a public key.', label));
    return;
  }
  const failures: string[] = [];
  for (const keyUrl of candidates) {
    const key = await loadNode(keyUrl, ctx);
    if (!key || typeof key.publicKeyPem !== 'string') {
      failures.push(`key ${keyUrl} could not be loaded`);
      continue;
    }
    ctx.addNode(key, 'CryptographicKey');
    if (key.owner !== issuer.id) {
      ctx.report(error(TaskCode.VERIFY_KEY_OWNERSHIP, `The key ${keyUrl} does not say it belongs to the issuer ${String(issuer.id)}.`, label));
      continue;
    }
    const result = await checkJwsSignature(jws, key.publicKeyPem, alg);
    if (result.ok) return;
    failures.push(result.reason);
  }
  ctx.report(error(TaskCode.VERIFY_JWS, `The signature of this badge is not valid: it was altered or not signed by its issuer (${failures.join('; ')}).`, label));
}
