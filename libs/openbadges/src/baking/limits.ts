/**
 * Defaults for the caps applied to untrusted images. Badge images are small icons, so the caps are tight:
 * anything bigger is far more likely to be an attack or a mistake than a real badge.
 */
export const DEFAULT_MAX_IMAGE_BYTES = 1024 * 1024;
export const DEFAULT_MAX_IMAGE_WIDTH = 2048;
export const DEFAULT_MAX_IMAGE_HEIGHT = 2048;

/** Real PNGs have a handful of chunks (encoders that split IDAT still stay in the hundreds for a 1 MiB file). */
export const DEFAULT_MAX_PNG_CHUNKS = 8192;
/** The PNG spec caps a chunk length at 2^31-1; we refuse far less, since the whole file is capped anyway. */
export const PNG_SPEC_MAX_CHUNK_LENGTH = 0x7fffffff;
export const DEFAULT_MAX_PNG_CHUNK_BYTES = 64 * 1024 * 1024;
/** Upper bound on the inflated size of a compressed openbadges iTXt: a JWS or assertion JSON is a few KiB. */
export const DEFAULT_MAX_BAKED_TEXT_BYTES = 1024 * 1024;

/**
 * SVG work budgets, checked as the parser goes so a hostile file is refused at the first element over a cap. Depth
 * matters most: the XML parser resolves each name's namespace up the open-element stack, so work grows with
 * depth x elements. Real badges nest under 20 levels, hold a few thousand elements and a dozen attributes each.
 */
export const DEFAULT_MAX_SVG_DEPTH = 64;
export const DEFAULT_MAX_SVG_ELEMENTS = 20_000;
export const DEFAULT_MAX_SVG_ATTRIBUTES = 128;

/** Caps for any badge image. */
export interface ImageLimits {
  /** Largest accepted input, in bytes (default 1 MiB). */
  maxBytes?: number;
  /** Largest accepted width in pixels (default 2048). */
  maxWidth?: number;
  /** Largest accepted height in pixels (default 2048). */
  maxHeight?: number;
}

/** Caps specific to walking PNG chunks. */
export interface PngLimits {
  /** Most chunks read before giving up (default 8192). */
  maxChunks?: number;
  /** Largest declared chunk length accepted (default 64 MiB, never above 2^31-1). */
  maxChunkBytes?: number;
  /** Largest inflated size of a compressed openbadges iTXt (default 1 MiB). */
  maxTextBytes?: number;
}
