import type { ObClass } from './class-rules';
import { asArray, isJsonNode } from './present-values';
import { typeMatchesOneOf } from './v2-terms';

/** Top-level document classes, recognised from `type` (compared by IRI, so aliases work). */
const DOCUMENT_CLASSES: readonly [ObClass, string[]][] = [
  ['Assertion', ['Assertion']],
  ['BadgeClass', ['BadgeClass']],
  ['Profile', ['Issuer', 'Profile']],
  ['Endorsement', ['Endorsement']],
  ['CryptographicKey', ['CryptographicKey']],
  ['RevocationList', ['RevocationList']],
];

export function detectNodeClass(node: unknown): ObClass | undefined {
  if (!isJsonNode(node)) return undefined;
  const types = asArray<unknown>(node.type).filter((t): t is string => typeof t === 'string');
  return DOCUMENT_CLASSES.find(([, names]) => typeMatchesOneOf(types, names))?.[0];
}
