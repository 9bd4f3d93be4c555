import type { VerificationResult } from '@badges/openbadges/report-types';

import { apiJson } from './client';

/** The verification service adds the id it published the result's event under. */
export type VerifyResult = VerificationResult & { report: { verificationId?: string } };

/** What the visitor gave: a baked image file, a URL, or JSON / compact JWS text. */
export type VerifyInput = { image: File } | { url: string } | { json: string };

/**
 * POST /v2/verify (public). A bad badge is a 200 report; only a malformed request throws. The
 * report's sentences (and the badge's texts, when translated) come in the page's language, as
 * every request asks (client.ts).
 */
export function verifyBadge(input: VerifyInput, expectedRecipient?: string): Promise<VerifyResult> {
  const expected = expectedRecipient?.trim() || undefined;
  if ('image' in input) {
    const form = new FormData();
    form.append('image', input.image);
    if (expected) form.append('expected_recipient', expected);
    return apiJson<VerifyResult>('/v2/verify', { method: 'POST', body: form });
  }
  return apiJson<VerifyResult>('/v2/verify', { method: 'POST', body: { ...input, ...(expected ? { expected_recipient: expected } : {}) } });
}

/**
 * Where the page loads a badge's image from: our own images directly, any other through the
 * platform's image proxy, so an http:// issuer's (or another host's) image is not blocked by the
 * page's policy and the visitor's browser never contacts that host (decision 0036).
 */
export function badgeImageSource(imageUrl: string, pageOrigin: string): string {
  if (imageUrl.startsWith('data:')) return imageUrl;
  if (URL.canParse(imageUrl) && new URL(imageUrl).origin === pageOrigin) return imageUrl;
  return `/v2/verify/image?url=${encodeURIComponent(imageUrl)}`;
}
