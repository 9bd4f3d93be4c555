import { isJsonNode, type JsonNode } from '../../validation/present-values';
import { normalizeLegacyDate } from './normalize-legacy-date';

const HASHED = /^(sha256|md5)\$/i;
const V1_CONTEXT = 'https://w3id.org/openbadges/v1';

/**
 * OB 0.5 -> 1.1 shape (then compacted to 2.0 like any 1.1 document). 0.5 assertions are hosted
 * at their own URL, embed badge and issuer, and identify the recipient by an email or its hash.
 */
export function upgrade05(doc: JsonNode, source: string): JsonNode {
  const recipient = typeof doc.recipient === 'string' ? doc.recipient : '';
  const badge = isJsonNode(doc.badge) ? doc.badge : {};
  const issuer = isJsonNode(badge.issuer) ? badge.issuer : {};
  return {
    '@context': V1_CONTEXT,
    type: 'Assertion',
    id: source,
    uid: doc.uid,
    recipient: {
      type: 'email',
      hashed: HASHED.test(recipient),
      salt: doc.salt,
      identity: recipient,
    },
    issuedOn: normalizeLegacyDate(doc.issued_on),
    expires: normalizeLegacyDate(doc.expires),
    evidence: doc.evidence,
    image: doc.image,
    verify: { type: 'hosted', url: source },
    badge: {
      type: 'BadgeClass',
      name: badge.name,
      description: badge.description,
      image: badge.image,
      criteria: badge.criteria,
      issuer: {
        type: 'Issuer',
        name: issuer.name,
        url: issuer.origin,
        email: issuer.contact,
        description: issuer.org ?? undefined,
      },
    },
  };
}
