import type { ObClass } from './class-rules';
import { error, TaskCode, type ValidationMessage } from './messages';
import { isJsonNode, type JsonNode } from './present-values';
import { dataUriMediaType, isDataUri } from './value-types';

/** Baking (and most displays) only support these two formats. */
const ALLOWED_IMAGE_TYPES = new Set(['image/png', 'image/svg+xml']);

/**
 * IMAGE_VALIDATION (static part): a BadgeClass must have an image; BadgeClass/Profile images may
 * be PNG or SVG data URIs; an Assertion image must be a hosted URL, never a data URI.
 * Whether a hosted image can actually be downloaded is checked by the verification pipeline.
 */
export function imageValidation(node: JsonNode, cls: ObClass, label: string): ValidationMessage[] {
  if (cls !== 'BadgeClass' && cls !== 'Profile' && cls !== 'Assertion') return [];
  const raw = Array.isArray(node.image) ? node.image[0] : node.image;
  const url = isJsonNode(raw) ? raw.id : raw;
  const fail = (message: string) => [error(TaskCode.IMAGE_VALIDATION, message, label, 'image')];

  if (url === undefined || url === null) {
    return cls === 'BadgeClass' ? fail('The badge has no image. Every BadgeClass needs a PNG or SVG image.') : [];
  }
  if (typeof url !== 'string' || !isDataUri(url)) return [];
  if (cls === 'Assertion') return fail('The assertion image may not be embedded as a data: URI; it must be a link to a hosted image.');
  const mediaType = dataUriMediaType(url);
  return ALLOWED_IMAGE_TYPES.has(mediaType)
    ? []
    : fail(`The embedded image is "${mediaType || 'of unknown type'}"; only PNG (image/png) or SVG (image/svg+xml) images are allowed.`);
}
