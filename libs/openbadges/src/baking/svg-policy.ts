/**
 * The SVG allow-list: what a badge picture may contain. Two outcomes for anything off the list:
 * - active content (script, HTML, event handlers, references that leave the document) is refused loudly, so an
 *   issuer learns their file is unsafe instead of getting a silently different picture;
 * - inert extras (editor namespaces such as inkscape:/sodipodi:, RDF metadata, unknown elements or attributes) are
 *   dropped, so real files from Inkscape or Illustrator still upload.
 */

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const OPENBADGES_NAMESPACE = 'http://openbadges.org';
/** OB 3.0's namespace for the baked `<openbadges:credential>` (OB 3.0 §5.3.2 "Baked Badge"). */
export const OPENBADGES_CREDENTIAL_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Namespaces whose markup a browser renders as documents with script: never welcome inside a badge. */
const MARKUP_NAMESPACES = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);

/** Namespace declarations kept; any other (an editor's, RDF's) goes with the elements and attributes that use it. */
const KEPT_NAMESPACES = new Set([SVG_NAMESPACE, XLINK_NAMESPACE, OPENBADGES_NAMESPACE, OPENBADGES_CREDENTIAL_NAMESPACE]);

/** Element names that run code or embed a document, in any namespace and any case (renderers can be lenient). */
const ACTIVE_ELEMENTS = new Set([
  'script', 'foreignobject', 'handler', 'listener', 'iframe', 'frame', 'frameset', 'embed', 'object', 'applet',
  'meta', 'form', 'link', 'base',
]);

/** What a badge picture needs from SVG 1.1/2: structure, shapes, text, paint servers, masking, filters, SMIL. */
const SVG_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'a', 'title', 'desc', 'style',
  'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan', 'textPath', 'image',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB',
  'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
  'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
  'animate', 'animateTransform', 'animateMotion', 'mpath', 'set',
]);

/** Un-namespaced attributes kept: core, geometry, presentation, text, paint servers, filters, SMIL timing. */
const SVG_ATTRIBUTES = new Set([
  // core and accessibility
  'id', 'class', 'style', 'lang', 'tabindex', 'role', 'focusable', 'version', 'baseProfile',
  'requiredFeatures', 'requiredExtensions', 'systemLanguage', 'href',
  // viewport and geometry
  'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'd', 'points',
  'pathLength', 'viewBox', 'preserveAspectRatio', 'transform', 'zoomAndPan', 'enable-background',
  // presentation
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color',
  'color-interpolation', 'color-interpolation-filters', 'color-rendering', 'display', 'visibility', 'overflow',
  'clip', 'clip-path', 'clip-rule', 'mask', 'filter', 'marker', 'marker-start', 'marker-mid', 'marker-end',
  'paint-order', 'vector-effect', 'shape-rendering', 'image-rendering', 'text-rendering', 'mix-blend-mode',
  'isolation', 'stop-color', 'stop-opacity', 'flood-color', 'flood-opacity', 'lighting-color', 'transform-origin',
  'transform-box',
  // text
  'font', 'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style', 'font-variant',
  'font-weight', 'text-anchor', 'text-decoration', 'dominant-baseline', 'alignment-baseline', 'baseline-shift',
  'letter-spacing', 'word-spacing', 'writing-mode', 'direction', 'unicode-bidi', 'dx', 'dy', 'rotate',
  'textLength', 'lengthAdjust', 'startOffset', 'method', 'spacing', 'side', 'white-space',
  // gradients, patterns, markers, clipping, masking
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'patternUnits', 'patternContentUnits',
  'patternTransform', 'markerUnits', 'markerWidth', 'markerHeight', 'refX', 'refY', 'orient', 'clipPathUnits',
  'maskUnits', 'maskContentUnits', 'mask-type',
  // filters
  'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'mode', 'type', 'values', 'tableValues', 'slope',
  'intercept', 'amplitude', 'exponent', 'operator', 'k1', 'k2', 'k3', 'k4', 'order', 'kernelMatrix', 'divisor',
  'bias', 'targetX', 'targetY', 'edgeMode', 'kernelUnitLength', 'preserveAlpha', 'surfaceScale',
  'diffuseConstant', 'specularConstant', 'specularExponent', 'scale', 'xChannelSelector', 'yChannelSelector',
  'stdDeviation', 'radius', 'azimuth', 'elevation', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ',
  'limitingConeAngle', 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles',
  // animation (SMIL); attributeName and the values are checked separately
  'attributeName', 'attributeType', 'begin', 'dur', 'end', 'min', 'max', 'restart', 'repeatCount', 'repeatDur',
  'calcMode', 'keyTimes', 'keySplines', 'keyPoints', 'from', 'to', 'by', 'additive', 'accumulate', 'path',
]);

/** Attributes that hold a URL a renderer follows, or an animation value that can become one. */
const URL_ATTRIBUTES = new Set(['href', 'src']);
const ANIMATION_VALUE_ATTRIBUTES = new Set(['to', 'from', 'by', 'values']);
/** A `#fragment` (or nothing: the document itself), or a raster image inlined as base64. */
const SAFE_REFERENCE = /^(#.*|data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=]*)?$/is;
/** Script URL schemes, anywhere in a value (animation `values` are `;`-separated lists). */
const SCRIPT_SCHEME = /(javascript|vbscript|livescript):/i;
/** CSS that fetches, runs or hides what it does (escapes could spell `url` or `@import` any way they like). */
const ACTIVE_CSS = ['@import', 'expression(', 'javascript:', '-moz-binding', 'behavior:', 'image-set(', '\\', '<'];

export type Verdict = { refuse: string } | 'keep' | 'drop';

/** An element as the parser resolved it. */
export interface ElementName {
  name: string;
  local: string;
  uri: string;
}

export interface AttributeName extends ElementName {
  prefix: string;
  value: string;
}

/** Refuse active elements anywhere; keep allow-listed SVG and the baked assertion (2.0) or credential (3.0); drop everything else. */
export function judgeElement(element: ElementName): Verdict {
  if (MARKUP_NAMESPACES.has(element.uri)) return { refuse: `a <${element.name}> element from ${element.uri}` };
  if (ACTIVE_ELEMENTS.has(element.local.toLowerCase())) return { refuse: `a <${element.name}> element` };
  if (element.uri === SVG_NAMESPACE) return SVG_ELEMENTS.has(element.local) ? 'keep' : 'drop';
  return isBakedBadgeElement(element) ? 'keep' : 'drop';
}

/** `<openbadges:assertion>` (2.0) or `<openbadges:credential>` (3.0), each in its own namespace. */
export function isBakedBadgeElement(element: ElementName): boolean {
  return (element.uri === OPENBADGES_NAMESPACE && element.local === 'assertion') || (element.uri === OPENBADGES_CREDENTIAL_NAMESPACE && element.local === 'credential');
}

/** Refuse handlers, outside references and active CSS on any element; keep allow-listed attributes; drop the rest. */
export function judgeAttribute(element: ElementName, attribute: AttributeName): Verdict {
  if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') {
    return KEPT_NAMESPACES.has(attribute.value.trim()) ? 'keep' : 'drop';
  }
  const local = attribute.local.toLowerCase();
  if (local.startsWith('on')) return { refuse: `the event handler ${attribute.name} on <${element.name}>` };
  const refusal = activeValue(local, attribute.value);
  if (refusal) return { refuse: `${refusal} in ${attribute.name} on <${element.name}>` };

  if (element.uri === OPENBADGES_NAMESPACE || element.uri === OPENBADGES_CREDENTIAL_NAMESPACE) return attribute.name === 'verify' ? 'keep' : 'drop';
  if (attribute.uri === '') return SVG_ATTRIBUTES.has(attribute.name) || /^aria-[a-z]+$/.test(attribute.name) ? 'keep' : 'drop';
  if (attribute.uri === XLINK_NAMESPACE) return local === 'href' || local === 'title' ? 'keep' : 'drop';
  if (attribute.uri === XML_NAMESPACE) return local === 'space' || local === 'lang' ? 'keep' : 'drop';
  return 'drop';
}

/** Why a stylesheet (a `<style>` element or a `style` attribute) is active, or undefined when it is inert. */
export function activeCss(css: string): string | undefined {
  const lower = css.toLowerCase();
  const found = ACTIVE_CSS.find((token) => lower.includes(token));
  if (found) return `the CSS ${JSON.stringify(found)}`;
  return outsideCssUrl(lower);
}

function activeValue(local: string, value: string): string | undefined {
  if (URL_ATTRIBUTES.has(local) && !SAFE_REFERENCE.test(compact(value))) return `a reference outside the document (${clip(value)})`;
  // <set attributeName="href" to="javascript:..."> or attributeName="onclick" would smuggle them in by animation.
  if (local === 'attributename' && /^(.*:)?(on|href$|src$)/i.test(value.trim())) return `an animation of ${value.trim()}`;
  if (ANIMATION_VALUE_ATTRIBUTES.has(local) && SCRIPT_SCHEME.test(compact(value))) return 'a script URL';
  if (local === 'style') return activeCss(value);
  return /url\(/i.test(value) ? outsideCssUrl(value.toLowerCase()) : undefined;
}

/** Browsers skip whitespace and control characters inside a URL, so `java\tscript:` still runs. */
function compact(value: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return value.replace(/[\s\x00-\x1f]+/g, '');
}

/** Every CSS `url(...)` (presentation attributes such as fill take them too) must point inside the document. */
function outsideCssUrl(lower: string): string | undefined {
  for (let at = lower.indexOf('url('); at !== -1; at = lower.indexOf('url(', at + 4)) {
    let i = at + 4;
    while (lower[i] === ' ' || lower[i] === '\t' || lower[i] === '\n' || lower[i] === '\r' || lower[i] === '"' || lower[i] === "'") i++;
    if (lower[i] !== '#') return `a CSS url() outside the document (${clip(lower.slice(at))})`;
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
