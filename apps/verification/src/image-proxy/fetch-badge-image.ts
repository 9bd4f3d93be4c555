import { isOutboundFetchError, safeFetch, type AddressPolicy } from '@badges/outbound-http';
import { ApiError, ErrorCode } from '@badges/service-kit';

/** The image formats badges come in (and browsers show); anything else is refused, whatever its bytes. */
const IMAGE_TYPES = new Set(['image/png', 'image/svg+xml', 'image/jpeg', 'image/gif', 'image/webp']);
/** A badge image is a few hundred kilobytes at most; a larger answer is not one. */
export const MAX_BADGE_IMAGE_BYTES = 2 * 1024 * 1024;

export interface ImageFetchPolicy {
  timeoutMs: number;
  allowPrivateNetwork: boolean;
  addressPolicy?: AddressPolicy;
}

export interface BadgeImage {
  contentType: string;
  body: Buffer;
}

/**
 * Downloads a badge image for the verify page, with the verification fetcher's own rules: safeFetch
 * (every redirect hop checked against the same address policy, deadline, size cap) and only image
 * content types. Every refusal is a 4xx naming why; nothing from the upstream answer but the
 * image bytes and their type reaches the browser.
 */
export async function fetchBadgeImage(url: unknown, policy: ImageFetchPolicy): Promise<BadgeImage> {
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw ApiError.validation('Give the address of an http(s) image in `url`.', 'url');
  }
  let response;
  try {
    response = await safeFetch(url, { accept: [...IMAGE_TYPES].join(', '), timeoutMs: policy.timeoutMs, maxBytes: MAX_BADGE_IMAGE_BYTES, allowPrivateNetwork: policy.allowPrivateNetwork, addressPolicy: policy.addressPolicy });
  } catch (failure) {
    if (isOutboundFetchError(failure) && (failure.code === 'blocked_address' || failure.code === 'redirect_blocked')) {
      throw new ApiError(403, ErrorCode.Forbidden, 'Images are only fetched from the public internet.');
    }
    if (isOutboundFetchError(failure) && failure.code === 'too_large') {
      throw new ApiError(422, ErrorCode.InvalidImage, `The image is larger than ${MAX_BADGE_IMAGE_BYTES} bytes; badge images are smaller.`);
    }
    throw new ApiError(422, ErrorCode.InvalidImage, `The image could not be downloaded: ${isOutboundFetchError(failure) ? failure.message : 'network error'}.`);
  }
  if (response.status !== 200) throw new ApiError(422, ErrorCode.InvalidImage, `The image could not be downloaded: its server answered HTTP ${response.status}.`);
  const contentType = (response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!IMAGE_TYPES.has(contentType)) throw new ApiError(422, ErrorCode.InvalidImage, 'That address does not serve a PNG, SVG, JPEG, GIF or WebP image.');
  return { contentType, body: response.body };
}
