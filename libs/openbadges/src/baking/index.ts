// Open Badges image baking: bake/unbake 2.0 badges and 3.0 credentials in PNG and SVG images, and vet untrusted badge images.
export { IMAGE_ERROR_CODES, ImageError, isImageError } from './image-error';
export type { ImageErrorCode } from './image-error';
export {
  DEFAULT_MAX_BAKED_TEXT_BYTES,
  DEFAULT_MAX_IMAGE_BYTES,
  DEFAULT_MAX_IMAGE_HEIGHT,
  DEFAULT_MAX_IMAGE_WIDTH,
  DEFAULT_MAX_PNG_CHUNK_BYTES,
  DEFAULT_MAX_PNG_CHUNKS,
  DEFAULT_MAX_SVG_ATTRIBUTES,
  DEFAULT_MAX_SVG_DEPTH,
  DEFAULT_MAX_SVG_ELEMENTS,
} from './limits';
export type { ImageLimits, PngLimits } from './limits';
export { PNG_SIGNATURE, readPngChunks } from './png-chunks';
export type { PngChunk } from './png-chunks';
export { OPENBADGES_CREDENTIAL_KEYWORD, OPENBADGES_KEYWORD } from './png-text';
export { bakePng, unbakePng } from './png-baking';
export { OPENBADGES_CREDENTIAL_NAMESPACE, OPENBADGES_NAMESPACE, SVG_NAMESPACE, scanSvg } from './svg-scan';
export type { SourceRange, SvgAssertionElement, SvgScan, SvgScanOptions } from './svg-scan';
export { sanitiseSvg } from './svg-sanitise';
export type { SanitisedSvg } from './svg-sanitise';
export { bakeSvg, unbakeSvg } from './svg-baking';
export type { SvgBakePayload } from './svg-baking';
export { MIME_TYPE_BY_KIND, inspectBadgeImage, vetBadgeImage } from './image-inspect';
export type { BadgeImageInfo, BadgeImageKind, BadgeImageMimeType, InspectOptions } from './image-inspect';
export { parseImageDataUri } from './data-uri';
export type { ImageDataUri } from './data-uri';
export { bakeBadgeImage, unbakeBadgeImage } from './badge-image';
export type { BakeBadgePayload, UnbakedBadge } from './badge-image';
export { bakeCredentialImage, unbakeCredentialImage } from './credential-baking';
export type { UnbakedCredential } from './credential-baking';
