import { asArray, isJsonNode, parseJsonWithinLimits, type BadgeEdition, type FetchDocument, type JsonNode, type VerificationResult } from '@badges/openbadges';
import { chooseEdition } from '@badges/service-kit';

/**
 * The badge class's texts in the reader's language, when its issuer publishes that translation
 * (OB 2.0: the class names its language in `@language` and its other editions in `related`),
 * the same editions the issuer's public pages choose among. Fetched with the verification's own
 * safe fetcher; an edition is believed only if it lives on the class's own origin, is a
 * BadgeClass of the same issuer, and says it is in that language. Undefined otherwise: the
 * reader sees the badge as issued.
 */
export async function badgeEditionFor(result: VerificationResult, lang: string, fetchDocument: FetchDocument): Promise<BadgeEdition | undefined> {
  const badge = result.graph.find((node) => node.type === 'BadgeClass');
  if (!badge || typeof badge.id !== 'string') return undefined;
  const own = typeof badge['@language'] === 'string' ? badge['@language'] : undefined;
  const related = asArray<unknown>(badge.related).filter(isJsonNode).filter((r) => typeof r.id === 'string' && typeof r['@language'] === 'string');
  const choice = chooseEdition([...(own ? [own] : []), ...related.map((r) => r['@language'] as string)], [lang]);
  if (!choice || choice === own) return undefined;
  const edition = related.find((r) => r['@language'] === choice) as JsonNode & { id: string };
  if (!sameOrigin(edition.id, badge.id)) return undefined;
  const document = await fetchQuietly(edition.id, fetchDocument);
  if (!document || document.type !== 'BadgeClass' || document.issuer !== badge.issuer || document['@language'] !== choice || typeof document.name !== 'string') return undefined;
  const criteria = isJsonNode(document.criteria) ? document.criteria : {};
  return {
    id: edition.id,
    language: choice,
    name: document.name,
    ...(typeof document.description === 'string' ? { description: document.description } : {}),
    ...(typeof criteria.narrative === 'string' ? { criteriaNarrative: criteria.narrative } : {}),
  };
}

function sameOrigin(a: string, b: string): boolean {
  return URL.canParse(a) && URL.canParse(b) && new URL(a).origin === new URL(b).origin;
}

async function fetchQuietly(url: string, fetchDocument: FetchDocument): Promise<JsonNode | undefined> {
  try {
    const response = await fetchDocument(url);
    if (response.status !== 200) return undefined;
    const parsed: unknown = parseJsonWithinLimits(response.body);
    return isJsonNode(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
