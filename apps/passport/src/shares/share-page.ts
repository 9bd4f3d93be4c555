import type { BadgeView } from '../backpack/backpack.repository';
import { escapeHtml, page } from '../common/html';

export interface SharedContent {
  kind: 'badge' | 'collection';
  title: string;
  description: string;
  ownerName: string;
  badges: BadgeView[];
  url: string;
}

/** Open Graph and Twitter tags, so a pasted link previews with the badge's image and name. */
function previewTags(content: SharedContent): string {
  const image = content.badges[0]?.award.imageUrl;
  const tags: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', 'Badge Passport'],
    ['og:title', content.title],
    ['og:description', content.description],
    ['og:url', content.url],
    ...(image ? ([['og:image', image], ['og:image:alt', content.title]] as [string, string][]) : []),
  ];
  const og = tags.map(([property, value]) => `<meta property="${property}" content="${escapeHtml(value)}">`).join('');
  return `${og}<meta name="twitter:card" content="summary"><meta name="description" content="${escapeHtml(content.description)}"><link rel="canonical" href="${escapeHtml(content.url)}">`;
}

/**
 * One badge: its baked image, name, issuer and date, a link to its public page, and a verify
 * button that opens the web app's verifier on it (`/verify?url=`, same origin as the share link).
 */
function badgeCard(view: BadgeView, shareUrl: string): string {
  const { award } = view;
  const verifyUrl = `${new URL(shareUrl).origin}/verify?url=${encodeURIComponent(award.assertionUrl)}`;
  return [
    `<div class="badge"><img src="${escapeHtml(award.imageUrl)}" alt="" width="96" height="96"><div>`,
    `<h2>${escapeHtml(award.badgeClassName)}</h2>`,
    `<p>Issued by ${escapeHtml(award.issuerName)} on ${award.issuedOn.toISOString().slice(0, 10)}</p>`,
    `<p><a href="${escapeHtml(award.assertionUrl)}">View the badge</a> <a class="button" href="${escapeHtml(verifyUrl)}">Verify this badge</a></p>`,
    `</div></div>`,
  ].join('');
}

export function renderSharePage(content: SharedContent): string {
  const heading = `<h1>${escapeHtml(content.title)}</h1><p>${escapeHtml(content.description)}</p>`;
  const list = content.badges.length > 0 ? content.badges.map((badge) => badgeCard(badge, content.url)).join('') : '<p>No badges to show.</p>';
  return page(content.title, `${heading}${list}<p><small>Shared by ${escapeHtml(content.ownerName)}.</small></p>`, previewTags(content));
}

/** The compact card shown inside the embed iframe. */
export function renderEmbed(content: SharedContent): string {
  const list = content.badges.slice(0, 3).map((badge) => badgeCard(badge, content.url)).join('');
  return page(content.title, `${list}<p><a href="${escapeHtml(content.url)}" target="_blank" rel="noopener">${escapeHtml(content.title)}</a></p>`);
}

export function sharedJson(content: SharedContent): Record<string, unknown> {
  return {
    type: content.kind,
    title: content.title,
    description: content.description,
    url: content.url,
    badges: content.badges.map(({ award }) => ({
      name: award.badgeClassName,
      issuer: award.issuerName,
      image: award.imageUrl,
      assertion: award.assertionUrl,
      issuedOn: award.issuedOn.toISOString(),
    })),
  };
}
