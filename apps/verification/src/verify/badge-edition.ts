import { badgeEditions, editionTexts, parseJsonWithinLimits, type BadgeEdition, type FetchDocument, type VerificationResult } from '@badges/openbadges';
import { chooseEdition } from '@badges/service-kit';

/**
 * The badge class's texts in the reader's language, when its issuer publishes that translation
 * (OB 2.0 `@language` + `related`), chosen as the issuer's public pages choose. Fetched with the
 * verification's own safe fetcher and believed only as editionTexts allows; undefined otherwise.
 */
export async function badgeEditionFor(result: VerificationResult, lang: string, fetchDocument: FetchDocument): Promise<BadgeEdition | undefined> {
  const badge = result.graph.find((node) => node.type === 'BadgeClass');
  if (!badge) return undefined;
  const editions = badgeEditions(badge);
  const choice = chooseEdition(editions.map((edition) => edition.language), [lang]);
  const edition = editions.find((candidate) => candidate.language === choice);
  if (!edition || edition.id === badge.id) return undefined;
  try {
    const response = await fetchDocument(edition.id);
    return response.status === 200 ? editionTexts(parseJsonWithinLimits(response.body), edition, badge) : undefined;
  } catch {
    return undefined;
  }
}
