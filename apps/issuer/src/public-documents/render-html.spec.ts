import { escapeHtml, renderHtml } from './render-html';

describe('renderHtml', () => {
  it('escapes every value and never links non-http URLs', () => {
    const html = renderHtml({
      lang: 'fr" onload="x',
      kind: 'BadgeClass',
      title: '<img src=x onerror=alert(1)>',
      description: 'a & b',
      url: 'https://badges.example.org/public/badges/x',
      criteria: { url: 'javascript:alert(1)', narrative: '<b>bold</b>' },
      alignments: [{ targetName: 'T', targetUrl: 'https://t.example.org/?a=1&b=2' }],
      evidence: [{ url: 'data:text/html,<script>', narrative: 'ok' }],
    });
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('href="data:');
    expect(html).toContain('<html lang="fr&quot; onload=&quot;x">');
    expect(html).toContain('href="https://t.example.org/?a=1&amp;b=2"');
    expect(html).toContain('<meta property="og:description" content="a &amp; b">');
  });

  it('shows the revocation notice', () => {
    expect(renderHtml({ lang: 'en', kind: 'Assertion', title: 'B', url: 'https://x', revoked: { reason: 'r' } })).toContain('This badge has been revoked.');
  });

  it('labels the page in its language, links the verifier and previews the baked image', () => {
    const html = renderHtml({
      lang: 'fr',
      kind: 'Assertion',
      title: 'Sécurité au labo',
      url: 'https://badges.example.org/public/assertions/a1',
      verifyUrl: 'https://badges.example.org/verify?url=https%3A%2F%2Fbadges.example.org%2Fpublic%2Fassertions%2Fa1',
      imageUrl: 'https://badges.example.org/public/assertions/a1/image',
      issuer: { name: 'Collège du Nord', url: 'https://badges.example.org/public/issuers/i1' },
      criteria: { narrative: 'Réussir l’examen.' },
      facts: [{ label: 'issuedOn', value: new Date('2024-05-01T00:00:00Z') }, { label: 'verification', code: 'signed' }],
    });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<dt>Vérification</dt><dd>Signé par l’émetteur</dd>');
    expect(html).toContain('<h2>Critères</h2>');
    expect(html).toContain('Décerné par <a href="https://badges.example.org/public/issuers/i1"');
    expect(html).toContain('<dt>Décerné le</dt><dd>1 mai 2024</dd>');
    expect(html).toContain('<a class="button" href="https://badges.example.org/verify?url=https%3A%2F%2Fbadges.example.org%2Fpublic%2Fassertions%2Fa1">Vérifier ce badge</a>');
    expect(html).toContain('<meta property="og:image" content="https://badges.example.org/public/assertions/a1/image">');
    expect(html).toContain('<meta property="og:url" content="https://badges.example.org/public/assertions/a1">');
    expect(html).not.toMatch(/<(script|link rel="stylesheet")/);
  });

  it('falls back to English labels for a language it has no words for', () => {
    expect(renderHtml({ lang: 'es', kind: 'BadgeClass', title: 'B', url: 'https://x', criteria: { narrative: 'n' } })).toContain('<h2>Criteria</h2>');
  });

  it('escapes quotes and ampersands', () => {
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});
