import type { BadgeView } from '../backpack/backpack.repository';
import { shareLanguage } from './share-labels';
import { renderSharePage, type SharedContent } from './share-page';

const award = {
  assertionUrl: 'https://badges.example.org/public/assertions/a1',
  imageUrl: 'https://badges.example.org/public/assertions/a1/image',
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

  it('says its own words in the page language, links the verifier, and escapes the owner\'s texts', () => {
    const html = renderSharePage(content, 'fr');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Science &lt;skills&gt;</h1><p>1 badge(s) réunis par Alex.</p>');
    expect(html).toContain('Décerné par Northern College le 2024-05-01');
    expect(html).toContain(`<a class="button" href="https://badges.example.org/verify?url=${encodeURIComponent(award.assertionUrl)}">Vérifier ce badge</a>`);
    expect(html).toContain('<meta property="og:description" content="1 badge(s) réunis par Alex.">');
    expect(html).toContain('<main>');
  });

  it('keeps an owner\'s own description as written', () => {
    const html = renderSharePage({ ...content, description: 'My best work', generated: undefined });
    expect(html).toContain('<p>My best work</p>');
    expect(html).toContain('Verify this badge');
  });
});
