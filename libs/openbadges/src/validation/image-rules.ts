import type { ObClass } from './class-rules';
import { error, TaskCode, type ValidationMessage } from './messages';
import { isJsonNode, type JsonNode } from './present-values';
import { dataUriMediaType, isDataUri } from './value-types';
import { text, type MessageText } from '../report-texts/message-text';

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
  const fail = (message: MessageText) => [error(TaskCode.IMAGE_VALIDATION, message, label, 'image')];

  if (url === undefined || url === null) {
    return cls === 'BadgeClass' ? fail(text('BADGE_WITHOUT_IMAGE', {})) : [];
  }
  if (typeof url !== 'string' || !isDataUri(url)) return [];
  if (cls === 'Assertion') return fail(text('ASSERTION_IMAGE_DATA_URI', {}));
  const mediaType = dataUriMediaType(url);
  return ALLOWED_IMAGE_TYPES.has(mediaType)
    ? []
    : fail(text('IMAGE_TYPE_REFUSED', { mediaType }));
}
