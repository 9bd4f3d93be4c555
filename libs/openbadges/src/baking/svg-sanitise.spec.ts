import { bakeSvg, unbakeSvg } from './svg-baking';
import { sanitiseSvg } from './svg-sanitise';
import { SVG_NS, expectImageError, svgDoc } from './test-images';

const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';

/** What Inkscape 1.x writes around a drawing: editor namespaces, a named view and RDF metadata. */
const INKSCAPE = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg width="64" height="64" viewBox="0 0 64 64" version="1.1" id="svg1"
   inkscape:version="1.3 (0e150ed6c4, 2023-07-21)" sodipodi:docname="badge.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="${SVG_NS}" xmlns:svg="${SVG_NS}" ${XLINK}
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="8" inkscape:current-layer="layer1" />
  <defs id="defs1"><linearGradient id="g1"><stop offset="0" style="stop-color:#ffd700;stop-opacity:1" /></linearGradient></defs>
  <metadata id="metadata1"><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
    <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/" /></cc:Work></rdf:RDF></metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1">
    <circle style="fill:url(#g1);stroke:#000000;stroke-width:2" cx="32" cy="32" r="30" id="path1" sodipodi:nodetypes="c" />
    <text x="32" y="38" text-anchor="middle" font-family="'DejaVu Sans', sans-serif" xml:space="preserve">A+</text>
    <image width="8" height="8" xlink:href="data:image/png;base64,iVBORw0KGgo=" />
  </g>
</svg>
`;

describe('sanitiseSvg', () => {
  it.each([
    ['an XHTML iframe with a srcdoc script (finding 1)', `<iframe ${XHTML} srcdoc="&lt;script&gt;parent.x=1&lt;/script&gt;"/>`],
    ['an XHTML embed', `<embed ${XHTML} src="https://evil.example/x.swf"/>`],
    ['an XHTML object', `<object ${XHTML} data="https://evil.example/x.html"/>`],
    ['an XHTML meta refresh', `<meta ${XHTML} http-equiv="refresh" content="0;url=https://evil.example"/>`],
    ['an XHTML form', `<form ${XHTML} action="https://evil.example"><input/></form>`],
    ['any XHTML element, however harmless it looks', `<h:p xmlns:h="http://www.w3.org/1999/xhtml">hi</h:p>`],
    ['MathML', `<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>`],
    ['foreignObject', `<foreignObject><div ${XHTML}>hi</div></foreignObject>`],
    ['a script element', '<script>alert(1)</script>'],
    ['an upper-case script', '<SCRIPT>alert(1)</SCRIPT>'],
    ['a script in a made-up namespace', '<x:script xmlns:x="urn:x">alert(1)</x:script>'],
    ['a script inside editor metadata', '<metadata><x:script xmlns:x="urn:x">alert(1)</x:script></metadata>'],
    ['an onload handler', '<rect onload="alert(1)"/>'],
    ['an upper-case handler', '<rect ONCLICK="alert(1)"/>'],
    ['a namespaced handler', '<rect xmlns:x="urn:x" x:onclick="alert(1)"/>'],
    ['a set of href to a script URL', '<a><set attributeName="href" to="javascript:alert(1)"/></a>'],
    ['an animate of href with script values', '<a><animate attributeName="href" values="#a;javascript:alert(1)"/></a>'],
    ['an animation of xlink:href, even to a fragment', `<a ${XLINK}><set attributeName="xlink:href" to="#a"/></a>`],
    ['an animated event handler', '<rect><set attributeName="onmouseover" to="alert(1)"/></rect>'],
    ['a javascript: href', '<a href="javascript:alert(1)"><text>x</text></a>'],
    ['an obfuscated xlink:href', `<a ${XLINK} xlink:href=" JavaScript&#x09;:alert(1)"/>`],
    ['an external http(s) link', '<a href="https://evil.example/phish"><text>x</text></a>'],
    ['an external use', '<use href="http://evil.example/sprite.svg#x"/>'],
    ['an image from elsewhere', `<image ${XLINK} xlink:href="https://tracker.example/pixel.png"/>`],
    ['an SVG image as a data URI', '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'],
    ['a file: image left behind by an editor', `<image ${XLINK} xlink:href="file:///home/me/logo.png"/>`],
    ['a CSS url() to elsewhere in a style attribute', '<rect style="fill:url(https://evil.example/x)"/>'],
    ['a CSS url() to elsewhere in a presentation attribute', '<rect fill="url( \'http://evil.example/x\' )"/>'],
    ['a CSS @import', '<style>@import url(#x); rect{fill:red}</style>'],
    ['a CSS @import hidden by an escape', '<style>@\\69mport "https://evil.example/x.css";</style>'],
    ['a CSS url() to elsewhere in a style element', '<style><![CDATA[rect{background:url(https://evil.example/x)}]]></style>'],
    ['a style element that closes itself into a script', '<style><![CDATA[</style><script>alert(1)</script>]]></style>'],
    ['a style element with a script after it', '<style>rect{fill:red}</style><script>alert(1)</script>'],
  ])('refuses %s', (_what, inner) => {
    expectImageError(() => sanitiseSvg(svgDoc(inner)), 'svg_forbidden_content');
  });

  it('refuses DOCTYPE and entity tricks before they can expand', () => {
    const xxe = `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="${SVG_NS}"><text>&x;</text></svg>`;
    expectImageError(() => sanitiseSvg(xxe), 'svg_forbidden_content');
    const smuggled = `<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg xmlns="${SVG_NS}">&s;</svg>`;
    expectImageError(() => sanitiseSvg(smuggled), 'svg_forbidden_content');
    // Without a DTD an entity is undefined: malformed, never expanded.
    expectImageError(() => sanitiseSvg(`<svg xmlns="${SVG_NS}">&lol;</svg>`), 'svg_malformed');
  });

  it('names what it found', () => {
    expect(() => sanitiseSvg(svgDoc(`<iframe ${XHTML}/>`))).toThrow(/<iframe> element from http:\/\/www\.w3\.org\/1999\/xhtml/);
    expect(() => sanitiseSvg(svgDoc('<rect onclick="x()"/>'))).toThrow(/event handler onclick on <rect>/);
    expect(() => sanitiseSvg(svgDoc('<use href="http://e.example/a#b"/>'))).toThrow(/reference outside the document \(http:\/\/e\.example\/a#b\) in href on <use>/);
  });

  it('keeps an Inkscape badge, cutting only the editor namespaces and metadata', () => {
    const { text } = sanitiseSvg(INKSCAPE);
    expect(withoutComments(text)).not.toMatch(/inkscape|sodipodi|rdf|metadata|creativecommons/);
    expect(text).toContain('<!-- Created with Inkscape (http://www.inkscape.org/) -->');
    expect(text).toContain('<circle style="fill:url(#g1);stroke:#000000;stroke-width:2" cx="32" cy="32" r="30" id="path1" />');
    expect(text).toContain(`<svg width="64" height="64" viewBox="0 0 64 64" version="1.1" id="svg1"\n   xmlns="${SVG_NS}" xmlns:svg="${SVG_NS}" ${XLINK}>`);
    expect(text).toContain('xlink:href="data:image/png;base64,iVBORw0KGgo="');
    expect(text).toContain('xml:space="preserve">A+</text>');
  });

  it('drops unknown elements and attributes, keeps what is on the list byte for byte', () => {
    const svg = svgDoc('<rect  data-x="1"\n  width="10" foo="bar"/><cursor xmlns:y="urn:y" y:a="1"><g/></cursor><g xml:base="https://e.example/" aria-label="l" role="img"/>');
    expect(sanitiseSvg(svg).text).toBe(svgDoc('<rect\n  width="10"/><g aria-label="l" role="img"/>'));
  });

  it('leaves a clean SVG as it is, and is idempotent', () => {
    const clean = svgDoc('<defs><clipPath id="c"><circle r="4"/></clipPath></defs><g clip-path="url(#c)"><use href="#c"/></g>');
    expect(sanitiseSvg(clean).text).toBe(clean);
    const once = sanitiseSvg(INKSCAPE).text;
    expect(sanitiseSvg(once).text).toBe(once);
    expect(sanitiseSvg(once).scan.removals).toEqual([]);
  });

  it('keeps a baked assertion exactly, and baking a sanitised SVG keeps it sanitised', () => {
    const json = '{"id":"https://example.org/a/1","x":"]]\\u003e <script>"}';
    const baked = bakeSvg(INKSCAPE, { verify: 'https://example.org/a/1', assertion: json });
    expect(sanitiseSvg(baked).text).toBe(baked);
    expect(unbakeSvg(sanitiseSvg(baked).text)).toBe(json);
    expect(withoutComments(baked)).not.toMatch(/inkscape/);
  });

  it('allows SMIL animation of ordinary attributes and raster data URIs', () => {
    const svg = svgDoc('<rect><animate attributeName="fill" values="red;blue" dur="1s"/></rect><image href="data:image/webp;base64,UklGRg=="/>');
    expect(sanitiseSvg(svg).text).toBe(svg);
  });
});

function withoutComments(svg: string): string {
  return svg.replace(/<!--.*?-->/g, '');
}
