import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { verifyOpenBadge, type FetchDocument } from '@badges/openbadges';

import type { ExpectedRecipient, VerificationAnswer, Verifier, VerifyInput } from '../imports/verification.client';

/** The shared conformance corpus (`../shared/conformance`), as libs/openbadges' tests find it. */
const CONFORMANCE_DIR = process.env['CONFORMANCE_DIR'] ?? join(__dirname, '../../../../../shared/conformance');
const COMPONENTS = join(CONFORMANCE_DIR, 'openbadges-validator-core/tests/testfiles/test_components');
export const HEART_PNG = readFileSync(join(CONFORMANCE_DIR, 'openbadges-validator-core/tests/testfiles/public_domain_heart.png'));

/** The validator's basic hosted badge: recipient nobody@example.org (salted "deadsea"). */
export const BASIC_ASSERTION = JSON.parse(readFileSync(join(COMPONENTS, '2_0_basic_assertion.json'), 'utf8')) as Record<string, unknown>;
const DOCUMENTS: Record<string, string> = {
  'https://example.org/beths-robotics-badge.json': readFileSync(join(COMPONENTS, '2_0_basic_assertion.json'), 'utf8'),
  'https://example.org/robotics-badge.json': readFileSync(join(COMPONENTS, '2_0_basic_badgeclass.json'), 'utf8'),
  'https://example.org/organization.json': readFileSync(join(COMPONENTS, '2_0_basic_issuer.json'), 'utf8'),
};

/**
 * What the verification service does, in process: the real libs/openbadges pipeline, with the
 * web replaced by the conformance documents (images answer with the heart PNG).
 */
export class LocalVerifier implements Verifier {
  readonly calls: { input: VerifyInput; expected: readonly ExpectedRecipient[] }[] = [];
  private readonly revoked = new Map<string, string>();

  /** From now on the host serves this hosted assertion as revoked. */
  revoke(url: string, reason: string): void {
    this.revoked.set(url, reason);
  }

  private readonly fetchDocument: FetchDocument = async (url) => {
    const reason = this.revoked.get(url);
    if (reason !== undefined) return { status: 200, contentType: 'application/ld+json', body: JSON.stringify({ ...JSON.parse(DOCUMENTS[url]), revoked: true, revocationReason: reason }) };
    if (DOCUMENTS[url]) return { status: 200, contentType: 'application/ld+json', body: DOCUMENTS[url] };
    if (url.endsWith('.png')) return { status: 200, contentType: 'image/png', body: HEART_PNG.toString('latin1') };
    return { status: 404, body: '' };
  };

  async verify(input: VerifyInput, expected: readonly ExpectedRecipient[]): Promise<VerificationAnswer> {
    this.calls.push({ input, expected });
    const profile: Record<string, string[]> = {};
    for (const { type, identity } of expected) (profile[type] ??= []).push(identity);
    const pipelineInput = 'image' in input ? { image: new Uint8Array(input.image), contentType: input.contentType } : input;
    const result = await verifyOpenBadge(pipelineInput, { fetchDocument: this.fetchDocument, recipientProfile: profile, checkImages: false, now: new Date('2024-01-01T00:00:00Z') });
    return result as unknown as VerificationAnswer;
  }
}
