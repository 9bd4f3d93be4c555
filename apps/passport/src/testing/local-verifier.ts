import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { isCredentialInput, isImageError, unbakeBadgeImage, unbakeCredentialImage, verifyOpenBadge, verifyOpenBadgeCredential, type CredentialInput, type FetchDocument } from '@badges/openbadges';

import type { ExpectedRecipient, VerificationAnswer, Verifier, VerifyInput } from '../imports/verification.client';
import type { WebDocument } from './test-credentials';

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
 * What the verification service does, in process: the real libs/openbadges pipelines, OB 2.0 and
 * OB 3.0 chosen as `POST /v2/verify` chooses (apps/verification/src/verify/verify-any.ts), with the
 * web replaced by the conformance documents (images answer with the heart PNG) and the documents of
 * the OB 3.0 issuers the test trusts (`web`: their DID documents, keys and status lists).
 */
export class LocalVerifier implements Verifier {
  readonly calls: { input: VerifyInput; expected: readonly ExpectedRecipient[] }[] = [];
  private readonly revoked = new Map<string, string>();
  private readonly webs: ReadonlyMap<string, WebDocument>[] = [];

  /** From now on the host serves this hosted assertion as revoked. */
  revoke(url: string, reason: string): void {
    this.revoked.set(url, reason);
  }

  /** Serves an issuer's documents from now on, as they change (a TestCollege's `documents`). */
  serve(documents: ReadonlyMap<string, WebDocument>): void {
    this.webs.push(documents);
  }

  private readonly fetchDocument: FetchDocument = async (url) => {
    const reason = this.revoked.get(url);
    if (reason !== undefined) return { status: 200, contentType: 'application/ld+json', body: JSON.stringify({ ...JSON.parse(DOCUMENTS[url]), revoked: true, revocationReason: reason }) };
    if (DOCUMENTS[url]) return { status: 200, contentType: 'application/ld+json', body: DOCUMENTS[url] };
    const served = this.webs.map((web) => web.get(url)).find((document) => document !== undefined);
    if (served) return { status: 200, contentType: served.contentType, body: served.body };
    if (url.endsWith('.png')) return { status: 200, contentType: 'image/png', body: HEART_PNG.toString('latin1') };
    return { status: 404, body: '' };
  };

  async verify(input: VerifyInput, expected: readonly ExpectedRecipient[]): Promise<VerificationAnswer> {
    this.calls.push({ input, expected });
    const profile: Record<string, string[]> = {};
    for (const { type, identity } of expected) (profile[type] ??= []).push(identity);
    const credential = credentialIn(input);
    if (credential !== undefined) {
      return (await verifyOpenBadgeCredential(credential, { fetchDocument: this.fetchDocument, recipientProfile: profile })) as unknown as VerificationAnswer;
    }
    const pipelineInput = 'image' in input ? { image: new Uint8Array(input.image), contentType: input.contentType } : input;
    const result = await verifyOpenBadge(pipelineInput, { fetchDocument: this.fetchDocument, recipientProfile: profile, checkImages: false, now: new Date('2024-01-01T00:00:00Z') });
    return result as unknown as VerificationAnswer;
  }
}

/** An OB 3.0 credential given as JSON or a VC-JWT, or baked in an image that holds no 2.0 badge. */
function credentialIn(input: VerifyInput): CredentialInput | undefined {
  if ('json' in input) return isCredentialInput(input.json) ? input.json : undefined;
  if (!('image' in input)) return undefined;
  try {
    return unbakeBadgeImage(input.image) ? undefined : unbakeCredentialImage(input.image)?.credential;
  } catch (error) {
    if (isImageError(error)) return undefined;
    throw error;
  }
}
