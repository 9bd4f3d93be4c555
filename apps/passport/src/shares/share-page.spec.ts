import type { BadgeView } from '../backpack/backpack.repository';
import { shareLanguage } from './share-labels';
import { inLanguage, renderSharePage, type SharedContent } from './share-page';

const award = {
  assertionUrl: 'https://badges.example.org/public/assertions/a1',
  imageUrl: 'https://badges.example.org/public/assertions/a1/image',
  badgeClassId: 'b1',
  badgeClassName: 'Lab Safety',
  issuerName: 'Northern College',
  issuedOn: new Date('2024-05-01T00:00:00Z'),
};
const content: SharedContent = {
  kind: 'collection',
  title: 'Science <skills>',
  description: '1 badge(s) collected by Alex.',
  generated: { kind: 'collection', count: 1 },
  ownerName: 'Alex',
  badges: [{ award } as unknown as BadgeView],
  url: 'https://badges.example.org/public/passport/shares/s1',
};

describe('share pages', () => {
  it('picks the first Accept-Language it has words for, English otherwise', () => {
    expect(shareLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(shareLanguage('de, en;q=0.5')).toBe('en');
    expect(shareLanguage('en;q=0.4, fr;q=0.6')).toBe('fr');
    expect(shareLanguage(undefined)).toBe('en');
  });

  it('lets a link\'s ?lang= choose before Accept-Language, among the languages it has', () => {
    expect(shareLanguage('en', 'fr')).toBe('fr');
    expect(shareLanguage('fr', 'EN')).toBe('en');
    expect(shareLanguage('fr', 'de')).toBe('fr');
    expect(shareLanguage(undefined, ['fr'])).toBe('en');
  });

  it('shows a badge\'s name from its translation, and its date as the reader writes dates', () => {
    const badge: SharedContent = { ...content, kind: 'badge', title: 'Lab Safety', generated: { kind: 'badge', issuer: 'Northern College', badge: 'Lab Safety' } };
    const editions = new Map([['b1', { id: 'https://badges.example.org/public/badges/b1?lang=fr', language: 'fr', name: 'Sécurité au labo' }]]);
    const html = renderSharePage(inLanguage(badge, editions), 'fr');
    expect(html).toContain('<h1>Sécurité au labo</h1><p>Northern College a décerné Sécurité au labo à Alex.</p>');
    expect(html).toContain('<h2>Sécurité au labo</h2>');
    expect(html).toContain('Décerné par Northern College le 1 mai 2024');
    expect(renderSharePage(badge, 'en')).toContain('Issued by Northern College on May 1, 2024');
    expect(inLanguage(badge, new Map())).toBe(badge);
  });

  it('says its own words in the page language, links the verifier, and escapes the owner\'s texts', () => {
    const html = renderSharePage(content, 'fr');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Science &lt;skills&gt;</h1><p>1 badge(s) réunis par Alex.</p>');
    expect(html).toContain('Décerné par Northern College le 1 mai 2024');
    expect(html).toContain(`<a class="button" href="https://badges.example.org/verify?url=${encodeURIComponent(award.assertionUrl)}&amp;lang=fr">Vérifier ce badge</a>`);
    expect(html).toContain('<meta property="og:description" content="1 badge(s) réunis par Alex.">');
    expect(html).toContain('<main>');
  });

  it('keeps an owner\'s own description as written', () => {
    const html = renderSharePage({ ...content, description: 'My best work', generated: undefined });
    expect(html).toContain('<p>My best work</p>');
    expect(html).toContain('Verify this badge');
  });

  it('links a badge\'s OB 3.0 credential on this platform, in the page language; a credential known only by a urn has no page to link', () => {
    const credentialUrl = 'https://badges.example.org/public/credentials/a1';
    const withCredential = { ...content, badges: [{ award: { ...award, credentialUrl, credentialFormat: 'ldp' } } as unknown as BadgeView] };
    expect(renderSharePage(withCredential, 'fr')).toContain(`<a href="${credentialUrl}" type="application/vc+ld+json">Son attestation Open Badges 3.0</a>`);
    const urnOnly = { ...content, badges: [{ award: { ...award, assertionUrl: 'urn:uuid:6a1b2c3d-0000-4000-8000-000000000000', credentialUrl: null } } as unknown as BadgeView] };
    const html = renderSharePage(urnOnly, 'en');
    expect(html).not.toContain('urn:uuid');
    expect(html).not.toContain('Verify this badge');
    expect(html).toContain('<h2>Lab Safety</h2>');
  });
});
