import type { BadgeEdition } from '../verification/report';
import { asArray, isJsonNode, type JsonNode } from '../validation/present-values';

/**
 * The language editions of a BadgeClass (OB 2.0 internationalisation): its own (`@language`,
 * its id) first, then each `related` entry that names its `@language`. What a reader's
 * languages choose among (service-kit's chooseEdition), the way the issuer's public pages do.
 */
export function badgeEditions(badgeClass: JsonNode): { language: string; id: string }[] {
  const own = typeof badgeClass['@language'] === 'string' && typeof badgeClass.id === 'string' ? [{ language: badgeClass['@language'], id: badgeClass.id }] : [];
  const related = asArray<unknown>(badgeClass.related)
    .filter(isJsonNode)
    .flatMap((r) => (typeof r.id === 'string' && typeof r['@language'] === 'string' ? [{ language: r['@language'], id: r.id }] : []));
  return [...own, ...related];
}

/**
 * The texts of `document`, fetched from an edition `badgeClass` lists, believed only when it is
 * that edition: on the class's own origin, a BadgeClass of the same issuer, in the language the
 * class said. Undefined otherwise (the reader then sees the badge as issued).
 */
export function editionTexts(document: unknown, edition: { language: string; id: string }, badgeClass: JsonNode): BadgeEdition | undefined {
  if (!isJsonNode(document) || typeof badgeClass.id !== 'string' || !sameOrigin(edition.id, badgeClass.id)) return undefined;
  const issuer = (node: JsonNode) => (isJsonNode(node.issuer) ? node.issuer.id : node.issuer);
  if (document.type !== 'BadgeClass' || issuer(document) !== issuer(badgeClass) || document['@language'] !== edition.language || typeof document.name !== 'string') return undefined;
  const criteria = isJsonNode(document.criteria) ? document.criteria : {};
  return {
    id: edition.id,
    language: edition.language,
    name: document.name,
    ...(typeof document.description === 'string' ? { description: document.description } : {}),
    ...(typeof criteria.narrative === 'string' ? { criteriaNarrative: criteria.narrative } : {}),
  };
}

function sameOrigin(a: string, b: string): boolean {
  return URL.canParse(a) && URL.canParse(b) && new URL(a).origin === new URL(b).origin;
}
