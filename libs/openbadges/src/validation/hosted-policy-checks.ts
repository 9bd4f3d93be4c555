import { error, TaskCode, warning, type ValidationMessage } from './messages';
import { asArray, isJsonNode, type JsonNode } from './present-values';
import { typeMatchesOneOf } from './v2-terms';
import { isUrl } from './value-types';
import { text } from '../report-texts/message-text';

export function isHostedVerification(node: JsonNode): boolean {
  const verification = node.verification;
  return isJsonNode(verification) && typeMatchesOneOf(asArray<string>(verification.type), ['HostedBadge']);
}

/**
 * HOSTED_ID_IN_VERIFICATION_SCOPE: a hosted badge is only trustworthy if it lives where its issuer
 * says its badges live; otherwise anyone could host a badge "from" any issuer. The issuer's
 * policy lists allowedOrigins (hosts) and/or startsWith (URL prefixes); with no policy the default
 * is the host of the issuer's own id.
 */
export function hostedIdInVerificationScope(assertion: JsonNode, issuer: JsonNode): ValidationMessage[] {
  if (!isHostedVerification(assertion)) return [];
  const assertionId = assertion.id;
  const label = typeof assertionId === 'string' ? assertionId : undefined;
  if (!isUrl(assertionId)) {
    return [error(TaskCode.ASSERTION_VERIFICATION_DEPENDENCIES, text('HOSTED_ID_NOT_URL', {}), label, 'id')];
  }
  const policy = isJsonNode(issuer.verification) ? issuer.verification : {};
  let allowedOrigins = asArray<string>(policy.allowedOrigins).map((o) => String(o).toLowerCase());
  const startsWith = asArray<string>(policy.startsWith).map(String);

  if (allowedOrigins.length === 0 && startsWith.length === 0) {
    if (!isUrl(issuer.id)) {
      return [warning(TaskCode.HOSTED_ID_IN_VERIFICATION_SCOPE, text('HOSTED_ISSUER_WITHOUT_URL', {}), label)];
    }
    allowedOrigins = [new URL(issuer.id).host.toLowerCase()];
  }

  const host = new URL(assertionId).host.toLowerCase();
  const messages: ValidationMessage[] = [];
  if (allowedOrigins.length > 0 && !allowedOrigins.includes(host)) {
    messages.push(error(TaskCode.HOSTED_ID_IN_VERIFICATION_SCOPE, text('HOSTED_OUTSIDE_ORIGINS', { host, allowed: allowedOrigins.join(', ') }), label, 'id'));
  }
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionId.startsWith(prefix))) {
    messages.push(error(TaskCode.HOSTED_ID_IN_VERIFICATION_SCOPE, text('HOSTED_OUTSIDE_PREFIXES', { allowed: startsWith.join(', ') }), label, 'id'));
  }
  return messages;
}
