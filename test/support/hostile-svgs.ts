/**
 * The hostile SVG corpus for test/security and test/browser: issue #13 finding 1 and the usual SVG-XSS vectors.
 * Each payload, should it ever run on the platform's origin, leaves evidence a test can look for: it sets
 * `document.title` to PWNED, writes `localStorage.pwned`, and requests a path under PWNED_PATH.
 */
export const PWNED = 'pwned';
export const PWNED_PATH = '/__pwned';

const SVG = 'http://www.w3.org/2000/svg';
const XHTML = 'http://www.w3.org/1999/xhtml';
const XLINK = 'http://www.w3.org/1999/xlink';

/** The script every payload runs; single quotes only, so it fits in a double-quoted attribute. */
export const SCRIPT = `top.document.title='${PWNED}';localStorage.setItem('${PWNED}',document.domain||'1');fetch('${PWNED_PATH}/script')`;
const ESCAPED_SCRIPT_ELEMENT = `&lt;script&gt;${SCRIPT}&lt;/script&gt;`;

function svg(inner: string, rootAttributes = ''): string {
  return `<svg xmlns="${SVG}" xmlns:xlink="${XLINK}" width="64" height="64"${rootAttributes}><rect width="64" height="64" fill="#08c"/>${inner}</svg>`;
}

/** Name → SVG text. Every one must be refused at intake with `svg_forbidden_content`. */
export const HOSTILE_SVGS: Record<string, string> = {
  'XHTML iframe with a srcdoc script (finding 1)': svg(`<iframe xmlns="${XHTML}" srcdoc="${ESCAPED_SCRIPT_ELEMENT}"/>`),
  'XHTML embed': svg(`<embed xmlns="${XHTML}" type="text/html" src="${PWNED_PATH}/embed"/>`),
  'XHTML object': svg(`<object xmlns="${XHTML}" type="text/html" data="${PWNED_PATH}/object"/>`),
  'XHTML meta refresh': svg(`<meta xmlns="${XHTML}" http-equiv="refresh" content="0;url=${PWNED_PATH}/meta"/>`),
  'XHTML form': svg(`<form xmlns="${XHTML}" action="${PWNED_PATH}/form"><input name="password" type="password"/></form>`),
  'script element': svg(`<script>${SCRIPT}</script>`),
  'upper-case XHTML script': svg(`<SCRIPT xmlns="${XHTML}">${SCRIPT}</SCRIPT>`),
  'onload handler on the root': svg('', ` onload="${SCRIPT}"`),
  'foreignObject with HTML': svg(`<foreignObject width="64" height="64"><body xmlns="${XHTML}"><script>${SCRIPT}</script></body></foreignObject>`),
  'set of href to a javascript: URL': svg(`<a><set attributeName="href" to="javascript:${SCRIPT}"/><text y="20">x</text></a>`),
  'animate of href with javascript: values': svg(`<a><animate attributeName="href" values="#a;javascript:${SCRIPT}"/><text y="20">x</text></a>`),
  'xlink:href javascript: link': svg(`<a xlink:href="javascript:${SCRIPT}"><text y="20">x</text></a>`),
  'external use': svg(`<use href="${PWNED_PATH}/use.svg#x"/>`),
  'external image': svg(`<image width="8" height="8" href="${PWNED_PATH}/image.png"/>`),
  'CSS url() to elsewhere': svg(`<rect width="8" height="8" style="fill:url(${PWNED_PATH}/css-url)"/>`),
  'CSS @import': svg(`<style>@import url(${PWNED_PATH}/import.css);</style>`),
  'style element closed into a script': svg(`<style><![CDATA[</style><script>${SCRIPT}</script>]]></style>`),
  'DOCTYPE entity carrying a script': `<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;${SCRIPT}&#60;/script&#62;">]>${svg('&s;')}`,
};

/** What Inkscape leaves around a drawing: accepted, stored without the editor's namespaces and metadata. */
export const INKSCAPE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg width="64" height="64" viewBox="0 0 64 64" version="1.1" id="svg1" sodipodi:docname="badge.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="${SVG}" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="8"/>
  <metadata id="metadata1"><rdf:RDF><dc:title>Welding</dc:title></rdf:RDF></metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1"><circle cx="32" cy="32" r="30" fill="#d4a017"/></g>
</svg>
`;

/** Finding 2: 100,000 nested groups (124 s of a frozen event loop before the fix). */
export const DEEP_SVG = `<svg xmlns="${SVG}">${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}</svg>`;

export function svgDataUri(text: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(text).toString('base64')}`;
}
