import type { ObClass, PropertyRule } from './class-rules';
import { error, TaskCode, type ValidationMessage } from './messages';
import { isJsonNode, presentValues, preview, type JsonNode } from './present-values';
import { typeMatchesOneOf } from './v2-terms';
import { isDataUri, isIri, isValidRdfTypeList, isValueOfType, type ValueType } from './value-types';

/** Classes that only make sense embedded: an IRI alone carries none of their data. */
const EMBED_ONLY: ReadonlySet<ObClass> = new Set(['IdentityObject', 'AssertionVerification', 'IssuerVerification', 'AlignmentObject']);

const TYPE_LABEL: Partial<Record<ValueType, string>> = {
  TEXT: 'text',
  MARKDOWN_TEXT: 'text',
  BOOLEAN: 'true or false',
  IRI: 'an identifier (an http(s) URL, a urn:uuid or a blank node id)',
  URL: 'a web address starting with http:// or https://',
  DATETIME: 'a date and time with a timezone, such as 2024-05-01T12:00:00Z',
  EMAIL: 'an email address',
  TELEPHONE: 'a phone number in international E.164 form, such as +15417522845',
  URL_AUTHORITY: 'a host name such as example.org (no http:// and no path)',
  COMPACT_IRI: 'a known term such as email, url, telephone or id',
};

/** Called for embedded nodes so the caller can recurse with the right class and path. */
export type EmbeddedVisitor = (child: JsonNode, cls: ObClass, path: string) => ValidationMessage[];

export function validateProperty(node: JsonNode, nodeLabel: string, rule: PropertyRule, visit: EmbeddedVisitor): ValidationMessage[] {
  const code = rule.type === 'RDF_TYPE' ? TaskCode.VALIDATE_RDF_TYPE_PROPERTY : TaskCode.VALIDATE_PROPERTY;
  const fail = (message: string) => [error(code, message, nodeLabel, rule.prop)];
  const present = presentValues(node[rule.prop]);

  if (!present) {
    return rule.required ? fail(`The required property "${rule.prop}" is missing.`) : [];
  }
  if (present.hasNullInside) return fail(`"${rule.prop}" contains empty (null) entries.`);
  if (!rule.many && present.values.length > 1 && rule.type !== 'RDF_TYPE') {
    return fail(`"${rule.prop}" may have only one value, but has ${present.values.length}.`);
  }

  const valueType = rule.type;
  if (valueType === 'RDF_TYPE') return validateRdfType(present.values, rule, fail);

  const messages: ValidationMessage[] = [];
  present.values.forEach((value, index) => {
    const path = `${nodeLabel} > ${rule.prop}${present.values.length > 1 ? `[${index}]` : ''}`;
    if (valueType === 'ID') messages.push(...validateIdValue(value, rule, path, fail, visit));
    else if (!isValueOfType(valueType, value)) {
      messages.push(...fail(`"${rule.prop}" has the value "${preview(value)}", which is not ${TYPE_LABEL[valueType] ?? `valid (${valueType})`}.`));
    }
  });
  return messages;
}

function validateRdfType(values: unknown[], rule: PropertyRule, fail: (m: string) => ValidationMessage[]): ValidationMessage[] {
  if (!isValidRdfTypeList(values)) {
    return fail(`"type" has the value "${preview(values)}", which is not an Open Badges type or a full IRI.`);
  }
  if (rule.mustContainOne && !typeMatchesOneOf(values as string[], rule.mustContainOne)) {
    return fail(`"type" is "${preview(values)}", but this document must be of type ${rule.mustContainOne.join(' or ')}.`);
  }
  return [];
}

function validateIdValue(
  value: unknown,
  rule: PropertyRule,
  path: string,
  fail: (m: string) => ValidationMessage[],
  visit: EmbeddedVisitor,
): ValidationMessage[] {
  const cls = rule.expectedClass;
  if (isJsonNode(value)) return cls ? visit(value, cls, path) : [];
  if (typeof value !== 'string') return fail(`"${rule.prop}" must be a link (IRI) or an embedded object, not "${preview(value)}".`);
  if (isDataUri(value)) {
    return rule.allowDataUri ? [] : fail(`"${rule.prop}" may not be a data: URI here; it must be a link to a hosted resource.`);
  }
  if (cls && EMBED_ONLY.has(cls)) return fail(`"${rule.prop}" must be an embedded object, not the link "${preview(value)}".`);
  return isIri(value) ? [] : fail(`"${rule.prop}" has the value "${preview(value)}", which is not a valid link (IRI).`);
}
