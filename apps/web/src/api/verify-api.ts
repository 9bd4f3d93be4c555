import type { VerificationResult } from '@badges/openbadges/report-types';

import { apiJson } from './client';

/** The verification service adds the id it published the result's event under. */
export type VerifyResult = VerificationResult & { report: { verificationId?: string } };

/** What the visitor gave: a baked image file, a URL, or JSON / compact JWS text. */
export type VerifyInput = { image: File } | { url: string } | { json: string };

/** POST /v2/verify (public). A bad badge is a 200 report; only a malformed request throws. */
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
