/**
 * The words of the public HTML pages around the badge's own texts, in the page's language.
 * English is the fallback; a language is one more entry here (the web app's catalogs are
 * separate: these pages are rendered by the issuer, without the browser app).
 */
const EN = {
  issuedBy: 'Issued by',
  criteria: 'Criteria',
  alignments: 'Alignments',
  evidence: 'Evidence',
  endorsements: 'Endorsements',
  endorsement: 'Endorsement',
  anEndorser: 'An endorser',
  alsoIn: 'Also in',
  revoked: 'This badge has been revoked.',
  reason: 'Reason:',
  data: 'Open Badges 2.0 data (JSON-LD)',
  credentialData: 'Open Badges 3.0 credential (Verifiable Credential)',
  verify: 'Verify this badge',
  issuedOn: 'Issued on',
  expires: 'Expires',
  verification: 'Verification',
  signed: 'Signed by the issuer',
  website: 'Website',
  contact: 'Contact',
  imageOf: 'Badge image: {title}',
};

export type PageLabels = typeof EN;

const FR: PageLabels = {
  issuedBy: 'Décerné par',
  criteria: 'Critères',
  alignments: 'Alignements',
  evidence: 'Preuves',
  endorsements: 'Reconnaissances',
  endorsement: 'Reconnaissance',
  anEndorser: 'Un endosseur',
  alsoIn: 'Aussi en',
  revoked: 'Ce badge a été révoqué.',
  reason: 'Motif :',
  data: 'Données Open Badges 2.0 (JSON-LD)',
  credentialData: 'Justificatif Open Badges 3.0 (justificatif vérifiable)',
  verify: 'Vérifier ce badge',
  issuedOn: 'Décerné le',
  expires: 'Expire le',
  verification: 'Vérification',
  signed: 'Signé par l’émetteur',
  website: 'Site web',
  contact: 'Contact',
  imageOf: 'Image du badge : {title}',
};

const LABELS: Record<string, PageLabels> = { en: EN, fr: FR };

/** The languages a page's labels are written in, the first being the default. */
export const PAGE_LABEL_LANGUAGES = Object.keys(LABELS);

export function labelsFor(lang: string): PageLabels {
  return LABELS[lang.toLowerCase().split('-')[0]] ?? EN;
}

/** A language tag's name in the page's language (`fr` → "français" on a French page). */
export function languageName(tag: string, pageLang: string): string {
  try {
    return new Intl.DisplayNames([pageLang, 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A date-time in the page's language, e.g. "1 mai 2024"; dates are shown in UTC like the documents. */
export function formatPageDate(date: Date, pageLang: string): string {
  try {
    return new Intl.DateTimeFormat([pageLang, 'en'], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return date.toISOString();
  }
}
