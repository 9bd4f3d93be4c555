import { error, TaskCode, warning } from '../../validation/messages';
import type { JsonNode } from '../../validation/present-values';
import { isUrl } from '../../validation/value-types';
import { isHostedVerification } from '../../validation/hosted-policy-checks';
import { asArray, isJsonNode } from '../../validation/present-values';
import { typeMatchesOneOf } from '../../validation/v2-terms';
import { loadByDeclaredId } from '../collect-graph';
import { compactNode } from '../load-node';
import { differingFields } from './differing-fields';
import type { VerificationContext } from '../verification-context';
import { text } from '../../report-texts/message-text';

/**
 * JSON given directly proves nothing: anyone can type it. A hosted badge is verified by
 * re-fetching its id from the issuer's server and using only that copy, as the reference
 * validator does. JSON with no fetchable id has no verifiable source and is rejected. A copy
 * that differs from the hosted one gets a warning naming the differing properties. A signed badge
 * is only what its JWS says: given as JSON without it, it is refused with that reason.
 */
export async function resolveJsonInput(json: JsonNode, ctx: VerificationContext): Promise<JsonNode | undefined> {
  const compacted = await compactNode(json, 'the provided JSON', ctx);
  if (!compacted) return undefined;
  const hostedOrUntyped = isHostedVerification(compacted) || compacted.verification === undefined;
  if (hostedOrUntyped && isUrl(compacted.id)) {
    const hosted = await loadByDeclaredId(compacted.id, ctx);
    // Only the hosted copy is checked; a copy that says otherwise (a changed date, say) is worth telling.
    const differing = hosted ? differingFields(compacted, hosted) : [];
    if (hosted && differing.length > 0) {
      ctx.report(warning(TaskCode.HOSTED_COPY_DIFFERS, text('COPY_DIFFERS_FROM_HOSTED', { fields: differing.join(', ') }), String(hosted.id)));
    }
    return hosted;
  }
  const signed = isJsonNode(compacted.verification) && typeMatchesOneOf(asArray<string>(compacted.verification.type), ['SignedBadge']);
  ctx.report(
    error(
      TaskCode.REPORT_MESSAGE,
      signed ? text('SIGNED_JSON_NEEDS_JWS', {}) : text('JSON_NOT_VERIFIABLE', {}),
      typeof compacted.id === 'string' ? compacted.id : undefined,
    ),
  );
  return undefined;
}
