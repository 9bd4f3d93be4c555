import { CLASS_RULES, type ObClass } from './class-rules';
import { criteriaDependencies } from './criteria-rules';
import { identityObjectDependencies } from './identity-object-rules';
import { imageValidation } from './image-rules';
import { error, TaskCode, warning, type ValidationMessage } from './messages';
import { isJsonNode, type JsonNode } from './present-values';
import { isUrl } from './value-types';
import { validateProperty } from './validate-property';
import { text } from '../report-texts/message-text';

/** Accepted class names: our ObClass names plus the spec's `Issuer` alias for Profile. */
export type ValidatableClass = ObClass | 'Issuer';

/**
 * Validate one (compacted, OB v2) node against the rules of `className`, including embedded nodes
 * (recipient, verification, embedded criteria, alignment...). Linked nodes given only by IRI are
 * not followed here: the graph-level validation handles documents that were fetched.
 * `label` names the node in messages; it defaults to the node's id.
 */
export function validateNode(node: unknown, className: ValidatableClass, label?: string): ValidationMessage[] {
  const cls: ObClass = className === 'Issuer' ? 'Profile' : className;
  const nodeLabel = label ?? (isJsonNode(node) && typeof node.id === 'string' ? node.id : undefined) ?? cls;
  if (!isJsonNode(node)) {
    return [error(TaskCode.DETECT_AND_VALIDATE_NODE_CLASS, text('NODE_WRONG_CLASS', { expected: cls }), nodeLabel)];
  }
  const visit = (child: JsonNode, childCls: ObClass, path: string) =>
    validateNode(child, childCls, typeof child.id === 'string' && !child.id.startsWith('data:') && childCls !== 'Criteria' ? child.id : path);

  const messages = CLASS_RULES[cls].flatMap((rule) => validateProperty(node, nodeLabel, rule, visit));
  messages.push(...classDependencies(node, cls, nodeLabel));
  return messages;
}

function classDependencies(node: JsonNode, cls: ObClass, label: string): ValidationMessage[] {
  switch (cls) {
    case 'IdentityObject':
      return identityObjectDependencies(node, label);
    case 'Criteria':
      return criteriaDependencies(node, label);
    case 'Profile':
      return [...imageValidation(node, cls, label), ...issuerDependencies(node, label)];
    case 'BadgeClass':
    case 'Assertion':
      return imageValidation(node, cls, label);
    default:
      return [];
  }
}

/** Many platforms can only follow HTTP(S)-hosted issuers; warn (not fail) like the validator. */
function issuerDependencies(node: JsonNode, label: string): ValidationMessage[] {
  if (node.id === undefined || isUrl(node.id)) return [];
  return [warning(TaskCode.ISSUER_PROPERTY_DEPENDENCIES, text('ISSUER_NOT_URL', {}), label)];
}
