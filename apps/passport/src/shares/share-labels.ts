import { acceptedLanguages, chooseEdition } from '@badges/service-kit';

/** The share pages' own words, in English and French; `{name}` placeholders are filled by fillIn. */
const EN = {
  issuedBy: 'Issued by {issuer} on {date}',
  viewBadge: 'View the badge',
  verify: 'Verify this badge',
  credential: 'Its Open Badges 3.0 credential',
  sharedBy: 'Shared by {owner}.',
  none: 'No badges to show.',
  badgeDescription: '{issuer} awarded {badge} to {owner}.',
  collectionDescription: '{count} badge(s) collected by {owner}.',
  goneTitle: 'No longer shared',
  gone: 'This page is no longer shared: its owner stopped sharing it, or its badge was revoked by its issuer or removed by its owner.',
  goneVerify: 'Have a badge to check? Verify it here.',
};

export type ShareLabels = typeof EN;

const FR: ShareLabels = {
  issuedBy: 'Décerné par {issuer} le {date}',
  viewBadge: 'Voir le badge',
  verify: 'Vérifier ce badge',
  credential: 'Son attestation Open Badges 3.0',
  sharedBy: 'Partagé par {owner}.',
  none: 'Aucun badge à afficher.',
  badgeDescription: '{issuer} a décerné {badge} à {owner}.',
  collectionDescription: '{count} badge(s) réunis par {owner}.',
  goneTitle: 'Ce partage n’est plus disponible',
  gone: 'Cette page n’est plus partagée : son propriétaire a cessé de la partager, ou son badge a été révoqué par son émetteur ou retiré par son propriétaire.',
  goneVerify: 'Un badge à contrôler ? Vérifiez-le ici.',
};

const LABELS: Record<string, ShareLabels> = { en: EN, fr: FR };

/** `?lang=` (a link that names its language) first, then `Accept-Language` (by q), among the languages we have words for; English otherwise. */
export function shareLanguage(acceptLanguage: string | undefined, requested?: unknown): string {
  const asked = typeof requested === 'string' && requested.trim() ? [requested.trim().toLowerCase()] : [];
  return chooseEdition(Object.keys(LABELS), [...asked, ...acceptedLanguages(acceptLanguage)]) ?? 'en';
}

/** A date as a reader of `lang` writes it ("1 mars 2026", "March 1, 2026"); in UTC, as the badge states it. */
export function formatShareDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat([lang, 'en'], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function labelsFor(lang: string): ShareLabels {
  return LABELS[lang] ?? EN;
}

export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
