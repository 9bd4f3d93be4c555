import type { ObClass } from '../../validation/class-rules';
import { detectNodeClass } from '../../validation/detect-node-class';
import type { JsonNode } from '../../validation/present-values';

/**
 * Class of the document we were asked to verify. Assertion-only properties win over `type`, so
 * an Assertion mistyped as BadgeClass is reported as a wrong type (VALIDATE_RDF_TYPE_PROPERTY)
 * rather than as a BadgeClass missing its name. Untyped documents are treated as Assertions,
 * the usual verification target.
 */
export function inputNodeClass(node: JsonNode): ObClass {
  if ('recipient' in node || 'badge' in node) return 'Assertion';
  return detectNodeClass(node) ?? 'Assertion';
}
