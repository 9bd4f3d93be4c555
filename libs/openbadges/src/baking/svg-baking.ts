import { ImageError } from './image-error';
import { sanitiseSvg } from './svg-sanitise';
import { OPENBADGES_NAMESPACE, SvgScan, SvgScanOptions, scanSvg } from './svg-scan';

/** What to bake into an SVG: `verify` is the compact JWS (signed) or the assertion URL (hosted). */
export interface SvgBakePayload {
  verify?: string;
  /** Hosted badges: the assertion, as an object or already-serialised JSON, written as the element's CDATA. */
  assertion?: object | string;
}

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NON_XML_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Bakes per the spec: declares `xmlns:openbadges` on the root `<svg>` and makes
 * `<openbadges:assertion verify="...">` its first child, with the assertion JSON as CDATA for hosted badges and
 * no body for signed ones. Existing assertion elements are removed first, so re-baking replaces. The document is
 * sanitised (refused if hostile, inert extras cut out) and then spliced, so everything kept stays byte-for-byte.
 */
export function bakeSvg(svg: string, payload: SvgBakePayload, options?: SvgScanOptions): string {
  const { text, scan } = sanitiseSvg(svg, options);
  return bakeScannedSvg(text, scan, payload);
}

/** bakeSvg for a document the caller has already sanitised (the scan must be of exactly this text). */
export function bakeScannedSvg(svg: string, scan: SvgScan, payload: SvgBakePayload): string {
  const { verify, body } = normalisePayload(payload);
  const { root } = scan;
  const edits: Edit[] = scan.assertions.map((a) => ({ ...wholeLine(svg, a.start, a.end), text: '' }));

  // If the root already binds the prefix to something else, leave it alone and bind it on our element instead.
  const rootBinding = root.attributes['xmlns:openbadges'];
  const namespaceDeclaration = ` xmlns:openbadges="${OPENBADGES_NAMESPACE}"`;
  if (rootBinding === undefined) {
    const afterRootName = root.start + 1 + root.name.length;
    edits.push({ start: afterRootName, end: afterRootName, text: namespaceDeclaration });
  }
  const element =
    `<openbadges:assertion${rootBinding !== undefined && rootBinding !== OPENBADGES_NAMESPACE ? namespaceDeclaration : ''}` +
    (verify !== undefined ? ` verify="${escapeAttribute(verify)}"` : '') +
    (body !== undefined ? `>${toCdata(body)}</openbadges:assertion>` : '/>');

  if (root.selfClosing) {
    // `<svg .../>` has no content to prepend to: reopen it as `<svg ...>element</svg>`.
    edits.push({ start: root.startTagEnd - 2, end: root.startTagEnd, text: `>${element}</${root.name}>` });
  } else {
    edits.push({ start: root.startTagEnd, end: root.startTagEnd, text: element });
  }
  return applyEdits(svg, edits);
}

/**
 * What a verifier should process next: the element's text/CDATA (trimmed) when it has any, else its `verify`
 * attribute, else null. That is the reference bakeries' order (Mozilla `lib/svg.js`, Python bakery 1.1.0
 * pinned by the 1EdTech validator): for a hosted badge the embedded JSON wins over the URL, a signed badge
 * yields the JWS. The first assertion element wins. The text is returned as-is, not parsed: judging it is the
 * verifier's job.
 */
export function unbakeSvg(svg: string, options?: SvgScanOptions): string | null {
  return unbakeScannedSvg(scanSvg(svg, options));
}

/** unbakeSvg for a document the caller has already scanned. */
export function unbakeScannedSvg(scan: SvgScan): string | null {
  const [assertion] = scan.assertions;
  if (!assertion) return null;
  const content = assertion.content.trim();
  if (content) return content;
  const verify = assertion.verify?.trim();
  return verify ? verify : null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Widens a range to its whole line when nothing else shares that line, so removals leave no blank lines. */
function wholeLine(source: string, start: number, end: number): { start: number; end: number } {
  let before = start;
  while (before > 0 && (source[before - 1] === ' ' || source[before - 1] === '\t')) before--;
  let after = end;
  while (after < source.length && (source[after] === ' ' || source[after] === '\t')) after++;
  if (source[after] === '\r') after++;
  const ownLine = (before === 0 || source[before - 1] === '\n') && (after === source.length || source[after] === '\n');
  return ownLine ? { start: before, end: Math.min(after + 1, source.length) } : { start, end };
}

/** Applies non-overlapping edits back to front so earlier offsets stay valid; removals before insertions at a tie. */
function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

function normalisePayload(payload: SvgBakePayload): { verify?: string; body?: string } {
  let body: string | undefined;
  if (typeof payload.assertion === 'string') body = payload.assertion.trim() || undefined;
  else if (payload.assertion !== undefined && payload.assertion !== null) body = JSON.stringify(payload.assertion);

  const verify = payload.verify?.trim() || (body !== undefined ? hostedUrlOf(body) : undefined);
  if (verify === undefined && body === undefined) {
    throw new ImageError('invalid_payload', 'An SVG baking payload needs a verify value or an assertion.');
  }
  for (const [what, value] of [['verify', verify], ['assertion', body]] as const) {
    if (value !== undefined && NON_XML_CHARS.test(value)) {
      throw new ImageError('invalid_payload', `The ${what} value contains characters XML cannot carry.`);
    }
  }
  return { verify, body };
}

/** The spec's verify value for a hosted assertion: its `id` (2.0) or `verify.url` (1.x), if http(s). */
function hostedUrlOf(body: string): string | undefined {
  const json = parseJson(body);
  if (typeof json !== 'object' || json === null) return undefined;
  const { id, verify } = json as { id?: unknown; verify?: { url?: unknown } };
  const candidate = typeof id === 'string' ? id : verify?.url;
  return typeof candidate === 'string' && /^https?:\/\//i.test(candidate) ? candidate : undefined;
}

/**
 * Wraps text in CDATA so that no `]]>` inside it can end the section early. In JSON, `]]>` can only occur inside
 * a string literal, where `\u003e` means the same `>`: the result stays a single CDATA section that every reader
 * (the reference ones keep only one) parses back to the same JSON value. Non-JSON text is split across sections.
 */
function toCdata(text: string): string {
  const safe = parseJson(text) !== undefined ? text.replace(/\]\]>/g, ']]\\u003e') : text;
  return `<![CDATA[${safe.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function escapeAttribute(value: string): string {
  // Tab/LF/CR as character references survive attribute-value normalisation, so a value round-trips exactly.
  return value.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
