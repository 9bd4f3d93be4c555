import { SaxesParser, SaxesTagNS } from 'saxes';

import { ImageError } from './image-error';
import { DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_SVG_ATTRIBUTES, DEFAULT_MAX_SVG_DEPTH, DEFAULT_MAX_SVG_ELEMENTS } from './limits';
import { OPENBADGES_CREDENTIAL_NAMESPACE, OPENBADGES_NAMESPACE, SVG_NAMESPACE, Verdict, activeCss, judgeAttribute, judgeElement } from './svg-policy';

export { OPENBADGES_CREDENTIAL_NAMESPACE, OPENBADGES_NAMESPACE, SVG_NAMESPACE } from './svg-policy';

/** An `<openbadges:assertion>` (2.0) or `<openbadges:credential>` (3.0) element found directly or deeper inside the root. */
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
  /** Outermost OB 3.0 credential elements in document order. */
  credentials: SvgAssertionElement[];
  /** Source ranges of inert content off the allow-list (editor namespaces, metadata), in document order. */
  removals: SourceRange[];
}

export interface SourceRange {
  start: number;
  end: number;
}

export interface SvgScanOptions {
  /** Largest accepted document, in UTF-8 bytes (default 1 MiB). */
  maxBytes?: number;
  /** Deepest element nesting accepted, the root being 1 (default 64). */
  maxDepth?: number;
  /** Most elements accepted in the whole document (default 20,000). */
  maxElements?: number;
  /** Most attributes accepted on one element, namespace declarations included (default 128). */
  maxAttributes?: number;
  /**
   * A DOCTYPE is refused by default. `drop` cuts out one that only names an external DTD (no internal
   * subset, so no entity can be declared; saxes never fetches or reads a DTD): OB 3.0 baked SVGs from
   * common tools start with the SVG 1.1 DOCTYPE. One with an internal subset is refused all the same.
   */
  externalDoctype?: 'refuse' | 'drop';
}

/**
 * Parses an SVG with saxes (namespace-aware, strict, no DTD processing and so no entity expansion) against the
 * allow-list in svg-policy.ts: active content is refused, inert content off the list is reported in `removals`
 * (sanitiseSvg cuts it out). Work is linear in the input: the caps on depth, elements and attributes are checked
 * as each tag starts, before the parser resolves its names. One pass yields what baking, unbaking and inspection
 * need, with source offsets so baking can splice the original text instead of re-serialising it.
 *
 * Throws ImageError: image_too_large, svg_too_complex, svg_forbidden_content, svg_malformed, or
 * unsupported_image_type when the root is not `svg` in the SVG namespace.
 */
export function scanSvg(svg: string, options: SvgScanOptions = {}): SvgScan {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  // A UTF-16 length already over the cap is over it in UTF-8 too; skip the O(n) count then.
  if (svg.length > maxBytes || Buffer.byteLength(svg, 'utf8') > maxBytes) {
    throw new ImageError('image_too_large', `The SVG is larger than ${maxBytes} bytes.`);
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_SVG_DEPTH;
  const maxElements = options.maxElements ?? DEFAULT_MAX_SVG_ELEMENTS;
  const maxAttributes = options.maxAttributes ?? DEFAULT_MAX_SVG_ATTRIBUTES;

  const parser = new SaxesParser({
    xmlns: true,
    // Badges baked by lenient tools sometimes use the openbadges prefix without declaring it.
    resolvePrefix: (prefix: string) => (prefix === 'openbadges' ? OPENBADGES_NAMESPACE : undefined),
  });
  let root: SvgScan['root'] | undefined;
  let declaredEncoding: string | undefined;
  const assertions: SvgAssertionElement[] = [];
  const credentials: SvgAssertionElement[] = [];
  const removals: SourceRange[] = [];
  const openStarts: number[] = [];
  let attributeRanges = new Map<string, SourceRange>();
  let elements = 0;
  let current: SvgAssertionElement | undefined;
  let assertionDepth = 0;
  let currentCredential: SvgAssertionElement | undefined;
  let credentialDepth = 0;
  /** Depth of the outermost dropped element we are inside, or 0: nothing inside it is recorded again. */
  let droppedAt = 0;
  let style: string | undefined;

  parser.on('xmldecl', (decl) => {
    declaredEncoding = decl.encoding;
  });
  parser.on('doctype', (doctype) => {
    if (options.externalDoctype !== 'drop' || doctype.includes('[') || root) throw forbidden('a DOCTYPE (DTDs and entity declarations are never processed)');
    removals.push({ start: svg.lastIndexOf('<!DOCTYPE', parser.position), end: parser.position });
  });
  parser.on('processinginstruction', (pi) => {
    // xml-stylesheet and friends make renderers fetch external resources.
    throw forbidden(`the processing instruction <?${pi.target}?>`);
  });
  parser.on('opentagstart', (tag) => {
    if (++elements > maxElements) throw tooComplex(`more than ${maxElements} elements`);
    if (openStarts.length >= maxDepth) throw tooComplex(`elements nested more than ${maxDepth} levels deep (<${tag.name}>)`);
    // Attribute values cannot contain a raw '<', so the last one before here opens this tag.
    openStarts.push(svg.lastIndexOf('<', parser.position - 1));
    attributeRanges = new Map();
  });
  parser.on('attribute', (attribute) => {
    if (attributeRanges.size >= maxAttributes) throw tooComplex(`more than ${maxAttributes} attributes on one element`);
    attributeRanges.set(attribute.name, attributeRange(svg, attribute.name, parser.position));
  });
  parser.on('opentag', (tag) => {
    const depth = openStarts.length;
    const start = openStarts[depth - 1];
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
    const dropElement = judge(judgeElement(tag)) === 'drop';
    for (const attribute of Object.values(tag.attributes)) {
      const verdict = judge(judgeAttribute(tag, attribute));
      if (verdict === 'drop' && !droppedAt && !dropElement) removals.push(attributeRanges.get(attribute.name) as SourceRange);
    }
    if (dropElement && !droppedAt) droppedAt = depth;
    if (tag.uri === SVG_NAMESPACE && tag.local === 'style') style = '';
    if (current) {
      assertionDepth++;
    } else if (tag.uri === OPENBADGES_NAMESPACE && tag.local === 'assertion') {
      current = { start, end: -1, verify: tag.attributes['verify']?.value, content: '' };
      assertionDepth = 1;
    }
    if (currentCredential) {
      credentialDepth++;
    } else if (tag.uri === OPENBADGES_CREDENTIAL_NAMESPACE && tag.local === 'credential') {
      currentCredential = { start, end: -1, verify: tag.attributes['verify']?.value, content: '' };
      credentialDepth = 1;
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    const depth = openStarts.length;
    const start = openStarts.pop() as number;
    if (droppedAt === depth) {
      removals.push({ start, end: parser.position });
      droppedAt = 0;
    }
    if (style !== undefined && tag.uri === SVG_NAMESPACE && tag.local === 'style') {
      const refusal = activeCss(style);
      if (refusal) throw forbidden(`${refusal} in a <${tag.name}> element`);
      style = undefined;
    }
    if (current && --assertionDepth === 0) {
      current.end = parser.position;
      assertions.push(current);
      current = undefined;
    }
    if (currentCredential && --credentialDepth === 0) {
      currentCredential.end = parser.position;
      credentials.push(currentCredential);
      currentCredential = undefined;
    }
  });
  const collect = (text: string) => {
    if (current) current.content += text;
    if (currentCredential) currentCredential.content += text;
    if (style !== undefined) style += text;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);

  try {
    parser.write(svg).close();
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError('svg_malformed', `The SVG is not well-formed XML: ${(error as Error).message}`);
  }
  if (!root || openStarts.length !== 0) throw new ImageError('svg_malformed', 'The SVG has no complete root element.');
  return { root, declaredEncoding, assertions, credentials, removals };
}

/** Throws for active content; otherwise says whether to keep or drop. */
function judge(verdict: Verdict): 'keep' | 'drop' {
  if (typeof verdict === 'object') throw forbidden(verdict.refuse);
  return verdict;
}

/**
 * The source range of an attribute, its leading whitespace included, from the offset just past its closing quote.
 * The value cannot contain its own quote character raw, so the opening quote is the previous one: linear work.
 */
function attributeRange(svg: string, name: string, end: number): SourceRange {
  const quote = svg[end - 1];
  let i = svg.lastIndexOf(quote, end - 2) - 1;
  while (isXmlSpace(svg[i])) i--;
  i--; // the '='
  while (isXmlSpace(svg[i])) i--;
  let start = i + 1 - name.length;
  while (isXmlSpace(svg[start - 1])) start--;
  return { start, end };
}

function isXmlSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

function forbidden(what: string): ImageError {
  return new ImageError('svg_forbidden_content', `The SVG contains ${what}.`);
}

function tooComplex(what: string): ImageError {
  return new ImageError('svg_too_complex', `The SVG has ${what}; a badge image needs far less.`);
}
