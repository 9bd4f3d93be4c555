import { ImageError } from './image-error';
import { BadgeImageKind, InspectOptions, inspectDetailed } from './image-inspect';
import { PNG_SIGNATURE, encodePngChunk, readPngChunks } from './png-chunks';
import { OPENBADGES_CREDENTIAL_KEYWORD, decodeOpenBadgesItxt, encodeOpenBadgesItxt, isTextChunkWithKeyword } from './png-text';
import { OPENBADGES_CREDENTIAL_NAMESPACE, SvgScan } from './svg-scan';

/** An OB 3.0 credential taken out of a badge image, as it was baked. Not verified here. */
export interface UnbakedCredential {
  /** Exactly the baked text: the credential's JSON or its compact VC-JWT. */
  credential: string;
  format: 'json' | 'jwt';
  kind: BadgeImageKind;
}

const KEYWORD = Buffer.from(OPENBADGES_CREDENTIAL_KEYWORD, 'latin1');
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, U+FFFE/FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NON_XML_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Bakes an OB 3.0 credential (its JSON, or its compact VC-JWT) into a PNG or SVG, as OB 3.0
 * §5.3 "Baked Badge" says: a PNG gets an uncompressed iTXt chunk `openbadgecredential` right after
 * IHDR; an SVG gets `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` on its root and, first in
 * it, `<openbadges:credential>` holding the JSON in CDATA or the JWT in its `verify` attribute. A
 * credential already baked in is replaced (the spec allows either refusing or overwriting); a 2.0
 * `openbadges` payload is left alone. The image is inspected first with the same limits as 2.0
 * baking, and the SVG sanitised. The text is baked trimmed; unbaking gives it back unchanged.
 */
export function bakeCredentialImage(image: Buffer, credential: string, options: InspectOptions = {}): Buffer {
  const payload = credential.trim();
  const format = formatOf(payload);
  if (!format) throw new ImageError('invalid_payload', 'An OB 3.0 credential is baked as its JSON object or its compact VC-JWT.');
  const { info, svg } = inspectDetailed(image, { ...options, maxWidth: options.maxWidth ?? Infinity, maxHeight: options.maxHeight ?? Infinity });
  if (info.kind === 'png') return bakePngCredential(image, payload, options);
  if (NON_XML_CHARS.test(payload)) throw new ImageError('invalid_payload', 'The credential contains characters XML cannot carry.');
  const { text, scan } = svg as NonNullable<typeof svg>;
  return Buffer.from(bakeSvgCredential(text, scan, payload, format), 'utf8');
}

/**
 * The OB 3.0 credential baked into a PNG (the first iTXt `openbadgecredential`, compressed or not,
 * inflated within the same cap as 2.0's) or an SVG (the first `<openbadges:credential>`: its
 * `verify` attribute, else its text), or null when there is none. Throws ImageError when the bytes
 * are not an acceptable image, as 2.0 unbaking does; an SVG may start with an external-only DOCTYPE.
 */
export function unbakeCredentialImage(bytes: Buffer, options: InspectOptions = {}): UnbakedCredential | null {
  const { info, svg } = inspectDetailed(bytes, { externalDoctype: 'drop', ...options, maxWidth: options.maxWidth ?? Infinity, maxHeight: options.maxHeight ?? Infinity });
  const baked = info.kind === 'png' ? unbakePngCredential(bytes, options) : unbakeSvgCredential((svg as NonNullable<typeof svg>).scan);
  if (baked === null) return null;
  const format = formatOf(baked);
  return format ? { credential: baked, format, kind: info.kind } : null;
}

function formatOf(text: string): 'json' | 'jwt' | undefined {
  if (text.startsWith('{') && text.endsWith('}')) return 'json';
  return COMPACT_JWT.test(text) ? 'jwt' : undefined;
}

function bakePngCredential(png: Buffer, payload: string, options: InspectOptions): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const chunk of readPngChunks(png, options)) {
    // One credential per image (OB 3.0: the chunk MUST NOT appear more than once): any old one goes.
    if (isTextChunkWithKeyword(chunk, KEYWORD)) continue;
    parts.push(png.subarray(chunk.start, chunk.end));
    if (chunk.type === 'IHDR') parts.push(encodePngChunk('iTXt', encodeOpenBadgesItxt(payload, KEYWORD)));
  }
  return Buffer.concat(parts);
}

function unbakePngCredential(png: Buffer, options: InspectOptions): string | null {
  for (const chunk of readPngChunks(png, options)) {
    if (chunk.type === 'iTXt' && isTextChunkWithKeyword(chunk, KEYWORD)) return decodeOpenBadgesItxt(chunk.data, options.maxTextBytes, KEYWORD).trim();
  }
  return null;
}

function bakeSvgCredential(svg: string, scan: SvgScan, payload: string, format: 'json' | 'jwt'): string {
  const { root } = scan;
  const edits: Array<{ start: number; end: number; text: string }> = scan.credentials.map((element) => ({ start: element.start, end: element.end, text: '' }));
  const declaration = ` xmlns:openbadges="${OPENBADGES_CREDENTIAL_NAMESPACE}"`;
  // A root that already binds the prefix (to 2.0's namespace, say) keeps it; our element binds its own.
  const rootBinding = root.attributes['xmlns:openbadges'];
  if (rootBinding === undefined) edits.push({ start: root.start + 1 + root.name.length, end: root.start + 1 + root.name.length, text: declaration });
  const own = rootBinding !== undefined && rootBinding !== OPENBADGES_CREDENTIAL_NAMESPACE ? declaration : '';
  const element =
    format === 'jwt'
      ? `<openbadges:credential${own} verify="${payload}"></openbadges:credential>`
      : // A `]]>` inside the JSON ends one CDATA section and opens the next: any XML reader joins them into the same text.
        `<openbadges:credential${own}><![CDATA[${payload.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]></openbadges:credential>`;
  if (root.selfClosing) edits.push({ start: root.startTagEnd - 2, end: root.startTagEnd, text: `>${element}</${root.name}>` });
  else edits.push({ start: root.startTagEnd, end: root.startTagEnd, text: element });
  let out = svg;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The first credential element: a JWT in `verify` (OB 3.0), else the element's text (JSON in CDATA, or a JWT some tools write there). */
function unbakeSvgCredential(scan: SvgScan): string | null {
  const [element] = scan.credentials;
  if (!element) return null;
  const verify = element.verify?.trim();
  if (verify) return verify;
  const content = element.content.trim();
  return content || null;
}
