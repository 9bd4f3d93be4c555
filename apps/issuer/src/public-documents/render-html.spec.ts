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

  it('escapes quotes and ampersands', () => {
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});
