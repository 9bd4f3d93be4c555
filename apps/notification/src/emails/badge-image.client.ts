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

  async fetch(assertionId: string): Promise<BadgeImageResult> {
    let response = await this.get(`/public/assertions/${encodeURIComponent(assertionId)}/image`);
    // An award made in OB 3.0 only has no 2.0 image: its credential's baked image is the badge (decision 0048).
    if (response.status === 404 && errorCodeOf(response.body) === 'ob3_only') response = await this.get(`/public/credentials/${encodeURIComponent(assertionId)}/image`);
    if (response.status === 404 || response.status === 410) return { kind: 'gone', status: response.status };
    if (response.status !== 200) throw new Error(`the issuer answered ${response.status} for the badge image`);
    if (response.body.length > MAX_IMAGE_BYTES) throw new Error('the badge image is larger than an email attachment may be');
    const header = response.headers['content-type'];
    const contentType = (Array.isArray(header) ? header[0] : header)?.split(';')[0].trim().toLowerCase() ?? '';
    const svg = contentType === 'image/svg+xml';
    if (!svg && contentType !== 'image/png') throw new Error(`the issuer sent an unexpected image type "${contentType}"`);
    return { kind: 'image', filename: svg ? 'badge.svg' : 'badge.png', contentType, content: response.body };
  }

  private get(url: string) {
    return this.issuer.request({ method: 'GET', url, headers: { accept: 'image/png, image/svg+xml' } });
  }
}

function errorCodeOf(body: Buffer): string | undefined {
  try {
    return (JSON.parse(body.toString('utf8')) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}
