/**
 * Every way a badge image can be refused. The codes are part of the public contract (API error bodies and
 * metrics key on them), so never rename one; add a new code instead.
 */
export const IMAGE_ERROR_CODES = [
  /** The bytes do not start with the 8-byte PNG signature. */
  'not_a_png',
  /** A PNG chunk or an openbadges text chunk breaks the PNG structure rules. */
  'png_malformed',
  /** The file ends before IEND, or a chunk's declared length runs past the end of the file. */
  'png_truncated',
  /** A chunk's CRC does not match its type and data. */
  'png_bad_crc',
  /** A chunk declares a length above the PNG maximum (2^31-1) or our configured cap. */
  'png_chunk_too_large',
  /** More chunks than the configured cap: a cheap way to burn CPU, never seen in real badges. */
  'png_too_many_chunks',
  /** A compressed iTXt inflates past the configured cap (zlib bomb). */
  'decompression_limit',
  /** The SVG is not well-formed (namespace-aware) XML. */
  'svg_malformed',
  /**
   * The SVG has active content: a DOCTYPE/ENTITY, a processing instruction, script, HTML or MathML, an event
   * handler, an animation of a link or handler, a reference that leaves the document, or CSS that fetches or runs.
   */
  'svg_forbidden_content',
  /** The SVG nests deeper, or has more elements or attributes on one element, than the configured caps. */
  'svg_too_complex',
  /** Neither a PNG nor an SVG (JPEG, GIF, HTML, plain text, ...). */
  'unsupported_image_type',
  /** More bytes than the configured cap. */
  'image_too_large',
  /** Width or height above the configured cap. */
  'image_dimensions_too_large',
  /** Not a well-formed base64 `data:` URI. */
  'invalid_data_uri',
  /** The text to bake is empty, ambiguous or contains characters the target format cannot carry. */
  'invalid_payload',
] as const;

export type ImageErrorCode = (typeof IMAGE_ERROR_CODES)[number];

/** A badge image was refused. `code` is stable; `message` is for humans and logs. */
export class ImageError extends Error {
  override readonly name = 'ImageError';

  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isImageError(error: unknown, code?: ImageErrorCode): error is ImageError {
  return error instanceof ImageError && (code === undefined || error.code === code);
}
