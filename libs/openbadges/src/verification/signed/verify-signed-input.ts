import { error, TaskCode } from '../../validation/messages';
import { isJsonNode, type JsonNode } from '../../validation/present-values';
import { collectGraph } from '../collect-graph';
import { compactNode } from '../load-node';
import type { VerificationContext } from '../verification-context';
import { isAllowedJwsAlgorithm, type AllowedJwsAlgorithm } from './allowed-algorithms';
import { checkSignedBy } from './check-signed-by';
import { decodeJwsUnverified } from './decode-jws-payload';
import { checkRevocationList } from './check-revocation-list';
import { text } from '../../report-texts/message-text';

/**
 * Signed badge flow: decode the JWS, collect Assertion -> BadgeClass -> Issuer, then
 * VERIFY_KEY_OWNERSHIP (the key is one the issuer publishes and owns), VERIFY_JWS (signature),
 * and VERIFY_SIGNED_ASSERTION_NOT_REVOKED (issuer's RevocationList). Returns the assertion node.
 */
export async function verifySignedInput(jws: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  const decoded = decodeJwsUnverified(jws);
  if (!decoded.ok) {
    ctx.report(error(TaskCode.VERIFY_JWS, text('JWS_UNUSABLE', { reason: [decoded.reason] })));
    return undefined;
  }
  if (!isAllowedJwsAlgorithm(decoded.alg)) {
    ctx.report(error(TaskCode.VERIFY_JWS, text('JWS_ALGORITHM_REFUSED', { alg: decoded.alg })));
    return undefined;
  }
  const assertion = await compactNode(decoded.payload, 'the signed badge', ctx);
  if (!assertion) return undefined;
  await collectGraph(assertion, 'Assertion', ctx);

  const label = typeof assertion.id === 'string' ? assertion.id : undefined;
  const badge = ctx.nodes.get(String(assertion.badge));
  const issuer = badge ? ctx.nodes.get(String(badge.issuer)) : undefined;
  if (!issuer) {
    ctx.report(error(TaskCode.VERIFY_JWS, text('SIGNATURE_ISSUER_UNAVAILABLE', {}), label));
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
        ctx.report(error(TaskCode.VERIFY_KEY_OWNERSHIP, text('SIGNATURE_KEY_NOT_LISTED', { key: problem.key }), label));
        break;
      case 'key_not_owned':
        ctx.report(error(TaskCode.VERIFY_KEY_OWNERSHIP, text('SIGNATURE_KEY_NOT_OWNED', { key: problem.key, issuer: String(issuer.id) }), label));
        break;
      case 'no_keys':
        ctx.report(error(TaskCode.VERIFY_JWS, text('SIGNATURE_NO_KEYS', {}), label));
        break;
      case 'bad_signature':
        ctx.report(error(TaskCode.VERIFY_JWS, text('SIGNATURE_INVALID', { reasons: problem.reasons.join('; ') }), label));
        break;
    }
  }
}
