import { error, TaskCode } from '../../validation/messages';
import { isJsonNode, type JsonNode } from '../../validation/present-values';
import { collectGraph } from '../collect-graph';
import { compactNode } from '../load-node';
import type { VerificationContext } from '../verification-context';
import { isAllowedJwsAlgorithm, type AllowedJwsAlgorithm } from './allowed-algorithms';
import { checkSignedBy } from './check-signed-by';
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
  const creator = isJsonNode(assertion.verification) ? assertion.verification.creator : undefined;
  for (const problem of await checkSignedBy(jws, alg, creator, issuer, ctx)) {
    switch (problem.kind) {
      case 'creator_not_listed':
        ctx.report(error(TaskCode.VERIFY_KEY_OWNERSHIP, `The badge was signed with the key ${problem.key}, which its issuer does not list among its published keys.`, label));
        break;
      case 'key_not_owned':
        ctx.report(error(TaskCode.VERIFY_KEY_OWNERSHIP, `The key ${problem.key} does not say it belongs to the issuer ${String(issuer.id)}.`, label));
        break;
      case 'no_keys':
        ctx.report(error(TaskCode.VERIFY_JWS, 'The signature cannot be checked: neither the badge nor its issuer names a public key.', label));
        break;
      case 'bad_signature':
        ctx.report(error(TaskCode.VERIFY_JWS, `The signature of this badge is not valid: it was altered or not signed by its issuer (${problem.reasons.join('; ')}).`, label));
        break;
    }
  }
}
