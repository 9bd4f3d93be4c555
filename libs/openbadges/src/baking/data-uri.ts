import { ImageError } from './image-error';
import { DEFAULT_MAX_IMAGE_BYTES } from './limits';

export interface ImageDataUri {
  /** The declared media type, lower-cased, without parameters (`text/plain` when none is declared, per RFC 2397). */
  mimeType: string;
  bytes: Buffer;
}

const MIME_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;
const PARAMETER = /^[^=\s]+=[^=\s]*$/;
/** A single character class, so the engine scans linearly however long the payload (no per-group backtracking). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a base64 `data:` URI, the form in which the Badgr-compatible API accepts image uploads. Only the
 * declared type is reported: call inspectBadgeImage on the bytes to learn what they really are. The size cap is
 * checked on the encoded length, before decoding allocates anything. Throws ImageError invalid_data_uri or
 * image_too_large.
 */
export function parseImageDataUri(dataUri: string, options: { maxBytes?: number } = {}): ImageDataUri {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  // base64 needs 4 chars per 3 bytes; allow generous slack for whitespace and the header before parsing at all.
  if (dataUri.length > Math.ceil(maxBytes / 3) * 4 * 2 + 1024) {
    throw new ImageError('image_too_large', `The data URI encodes more than ${maxBytes} bytes.`);
  }
  const uri = dataUri.trim();
  const comma = uri.indexOf(',');
  if (!/^data:/i.test(uri) || comma < 0) {
    throw new ImageError('invalid_data_uri', 'Expected a data URI of the form data:<type>;base64,<data>.');
  }
  const [type, ...params] = uri.slice('data:'.length, comma).split(';').map((p) => p.trim());
  if (params.pop()?.toLowerCase() !== 'base64') {
    throw new ImageError('invalid_data_uri', 'Only base64 data URIs are accepted.');
  }
  const mimeType = type === '' ? 'text/plain' : type.toLowerCase();
  if (!MIME_TYPE.test(mimeType) || params.some((p) => !PARAMETER.test(p))) {
    throw new ImageError('invalid_data_uri', 'The data URI has an invalid media type.');
  }
  // Whitespace is tolerated (line-wrapped base64 is common); anything else outside the alphabet is not.
  const base64 = uri.slice(comma + 1).replace(/\s+/g, '');
  if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64)) {
    throw new ImageError('invalid_data_uri', 'The data URI payload is not valid base64.');
  }
  const decodedLength = (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (decodedLength > maxBytes) {
    throw new ImageError('image_too_large', `The data URI encodes ${decodedLength} bytes; the limit is ${maxBytes}.`);
  }
  return { mimeType, bytes: Buffer.from(base64, 'base64') };
}
