import type { JsonNode } from '../../validation/present-values';
import { isJsonNode } from '../../validation/present-values';
import { detectLegacyVersion, type OpenBadgesVersion } from './detect-legacy-version';
import { normalizeLegacyDate } from './normalize-legacy-date';
import { upgrade05 } from './upgrade-0-5';

export interface UpgradedDocument {
  doc: JsonNode;
  /** Version detected on the way in ('2.0' when nothing was changed). */
  version: OpenBadgesVersion;
}

const V1_CONTEXT = 'https://w3id.org/openbadges/v1';

/**
 * Bring OB 0.5 / 1.0 / 1.1 documents into a shape that compacts to 2.0 (the reference
 * validator's approach: upgrade, then judge by 2.0 rules). 1.1 keeps its own v1 context, so
 * terms it does not define (e.g. the 2.0 `verification`) are dropped exactly as JSON-LD says;
 * only its dates are rewritten. 1.0 gains the v1 context, a type and an id.
 */
export function upgradeLegacyDocument(doc: JsonNode, source: string): UpgradedDocument {
  const version = detectLegacyVersion(doc);
  if (version === '2.0') return { doc, version };
  if (version === '0.5') return { doc: upgrade05(doc, source), version };

  const upgraded: JsonNode = { ...doc };
  for (const key of ['issuedOn', 'expires'] as const) {
    if (key in upgraded) upgraded[key] = normalizeLegacyDate(upgraded[key]);
  }
  if (version === '1.0') {
    upgraded['@context'] = V1_CONTEXT;
    const verifyUrl = isJsonNode(doc.verify) ? doc.verify.url : undefined;
    upgraded.type ??= guess10Type(doc);
    // A 1.0 document has no id: its address is where it is hosted (verify.url for assertions).
    upgraded.id ??= upgraded.type === 'Assertion' && typeof verifyUrl === 'string' ? verifyUrl : source;
  }
  return { doc: upgraded, version };
}

function guess10Type(doc: JsonNode): string {
  if ('recipient' in doc || 'verify' in doc) return 'Assertion';
  if ('criteria' in doc || 'issuer' in doc) return 'BadgeClass';
  return 'Issuer';
}
