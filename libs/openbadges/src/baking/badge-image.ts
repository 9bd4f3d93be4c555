import { ImageError } from './image-error';
import { BadgeImageKind, InspectOptions, inspectDetailed } from './image-inspect';
import { bakePng, unbakePng } from './png-baking';
import { SvgBakePayload, bakeScannedSvg, unbakeScannedSvg } from './svg-baking';

/**
 * What to bake. Signed badges: `jws` only. Hosted badges: `verifyUrl` (the assertion id) and/or
 * `assertionJson`; the PNG gets the JSON when there is one (the common practice, so the image is
 * self-describing), the SVG gets both, as the spec shows.
 */
export interface BakeBadgePayload {
  assertionJson?: string;
  verifyUrl?: string;
  jws?: string;
}

export interface UnbakedBadge {
  kind: BadgeImageKind;
  /** Exactly what was baked: a URL, assertion JSON or a compact JWS. Not validated here. */
  payload: string;
}

/**
 * Bakes into a PNG or SVG, whichever the bytes are. The image is inspected first, so hostile or oversized input
 * is refused (dimension caps are off unless given: the image was checked when it was uploaded, and baking never
 * decodes pixels). Returns the new image bytes (SVG re-encoded as UTF-8, without BOM).
 */
export function bakeBadgeImage(image: Buffer, payload: BakeBadgePayload, options: InspectOptions = {}): Buffer {
  const { jws, verifyUrl, assertionJson } = trimmed(payload);
  if (jws !== undefined && (verifyUrl !== undefined || assertionJson !== undefined)) {
    throw new ImageError('invalid_payload', 'A signed badge is baked with its JWS only, not with a URL or JSON too.');
  }
  if (jws === undefined && verifyUrl === undefined && assertionJson === undefined) {
    throw new ImageError('invalid_payload', 'Nothing to bake: give a JWS, a verify URL or the assertion JSON.');
  }
  const { info, svg } = inspectDetailed(image, withoutDimensionCaps(options));
  if (info.kind === 'png') {
    return bakePng(image, (jws ?? assertionJson ?? verifyUrl) as string, options);
  }
  const svgPayload: SvgBakePayload = jws !== undefined ? { verify: jws } : { verify: verifyUrl, assertion: assertionJson };
  const { text, scan } = svg as NonNullable<typeof svg>;
  return Buffer.from(bakeScannedSvg(text, scan, svgPayload), 'utf8');
}

/**
 * Reads the baked payload from a PNG or SVG, or null when the image carries none. Throws ImageError when the
 * bytes are not an acceptable image at all (same rules as inspectBadgeImage; dimension caps off unless given).
 */
export function unbakeBadgeImage(bytes: Buffer, options: InspectOptions = {}): UnbakedBadge | null {
  const { info, svg } = inspectDetailed(bytes, withoutDimensionCaps(options));
  const payload = info.kind === 'png' ? unbakePng(bytes, options) : unbakeScannedSvg((svg as NonNullable<typeof svg>).scan);
  return payload === null ? null : { kind: info.kind, payload };
}

function withoutDimensionCaps(options: InspectOptions): InspectOptions {
  return { ...options, maxWidth: options.maxWidth ?? Infinity, maxHeight: options.maxHeight ?? Infinity };
}

function trimmed(payload: BakeBadgePayload): BakeBadgePayload {
  const clean = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return { jws: clean(payload.jws), verifyUrl: clean(payload.verifyUrl), assertionJson: clean(payload.assertionJson) };
}
