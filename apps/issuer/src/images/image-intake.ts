import { createHash } from 'node:crypto';

import { isImageError, parseImageDataUri, vetBadgeImage } from '@badges/openbadges';
import { ApiError, ErrorCode } from '@badges/service-kit';

/** An uploaded image that passed the openbadges lib's checks, ready to store. */
export interface CheckedImage {
  contentType: 'image/png' | 'image/svg+xml';
  bytes: Buffer;
  sha256: string;
}

/**
 * Decodes a base64 data URI and decides from the bytes (never the declared type) whether it is a
 * PNG or SVG we accept. An SVG is kept as sanitised to the allow-list (what is served and baked
 * later). Anything refused becomes 400 `invalid_image` on `field`, with the lib's stable reason
 * code in the message so integrators can tell "too large" from "not a PNG" from "has a script".
 */
export function checkImageDataUri(dataUri: string, field: string): CheckedImage {
  try {
    const { info, bytes } = vetBadgeImage(parseImageDataUri(dataUri).bytes);
    return { contentType: info.mimeType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    if (isImageError(error)) {
      throw new ApiError(400, ErrorCode.InvalidImage, `${field}: ${error.message} (${error.code})`, field);
    }
    throw error;
  }
}
