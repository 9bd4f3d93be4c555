import { isImageError, vetBadgeImage } from '@badges/openbadges';
import { ApiError, ErrorCode } from '@badges/service-kit';

import type { VerifyInput } from './verification.client';

type ImageInput = Extract<VerifyInput, { image: Buffer }>;

/**
 * An imported badge image as the passport keeps it: a PNG as given, an SVG sanitised to the
 * openbadges allow-list (the same rules as an issuer's upload), so the copy kept for the learner
 * and the export never carries active content. Hostile or broken images: 400 `invalid_image`.
 * Dimension caps are off, as when the verifier unbakes: a badge made elsewhere is not ours to resize.
 */
export function vetImportedImage(input: ImageInput): ImageInput {
  try {
    const { info, bytes } = vetBadgeImage(input.image, { maxWidth: Infinity, maxHeight: Infinity });
    return { image: bytes, contentType: info.mimeType };
  } catch (error) {
    if (isImageError(error)) throw new ApiError(400, ErrorCode.InvalidImage, `image: ${error.message} (${error.code})`, 'image');
    throw error;
  }
}
