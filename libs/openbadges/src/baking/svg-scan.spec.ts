import { OPENBADGES_NAMESPACE, scanSvg } from './svg-scan';
import { SVG_NS, expectImageError, svgDoc } from './test-images';

describe('scanSvg', () => {
  it('reports the root start tag and assertion elements with source offsets', () => {
    const assertion = `<openbadges:assertion verify="https://example.org/a"><![CDATA[{"a":1}]]></openbadges:assertion>`;
    const svg = `<svg xmlns="${SVG_NS}" xmlns:openbadges="${OPENBADGES_NAMESPACE}" width="10">${assertion}<g/></svg>`;
    const scan = scanSvg(svg);
    expect(svg.slice(scan.root.start, scan.root.startTagEnd)).toBe(
      `<svg xmlns="${SVG_NS}" xmlns:openbadges="${OPENBADGES_NAMESPACE}" width="10">`,
    );
    expect(scan.root.attributes['width']).toBe('10');
    expect(scan.assertions).toHaveLength(1);
    expect(svg.slice(scan.assertions[0].start, scan.assertions[0].end)).toBe(assertion);
    expect(scan.assertions[0]).toMatchObject({ verify: 'https://example.org/a', content: '{"a":1}' });
  });

  it('keeps offsets right with astral characters and CRLF before the elements', () => {
    const svg = `<?xml version="1.0"?>\r\n<!-- 🏅 -->\r\n<svg xmlns="${SVG_NS}"><title>🏅é</title>\r\n<openbadges:assertion verify="x"/></svg>`;
    const [assertion] = scanSvg(svg).assertions;
    expect(svg.slice(assertion.start, assertion.end)).toBe('<openbadges:assertion verify="x"/>');
  });

  it('accepts a prefixed SVG root and an undeclared openbadges prefix', () => {
    expect(scanSvg(`<s:svg xmlns:s="${SVG_NS}"/>`).root.name).toBe('s:svg');
    expect(scanSvg(`<svg xmlns="${SVG_NS}"><openbadges:assertion verify="v"/></svg>`).assertions).toHaveLength(1);
  });

  it('refuses a DOCTYPE with an external entity (XXE) before reading any further', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<svg xmlns="${SVG_NS}"><text>&xxe;</text></svg>`;
    expect(expectImageError(() => scanSvg(xxe), 'svg_forbidden_content')).toBeLessThan(100);
  });

  it('refuses any DOCTYPE, including entity-expansion bombs and plain public DTDs', () => {
    const lol = `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="${SVG_NS}">&c;</svg>`;
    expectImageError(() => scanSvg(lol), 'svg_forbidden_content');
    const publicDtd = `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="${SVG_NS}"/>`;
    expectImageError(() => scanSvg(publicDtd), 'svg_forbidden_content');
  });

  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['a nested, namespaced script', '<g><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></g>'],
    ['an onload handler', '<rect onload="alert(1)"/>'],
    ['an upper-case handler', '<rect ONCLICK="alert(1)"/>'],
    ['foreignObject', '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'],
    ['a javascript: href', '<a href="javascript:alert(1)"><text>x</text></a>'],
    ['an obfuscated xlink:href', '<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href=" JavaScript&#x09;:alert(1)"/>'],
    ['a javascript: URL animated in', '<a><set attributeName="href" to="javascript:alert(1)"/></a>'],
    ['a javascript: URL in animation values', '<a><animate attributeName="href" values="#a;javascript:alert(1)"/></a>'],
    ['an animated event handler', '<rect><set attributeName="onmouseover" to="alert(1)"/></rect>'],
  ])('refuses %s', (_what, inner) => {
    expect(expectImageError(() => scanSvg(svgDoc(inner)), 'svg_forbidden_content')).toBeLessThan(100);
  });

  it('refuses processing instructions such as xml-stylesheet', () => {
    const svg = `<?xml version="1.0"?><?xml-stylesheet href="https://evil.example/x.css"?><svg xmlns="${SVG_NS}"/>`;
    expectImageError(() => scanSvg(svg), 'svg_forbidden_content');
  });

  it('allows links inside the document and the namespace declarations themselves', () => {
    const svg = svgDoc('<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#top"><use href="#r"/></a>');
    expect(scanSvg(svg).removals).toEqual([]);
  });

  it('refuses malformed XML, undeclared entities and unbound prefixes', () => {
    expectImageError(() => scanSvg(`<svg xmlns="${SVG_NS}"><g></svg>`), 'svg_malformed');
    expectImageError(() => scanSvg(`<svg xmlns="${SVG_NS}">&xxe;</svg>`), 'svg_malformed');
    expectImageError(() => scanSvg(`<svg xmlns="${SVG_NS}"><x:y/></svg>`), 'svg_malformed');
    expectImageError(() => scanSvg(''), 'svg_malformed');
  });

  it('refuses a root that is not svg in the SVG namespace', () => {
    expectImageError(() => scanSvg('<html><body/></html>'), 'unsupported_image_type');
    expectImageError(() => scanSvg('<svg/>'), 'unsupported_image_type');
    expectImageError(() => scanSvg('<svg xmlns="http://example.org/not-svg"/>'), 'unsupported_image_type');
  });

  it('caps the input size', () => {
    const big = svgDoc(`<desc>${'x'.repeat(2 * 1024 * 1024)}</desc>`);
    expect(expectImageError(() => scanSvg(big), 'image_too_large')).toBeLessThan(100);
    expectImageError(() => scanSvg(svgDoc(), { maxBytes: 50 }), 'image_too_large');
    // The cap counts UTF-8 bytes, not UTF-16 code units.
    expectImageError(() => scanSvg(svgDoc(`<desc>${'é'.repeat(600)}</desc>`), { maxBytes: 1000 }), 'image_too_large');
  });
});
