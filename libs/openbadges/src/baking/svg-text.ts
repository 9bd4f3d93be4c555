import { ImageError } from './image-error';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes could be an XML document: optional UTF-8 BOM, optional whitespace, then `<`. */
export function looksLikeXml(bytes: Buffer): boolean {
  let i = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/**
 * SVG bytes as text. Only UTF-8 is accepted (what every badge tool writes): we re-encode baked SVGs as UTF-8,
 * so accepting another declared encoding would silently corrupt non-ASCII assertion text.
 */
export function decodeSvgBytes(bytes: Buffer): string {
  try {
    return utf8.decode(hasUtf8Bom(bytes) ? bytes.subarray(UTF8_BOM.length) : bytes);
  } catch {
    throw new ImageError('unsupported_image_type', 'Only UTF-8 SVG documents are supported.');
  }
}

/** Refuses an XML declaration naming an encoding other than UTF-8 (see decodeSvgBytes). */
export function assertUtf8Declaration(declaredEncoding: string | undefined): void {
  if (declaredEncoding !== undefined && !/^utf-?8$/i.test(declaredEncoding)) {
    throw new ImageError('unsupported_image_type', `Only UTF-8 SVG documents are supported, not ${declaredEncoding}.`);
  }
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}
