import type { ObClass } from './class-rules';
import { detectNodeClass } from './detect-node-class';
import { hostedIdInVerificationScope } from './hosted-policy-checks';
import { error, TaskCode, type ValidationMessage } from './messages';
import { isJsonNode, type JsonNode } from './present-values';
import { verifyRecipientIdentifier, type RecipientProfile } from './recipient-checks';
import { assertionTimestampChecks } from './timestamp-checks';
import { validateNode } from './validate-node';
import { text } from '../report-texts/message-text';

export interface GraphValidationOptions {
  now?: Date;
  recipientProfile?: RecipientProfile;
  /**
   * Class of each node by id, when the caller knows it from how the node was reached (the node
   * behind Assertion.badge is a BadgeClass whatever its `type` says). Falls back to `type`.
   */
  nodeClasses?: ReadonlyMap<string, ObClass>;
}

/**
 * Validate a flattened graph of OB documents (Assertion, BadgeClass, Profile, Endorsement...):
 * every node on its own, then the checks that need several nodes together.
 */
export function validateGraph(graph: readonly unknown[], options: GraphValidationOptions = {}): ValidationMessage[] {
  const now = options.now ?? new Date();
  const byId = new Map<string, JsonNode>();
  for (const node of graph) if (isJsonNode(node) && typeof node.id === 'string') byId.set(node.id, node);
  const resolve = (ref: unknown): JsonNode | undefined => (isJsonNode(ref) ? ref : typeof ref === 'string' ? byId.get(ref) : undefined);

  const messages: ValidationMessage[] = [];
  for (const node of graph) {
    const id = isJsonNode(node) && typeof node.id === 'string' ? node.id : undefined;
    const cls = (id && options.nodeClasses?.get(id)) || detectNodeClass(node);
    if (!cls) {
      messages.push(error(TaskCode.DETECT_AND_VALIDATE_NODE_CLASS, text('NODE_TYPE_MISSING', {}), id));
      continue;
    }
    messages.push(...validateNode(node, cls));
    if (!isJsonNode(node)) continue;

    if (cls === 'Assertion') {
      messages.push(...assertionTimestampChecks(node, now));
      if (!isJsonNode(node.verification)) {
        messages.push(error(TaskCode.ASSERTION_VERIFICATION_DEPENDENCIES, text('VERIFICATION_MISSING', {}), id, 'verification'));
      }
      const issuer = resolve(resolve(node.badge)?.issuer);
      if (issuer) messages.push(...hostedIdInVerificationScope(node, issuer));
      if (options.recipientProfile) messages.push(...verifyRecipientIdentifier(node, options.recipientProfile));
    }
    if (cls === 'Endorsement') {
      const endorser = resolve(node.issuer);
      if (endorser) messages.push(...hostedIdInVerificationScope(node, endorser));
    }
  }
  return messages;
}
