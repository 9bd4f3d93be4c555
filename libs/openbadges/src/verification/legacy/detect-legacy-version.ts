import { isJsonNode, type JsonNode } from '../../validation/present-values';

export type OpenBadgesVersion = '0.5' | '1.0' | '1.1' | '2.0';

const V1_CONTEXTS = new Set(['https://w3id.org/openbadges/v1', 'https://openbadgespec.org/v1/context.json']);

/**
 * Which Open Badges version a raw document is. 1.1 is the only 1.x with a JSON-LD context; 1.0
 * has none; 0.5 (pre-1.0 "assertion" format) has a string recipient, `issued_on`, or an embedded
 * issuer described by `origin`/`contact`.
 */
export function detectLegacyVersion(doc: JsonNode): OpenBadgesVersion {
  const context = doc['@context'];
  if (context !== undefined) {
    const contexts = Array.isArray(context) ? context : [context];
    return contexts.some((c) => typeof c === 'string' && V1_CONTEXTS.has(c)) ? '1.1' : '2.0';
  }
  const badge = doc.badge;
  const looks05 =
    typeof doc.recipient === 'string' ||
    'issued_on' in doc ||
    (isJsonNode(badge) && isJsonNode(badge.issuer) && ('origin' in badge.issuer || 'contact' in badge.issuer));
  return looks05 ? '0.5' : '1.0';
}
