import type { BadgeEdition } from '@badges/openbadges';

import type { BadgeView } from '../backpack/backpack.repository';
import { escapeHtml, page } from '../common/html';
import type { KeptCredential } from '../credentials/kept-credentials.service';
import { fillIn, formatShareDate, labelsFor, type ShareLabels } from './share-labels';

export interface SharedContent {
  kind: 'badge' | 'collection';
  title: string;
  description: string;
  ownerName: string;
  badges: BadgeView[];
  url: string;
  /** Set when `description` was written by us (not the owner's own), so pages can say it in their language. */
  generated?: { kind: 'badge'; issuer: string; badge: string } | { kind: 'collection'; count: number };
}

/** The description in the page's language: ours translated, the owner's own as they wrote it. */
function describe(content: SharedContent, labels: ShareLabels): string {
  const generated = content.generated;
  if (!generated) return content.description;
  return generated.kind === 'badge'
    ? fillIn(labels.badgeDescription, { issuer: generated.issuer, badge: generated.badge, owner: content.ownerName })
    : fillIn(labels.collectionDescription, { count: generated.count, owner: content.ownerName });
}

/** Open Graph and Twitter tags, so a pasted link previews with the badge's image and name. */
function previewTags(content: SharedContent, description: string, lang: string): string {
  const image = content.badges[0]?.award.imageUrl;
  const tags: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', 'Badge Passport'],
    ['og:title', content.title],
    ['og:description', description],
    ['og:locale', lang],
    ['og:url', content.url],
    ...(image ? ([['og:image', image], ['og:image:alt', content.title]] as [string, string][]) : []),
  ];
  const og = tags.map(([property, value]) => `<meta property="${property}" content="${escapeHtml(value)}">`).join('');
  return `${og}<meta name="twitter:card" content="summary"><meta name="description" content="${escapeHtml(description)}"><link rel="canonical" href="${escapeHtml(content.url)}">`;
}

/**
 * One badge: its baked image, name, issuer and date, a link to its public page, and a verify
 * button that opens the web app's verifier on it (`/verify?url=`, same origin as the share link);
 * and a link to its OB 3.0 credential on this platform, when it has one. A badge whose only id is
 * not a web address (an OB 3.0 credential's `urn:uuid:`) has no page to link to.
 */
function badgeCard(view: BadgeView, shareUrl: string, labels: ShareLabels, lang: string): string {
  const { award } = view;
  // In the page's language: the web app reads `?lang=`, so a French reader stays in French.
  const verifyUrl = `${new URL(shareUrl).origin}/verify?url=${encodeURIComponent(award.assertionUrl)}&lang=${lang}`;
  const links = [
    ...(isWebAddress(award.assertionUrl) ? [`<a href="${escapeHtml(award.assertionUrl)}">${escapeHtml(labels.viewBadge)}</a>`] : []),
    ...(award.credentialUrl ? [`<a href="${escapeHtml(award.credentialUrl)}" type="${award.credentialFormat === 'jwt' ? 'application/vc+jwt' : 'application/vc+ld+json'}">${escapeHtml(labels.credential)}</a>`] : []),
    ...(isWebAddress(award.assertionUrl) ? [`<a class="button" href="${escapeHtml(verifyUrl)}">${escapeHtml(labels.verify)}</a>`] : []),
  ];
  return [
    `<div class="badge"><img src="${escapeHtml(award.imageUrl)}" alt="" width="96" height="96"><div>`,
    `<h2>${escapeHtml(award.badgeClassName)}</h2>`,
    `<p>${escapeHtml(fillIn(labels.issuedBy, { issuer: award.issuerName, date: formatShareDate(award.issuedOn, lang) }))}</p>`,
    links.length > 0 ? `<p>${links.join(' ')}</p>` : '',
    `</div></div>`,
  ].join('');
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//.test(url);
}

/** The share page in `lang`: our words and dates (the badges' texts in `lang` are given by inLanguage; the owner's as written). */
export function renderSharePage(content: SharedContent, lang = 'en'): string {
  const labels = labelsFor(lang);
  const description = describe(content, labels);
  const heading = `<h1>${escapeHtml(content.title)}</h1><p>${escapeHtml(description)}</p>`;
  const list = content.badges.length > 0 ? content.badges.map((badge) => badgeCard(badge, content.url, labels, lang)).join('') : `<p>${escapeHtml(labels.none)}</p>`;
  const footer = `<p><small>${escapeHtml(fillIn(labels.sharedBy, { owner: content.ownerName }))}</small></p>`;
  return page(content.title, `${heading}${list}${footer}`, previewTags(content, description, lang), lang);
}

/**
 * What a browser shows for a share that is gone (410): said in the reader's language, with the
 * way to the verifier, instead of the API's JSON error. The page does not say which reason it was.
 */
export function renderGonePage(origin: string, lang = 'en'): string {
  const labels = labelsFor(lang);
  const verify = `<p><a href="${escapeHtml(`${origin}/verify?lang=${lang}`)}">${escapeHtml(labels.goneVerify)}</a></p>`;
  return page(labels.goneTitle, `<h1>${escapeHtml(labels.goneTitle)}</h1><p>${escapeHtml(labels.gone)}</p>${verify}`, '<meta name="robots" content="noindex">', lang);
}

/** The compact card shown inside the embed iframe. */
export function renderEmbed(content: SharedContent, lang = 'en'): string {
  const labels = labelsFor(lang);
  const list = content.badges.slice(0, 3).map((badge) => badgeCard(badge, content.url, labels, lang)).join('');
  return page(content.title, `${list}<p><a href="${escapeHtml(content.url)}" target="_blank" rel="noopener">${escapeHtml(content.title)}</a></p>`, '', lang);
}

/**
 * The share as JSON. A badge with an OB 3.0 credential carries it as signed (`credential`: the
 * JSON, or the compact VC-JWT), so a reader can verify it without asking anyone else.
 */
export function sharedJson(content: SharedContent, credentials: ReadonlyMap<string, KeptCredential> = new Map()): Record<string, unknown> {
  return {
    type: content.kind,
    title: content.title,
    description: content.description,
    url: content.url,
    badges: content.badges.map(({ award }) => {
      const credential = credentials.get(award.assertionId);
      return {
        name: award.badgeClassName,
        issuer: award.issuerName,
        image: award.imageUrl,
        assertion: award.assertionUrl,
        issuedOn: award.issuedOn.toISOString(),
        ...(credential ? { credential: credential.format === 'jwt' ? credential.text : (JSON.parse(credential.text) as unknown) } : {}),
      };
    }),
  };
}

/**
 * The content with each badge's name in the reader's language where its badge class publishes a
 * translation (`editions`, by badge class id; BadgeEditionsService). The owner's own words stay.
 */
export function inLanguage(content: SharedContent, editions: ReadonlyMap<string, BadgeEdition>): SharedContent {
  if (editions.size === 0) return content;
  const badges = content.badges.map((view) => {
    const edition = editions.get(view.award.badgeClassId);
    return edition ? { ...view, award: { ...view.award, badgeClassName: edition.name } } : view;
  });
  const generated = content.generated?.kind === 'badge' ? { ...content.generated, badge: badges[0]?.award.badgeClassName ?? content.generated.badge } : content.generated;
  return { ...content, badges, generated, title: content.kind === 'badge' ? (badges[0]?.award.badgeClassName ?? content.title) : content.title };
}
