import { SaxesAttributeNS, SaxesParser, SaxesTagNS } from 'saxes';

import { ImageError } from './image-error';
import { DEFAULT_MAX_IMAGE_BYTES } from './limits';

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const OPENBADGES_NAMESPACE = 'http://openbadges.org';

/** Elements that run code or embed HTML; compared lower-cased because some renderers are lenient. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'handler']);
/** Attributes that can hold a URL a renderer will follow (href) or animate into one (set/animate). */
const URL_ATTRIBUTES = new Set(['href', 'to', 'from', 'by', 'values']);
/** A script URL at the start of a value, or of any item in an animation `values` list. */
const SCRIPT_URL = /(^|;)(javascript|vbscript):/i;

/** An `<openbadges:assertion>` element found directly or deeper inside the root. */
export interface SvgAssertionElement {
  /** Source range of the whole element, `<` of the start tag to `>` of the end tag. */
  start: number;
  end: number;
  verify?: string;
  /** All text and CDATA inside the element, concatenated, untrimmed. */
  content: string;
}

export interface SvgScan {
  root: {
    /** Qualified name as written (`svg` or e.g. `s:svg`). */
    name: string;
    /** Index of the `<` of the root start tag. */
    start: number;
    /** Index just past the `>` of the root start tag. */
    startTagEnd: number;
    selfClosing: boolean;
    /** Attribute values by qualified name, namespace declarations included. */
    attributes: Record<string, string>;
  };
  /** Encoding named by the XML declaration, when there is one. */
  declaredEncoding?: string;
  /** Outermost assertion elements in document order. */
  assertions: SvgAssertionElement[];
}

export interface SvgScanOptions {
  /** Largest accepted document, in UTF-8 bytes (default 1 MiB). */
  maxBytes?: number;
}

/**
 * Parses an SVG with saxes (namespace-aware, strict, no DTD processing and so no entity expansion) and refuses
 * anything that could run code or reach outside the document. One pass yields what baking, unbaking and
 * inspection need, with source offsets so baking can splice the original text instead of re-serialising it.
 *
 * Throws ImageError: image_too_large, svg_forbidden_content, svg_malformed, or unsupported_image_type when the
 * root is not `svg` in the SVG namespace.
 */
export function scanSvg(svg: string, options: SvgScanOptions = {}): SvgScan {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  // A UTF-16 length already over the cap is over it in UTF-8 too; skip the O(n) count then.
  if (svg.length > maxBytes || Buffer.byteLength(svg, 'utf8') > maxBytes) {
    throw new ImageError('image_too_large', `The SVG is larger than ${maxBytes} bytes.`);
  }

  const parser = new SaxesParser({
    xmlns: true,
    // Badges baked by lenient tools sometimes use the openbadges prefix without declaring it.
    resolvePrefix: (prefix: string) => (prefix === 'openbadges' ? OPENBADGES_NAMESPACE : undefined),
  });
  let root: SvgScan['root'] | undefined;
  let declaredEncoding: string | undefined;
  const assertions: SvgAssertionElement[] = [];
  const openStarts: number[] = [];
  let current: SvgAssertionElement | undefined;
  let assertionDepth = 0;
  let depth = 0;

  parser.on('xmldecl', (decl) => {
    declaredEncoding = decl.encoding;
  });
  parser.on('doctype', () => {
    throw forbidden('a DOCTYPE (DTDs and entity declarations are never processed)');
  });
  parser.on('processinginstruction', (pi) => {
    // xml-stylesheet and friends make renderers fetch external resources.
    throw forbidden(`the processing instruction <?${pi.target}?>`);
  });
  parser.on('opentagstart', () => {
    // Attribute values cannot contain a raw '<', so the last one before here opens this tag.
    openStarts.push(svg.lastIndexOf('<', parser.position - 1));
  });
  parser.on('opentag', (tag) => {
    const start = openStarts[openStarts.length - 1];
    checkElement(tag);
    depth++;
    if (!root) {
      if (tag.local !== 'svg' || tag.uri !== SVG_NAMESPACE) {
        throw new ImageError('unsupported_image_type', `The root element is <${tag.name}>, not an SVG <svg>.`);
      }
      root = {
        name: tag.name,
        start,
        startTagEnd: parser.position,
        selfClosing: tag.isSelfClosing,
        attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      };
    }
    if (current) {
      assertionDepth++;
    } else if (tag.uri === OPENBADGES_NAMESPACE && tag.local === 'assertion') {
      current = { start, end: -1, verify: tag.attributes['verify']?.value, content: '' };
      assertionDepth = 1;
    }
  });
  parser.on('closetag', () => {
    openStarts.pop();
    depth--;
    if (current && --assertionDepth === 0) {
      current.end = parser.position;
      assertions.push(current);
      current = undefined;
    }
  });
  const collect = (text: string) => {
    if (current) current.content += text;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);

  try {
    parser.write(svg).close();
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError('svg_malformed', `The SVG is not well-formed XML: ${(error as Error).message}`);
  }
  if (!root || depth !== 0) throw new ImageError('svg_malformed', 'The SVG has no complete root element.');
  return { root, declaredEncoding, assertions };
}

function checkElement(tag: SaxesTagNS): void {
  if (FORBIDDEN_ELEMENTS.has(tag.local.toLowerCase())) throw forbidden(`a <${tag.name}> element`);
  for (const attribute of Object.values(tag.attributes)) checkAttribute(tag, attribute);
}

function checkAttribute(tag: SaxesTagNS, attribute: SaxesAttributeNS): void {
  if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') return;
  const local = attribute.local.toLowerCase();
  if (local.startsWith('on')) throw forbidden(`the event handler attribute ${attribute.name} on <${tag.name}>`);
  // <set attributeName="onload" to="..."> would smuggle a handler in through animation.
  if (local === 'attributename' && /^\s*on/i.test(attribute.value)) {
    throw forbidden(`an animation of ${attribute.value} on <${tag.name}>`);
  }
  // Browsers skip whitespace and control characters inside a scheme, so `java\tscript:` still runs.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (URL_ATTRIBUTES.has(local) && SCRIPT_URL.test(attribute.value.replace(/[\s\x00-\x1f]+/g, ''))) {
    throw forbidden(`a script URL in ${attribute.name} on <${tag.name}>`);
  }
}

function forbidden(what: string): ImageError {
  return new ImageError('svg_forbidden_content', `The SVG contains ${what}.`);
}
