import { Inject, Injectable } from '@nestjs/common';

import type { ServiceClient } from '@badges/service-kit';

import { ISSUER_CLIENT } from '../common/tokens';

export type BadgeImageResult =
  | { kind: 'image'; filename: string; contentType: string; content: Buffer }
  /** 404/410: the assertion is gone or revoked; retrying will not bring it back. */
  | { kind: 'gone'; status: number };

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * The baked badge image, from the issuer over its internal ServiceClient (in-process in the
 * embedded runner, HTTP on the private network when distributed): never through the public
 * internet, so this is not a user-supplied URL and does not need safeFetch.
 */
@Injectable()
export class BadgeImageClient {
  constructor(@Inject(ISSUER_CLIENT) private readonly issuer: ServiceClient) {}

  /**
   * The baked images of many assertions in one request to the issuer (decision 0053), by
   * assertion id. A throw fails the whole batch's sends (each is then retried alone).
   */
  async fetchMany(assertionIds: readonly string[]): Promise<Map<string, BadgeImageResult>> {
    const ids = [...new Set(assertionIds)];
    if (ids.length === 0) return new Map();
    const response = await this.issuer.request({
      method: 'POST',
      url: '/internal/assertion-images',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ assertionIds: ids }),
    });
    if (response.status !== 200) throw new Error(`the issuer answered ${response.status} for the badge images`);
    const { images } = JSON.parse(response.body.toString('utf8')) as { images: BatchImage[] };
    return new Map(images.map((image) => [image.assertionId, toResult(image)]));
  }
}

/** One image of the issuer's batch answer (POST /internal/assertion-images). */
interface BatchImage {
  assertionId: string;
  status: number;
  contentType?: string;
  base64?: string;
}

function toResult(image: BatchImage): BadgeImageResult {
  if (image.status === 404 || image.status === 410) return { kind: 'gone', status: image.status };
  if (image.status !== 200 || image.base64 === undefined) throw new Error(`the issuer answered ${image.status} for the badge image`);
  return attachable(Buffer.from(image.base64, 'base64'), image.contentType);
}

/** An image the issuer sent, checked as an attachment: PNG or SVG, and not too large. */
function attachable(content: Buffer, contentTypeHeader: string | undefined): BadgeImageResult {
  if (content.length > MAX_IMAGE_BYTES) throw new Error('the badge image is larger than an email attachment may be');
  const contentType = contentTypeHeader?.split(';')[0].trim().toLowerCase() ?? '';
  const svg = contentType === 'image/svg+xml';
  if (!svg && contentType !== 'image/png') throw new Error(`the issuer sent an unexpected image type "${contentType}"`);
  return { kind: 'image', filename: svg ? 'badge.svg' : 'badge.png', contentType, content };
}
