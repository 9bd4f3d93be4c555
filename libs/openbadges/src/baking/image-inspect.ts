import { ImageError } from './image-error';
import { DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_IMAGE_HEIGHT, DEFAULT_MAX_IMAGE_WIDTH, ImageLimits, PngLimits } from './limits';
import { hasPngSignature, readIhdrSize, readPngChunks } from './png-chunks';
import { sanitiseSvg } from './svg-sanitise';
import { SvgScan, SvgScanOptions } from './svg-scan';
import { svgIntrinsicSize } from './svg-dimensions';
import { assertUtf8Declaration, decodeSvgBytes, looksLikeXml } from './svg-text';

export type BadgeImageKind = 'png' | 'svg';
export type BadgeImageMimeType = 'image/png' | 'image/svg+xml';

export type BadgeImageInfo =
  | { kind: 'png'; mimeType: 'image/png'; width: number; height: number }
  /** width/height are present when the SVG states an absolute size (attributes or viewBox). */
  | { kind: 'svg'; mimeType: 'image/svg+xml'; width?: number; height?: number };

export type InspectOptions = ImageLimits & PngLimits & Pick<SvgScanOptions, 'externalDoctype'>;

export const MIME_TYPE_BY_KIND: Record<BadgeImageKind, BadgeImageMimeType> = {
  png: 'image/png',
  svg: 'image/svg+xml',
};

/**
 * Decides whether untrusted bytes are a badge image we accept, before anything else touches them: a PNG
 * (signature, then every chunk bounds- and CRC-checked, IHDR for the size) or an SVG (well-formed UTF-8 XML,
 * root `svg` in the SVG namespace, nothing hostile). Throws ImageError: image_too_large,
 * unsupported_image_type, image_dimensions_too_large, any png_* code, svg_malformed, svg_forbidden_content.
 */
export function inspectBadgeImage(bytes: Buffer, limits: InspectOptions = {}): BadgeImageInfo {
  return inspectDetailed(bytes, limits).info;
}

/**
 * inspectBadgeImage plus the bytes to keep: a PNG as given, an SVG sanitised to the allow-list (UTF-8, no BOM).
 * Every image that enters the platform goes through here, and what is stored or passed on is `bytes`.
 */
export function vetBadgeImage(bytes: Buffer, limits: InspectOptions = {}): { info: BadgeImageInfo; bytes: Buffer } {
  const { info, svg } = inspectDetailed(bytes, limits);
  return { info, bytes: svg ? Buffer.from(svg.text, 'utf8') : bytes };
}

/** inspectBadgeImage plus the sanitised SVG text and its scan, so bake/unbake do not parse twice. */
export function inspectDetailed(
  bytes: Buffer,
  limits: InspectOptions = {},
): { info: BadgeImageInfo; svg?: { text: string; scan: SvgScan } } {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  if (bytes.length > maxBytes) {
    throw new ImageError('image_too_large', `The image is ${bytes.length} bytes; the limit is ${maxBytes}.`);
  }
  if (hasPngSignature(bytes)) {
    const { width, height } = readIhdrSize(readPngChunks(bytes, limits)[0]);
    checkDimensions(width, height, limits);
    return { info: { kind: 'png', mimeType: 'image/png', width, height } };
  }
  if (looksLikeXml(bytes)) {
    const { text, scan } = sanitiseSvg(decodeSvgBytes(bytes), { maxBytes, externalDoctype: limits.externalDoctype });
    assertUtf8Declaration(scan.declaredEncoding);
    const { width, height } = svgIntrinsicSize(scan.root.attributes);
    checkDimensions(width, height, limits);
    const info: BadgeImageInfo = { kind: 'svg', mimeType: 'image/svg+xml' };
    if (width !== undefined) info.width = width;
    if (height !== undefined) info.height = height;
    return { info, svg: { text, scan } };
  }
  throw new ImageError('unsupported_image_type', 'Badge images must be PNG or SVG.');
}

function checkDimensions(width: number | undefined, height: number | undefined, limits: ImageLimits): void {
  const maxWidth = limits.maxWidth ?? DEFAULT_MAX_IMAGE_WIDTH;
  const maxHeight = limits.maxHeight ?? DEFAULT_MAX_IMAGE_HEIGHT;
  if ((width !== undefined && width > maxWidth) || (height !== undefined && height > maxHeight)) {
    throw new ImageError(
      'image_dimensions_too_large',
      `The image is ${width ?? '?'}x${height ?? '?'}; the limit is ${maxWidth}x${maxHeight}.`,
    );
  }
}
