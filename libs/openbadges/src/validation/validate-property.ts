import type { ObClass, PropertyRule } from './class-rules';
import { error, TaskCode, type ValidationMessage } from './messages';
import { isJsonNode, presentValues, preview, type JsonNode } from './present-values';
import { typeMatchesOneOf } from './v2-terms';
import { isDataUri, isIri, isValidRdfTypeList, isValueOfType } from './value-types';
import { text, type MessageText } from '../report-texts/message-text';

/** Classes that only make sense embedded: an IRI alone carries none of their data. */
const EMBED_ONLY: ReadonlySet<ObClass> = new Set(['IdentityObject', 'AssertionVerification', 'IssuerVerification', 'AlignmentObject']);

/** Called for embedded nodes so the caller can recurse with the right class and path. */
export type EmbeddedVisitor = (child: JsonNode, cls: ObClass, path: string) => ValidationMessage[];

export function validateProperty(node: JsonNode, nodeLabel: string, rule: PropertyRule, visit: EmbeddedVisitor): ValidationMessage[] {
  const code = rule.type === 'RDF_TYPE' ? TaskCode.VALIDATE_RDF_TYPE_PROPERTY : TaskCode.VALIDATE_PROPERTY;
  const fail = (message: MessageText) => [error(code, message, nodeLabel, rule.prop)];
  const present = presentValues(node[rule.prop]);

  if (!present) {
    return rule.required ? fail(text('PROPERTY_MISSING', { property: rule.prop })) : [];
  }
  if (present.hasNullInside) return fail(text('PROPERTY_HAS_NULL', { property: rule.prop }));
  if (!rule.many && present.values.length > 1 && rule.type !== 'RDF_TYPE') {
    return fail(text('PROPERTY_TOO_MANY', { property: rule.prop, count: present.values.length }));
  }

  const valueType = rule.type;
  if (valueType === 'RDF_TYPE') return validateRdfType(present.values, rule, fail);

  const messages: ValidationMessage[] = [];
  present.values.forEach((value, index) => {
    const path = `${nodeLabel} > ${rule.prop}${present.values.length > 1 ? `[${index}]` : ''}`;
    if (valueType === 'ID') messages.push(...validateIdValue(value, rule, path, fail, visit));
    else if (!isValueOfType(valueType, value)) {
      messages.push(...fail(text('PROPERTY_WRONG_TYPE', { property: rule.prop, value: preview(value), valueType })));
    }
  });
  return messages;
}

function validateRdfType(values: unknown[], rule: PropertyRule, fail: (m: MessageText) => ValidationMessage[]): ValidationMessage[] {
  if (!isValidRdfTypeList(values)) {
    return fail(text('TYPE_UNKNOWN', { value: preview(values) }));
  }
  if (rule.mustContainOne && !typeMatchesOneOf(values as string[], rule.mustContainOne)) {
    return fail(text('TYPE_NOT_EXPECTED', { value: preview(values), expected: rule.mustContainOne.join(' or ') }));
  }
  return [];
}

function validateIdValue(
  value: unknown,
  rule: PropertyRule,
  path: string,
  fail: (m: MessageText) => ValidationMessage[],
  visit: EmbeddedVisitor,
): ValidationMessage[] {
  const cls = rule.expectedClass;
  if (isJsonNode(value)) return cls ? visit(value, cls, path) : [];
  if (typeof value !== 'string') return fail(text('PROPERTY_NOT_LINK_OR_OBJECT', { property: rule.prop, value: preview(value) }));
  if (isDataUri(value)) {
    return rule.allowDataUri ? [] : fail(text('PROPERTY_DATA_URI_REFUSED', { property: rule.prop }));
  }
  if (cls && EMBED_ONLY.has(cls)) return fail(text('PROPERTY_MUST_EMBED', { property: rule.prop, value: preview(value) }));
  return isIri(value) ? [] : fail(text('PROPERTY_NOT_IRI', { property: rule.prop, value: preview(value) }));
}
