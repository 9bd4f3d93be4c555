import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { identityMatches, verifyOpenBadge, type FetchDocument } from '@badges/openbadges';

import type { ExpectedRecipient, VerificationAnswer, Verifier, VerifyInput } from '../imports/verification.client';
import { verifyTestVcJwt } from './test-credentials';

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
 * web replaced by the conformance documents (images answer with the heart PNG). An OB 3.0 VC-JWT
 * is checked here with jose (its signature against the key in its header, and its recipient) until
 * the service's OB 3.0 verifier (libs/openbadges/src/ob3/verify) is merged; an OB 3.0 credential
 * as JSON meets the 2.0 pipeline, which refuses it, as the service does today.
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
    if ('json' in input && typeof input.json === 'string' && isVcJwt(input.json)) return verifyVcJwt(input.json, expected);
    const profile: Record<string, string[]> = {};
    for (const { type, identity } of expected) (profile[type] ??= []).push(identity);
    const pipelineInput = 'image' in input ? { image: new Uint8Array(input.image), contentType: input.contentType } : input;
    const result = await verifyOpenBadge(pipelineInput, { fetchDocument: this.fetchDocument, recipientProfile: profile, checkImages: false, now: new Date('2024-01-01T00:00:00Z') });
    return result as unknown as VerificationAnswer;
  }
}

function isVcJwt(text: string): boolean {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text.trim())) return false;
  try {
    const payload = JSON.parse(Buffer.from(text.split('.')[1], 'base64url').toString('utf8')) as { vc?: unknown; type?: unknown };
    return payload.vc !== undefined || (Array.isArray(payload.type) && payload.type.includes('VerifiableCredential'));
  } catch {
    return false;
  }
}

async function verifyVcJwt(jwt: string, expected: readonly ExpectedRecipient[]): Promise<VerificationAnswer> {
  const checked = await verifyTestVcJwt(jwt);
  const fail = (code: string, message: string): VerificationAnswer => ({ report: { valid: false, errorCount: 1, warningCount: 0, messages: [{ code, level: 'ERROR', message }] }, graph: [], input: { input_type: 'jwt' } });
  if (!checked.valid) return fail('VERIFY_JWS_SIGNATURE', `The VC-JWT's signature does not verify: ${checked.reason}`);
  const subject = (checked.credential.credentialSubject ?? {}) as { identifier?: { identityType?: string; identityHash?: string; hashed?: boolean; salt?: string }[] };
  const types: Record<string, string> = { emailAddress: 'email', url: 'url', phoneNumber: 'telephone' };
  const mine = (subject.identifier ?? []).some((identifier) =>
    expected.some((e) => types[identifier.identityType ?? ''] === e.type && identityMatches({ type: e.type, identity: identifier.identityHash, hashed: identifier.hashed, salt: identifier.salt }, e.identity)),
  );
  if (!mine) return fail('VERIFY_RECIPIENT_IDENTIFIER', 'The credential was not issued to the expected recipient.');
  return { report: { valid: true, errorCount: 0, warningCount: 0, messages: [] }, graph: [checked.credential], input: { input_type: 'jwt' } };
}
