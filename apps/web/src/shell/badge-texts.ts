/** A badge's texts as the passport API sends them: as issued, and `badgeEdition` when translated into the page's language. */
export interface TranslatableBadge {
  badgeclassName: string;
  badgeEdition?: { language: string; name: string; description?: string; criteriaNarrative?: string } | null;
}

/**
 * The badge's name, description and criteria to show: its edition in the page's language when the
 * platform found one (every request asks in the page's language, api/client.ts), else as issued.
 * `lang` is set when the texts are a translation, for a `lang` attribute on what shows them.
 */
export function badgeTexts(badge: TranslatableBadge): { name: string; description?: string; criteriaNarrative?: string; lang?: string } {
  const edition = badge.badgeEdition;
  return edition ? { name: edition.name, description: edition.description, criteriaNarrative: edition.criteriaNarrative, lang: edition.language } : { name: badge.badgeclassName };
}
