import { generateKeyPairSync } from 'node:crypto';
import { buildAssertion, buildBadgeClass, buildCryptographicKey, buildIssuerProfile, buildRevocationList } from '../builders';
import { signAssertion } from './signed/sign-document';
import type { FetchDocument } from './types';
import { verifyOpenBadge } from './verify-open-badge';
import { localizeResult } from '../report-texts/localize-report';

const ISSUER = 'https://badges.example.edu/issuers/1';
const BADGE = 'https://badges.example.edu/badges/1';
const KEY = `${ISSUER}/keys/1`;

function serve(docs: Record<string, unknown>): FetchDocument {
  return async (url) => (url in docs ? { status: 200, body: JSON.stringify(docs[url]) } : { status: 404, body: '' });
}

describe('verifyOpenBadge (own builders round trip)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const priv = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const docs = {
    [ISSUER]: buildIssuerProfile({ id: ISSUER, name: 'Faculty', url: 'https://badges.example.edu', email: 'b@example.edu', publicKey: [KEY], revocationList: `${ISSUER}/revocations` }),
    [BADGE]: buildBadgeClass({ id: BADGE, issuer: ISSUER, name: 'B', description: 'D', image: 'https://badges.example.edu/i.png', criteria: { narrative: 'Do it' } }),
    [KEY]: buildCryptographicKey({ id: KEY, owner: ISSUER, publicKeyPem: pub }),
    [`${ISSUER}/revocations`]: buildRevocationList({ id: `${ISSUER}/revocations`, issuer: ISSUER, revokedAssertions: [{ id: 'urn:uuid:00000000-0000-4000-8000-000000000002', revocationReason: 'Oops' }] }),
    'https://badges.example.edu/i.png': {},
  };
  const assertion = (id: string, verification: Parameters<typeof buildAssertion>[0]['verification']) =>
    buildAssertion({ id, badge: BADGE, recipient: { type: 'email', identity: 'me@example.org', hashed: true }, issuedOn: '2024-01-01T00:00:00Z', verification });

  it('verifies a hosted assertion it built and matches the expected recipient', async () => {
    const id = 'https://badges.example.edu/assertions/1';
    const result = await verifyOpenBadge(id, { fetchDocument: serve({ ...docs, [id]: assertion(id, { type: 'hosted' }) }), recipientProfile: { email: 'ME@example.org' } });
    expect(result.report).toMatchObject({ valid: true, errorCount: 0, openBadgesVersion: '2.0' });
    expect(result.graph.map((n) => n.id)).toEqual([id, BADGE, ISSUER]);
    expect(result.input).toEqual({ value: id, input_type: 'url' });
  });

  it('warns, by code and in either language, when pasted JSON differs from its hosted original', async () => {
    const id = 'https://badges.example.edu/assertions/3';
    const hosted = assertion(id, { type: 'hosted' });
    const fetchDocument = serve({ ...docs, [id]: hosted });
    const same = await verifyOpenBadge({ json: JSON.stringify(hosted) }, { fetchDocument });
    expect(same.report).toMatchObject({ valid: true, warningCount: 0 });

    const tampered = { ...hosted, issuedOn: '2023-06-01T00:00:00Z', expires: '2030-01-01T00:00:00Z' };
    const result = await verifyOpenBadge({ json: tampered }, { fetchDocument });
    expect(result.report).toMatchObject({ valid: true, warningCount: 1 });
    const [message] = result.report.messages;
    expect(message).toMatchObject({ code: 'HOSTED_COPY_DIFFERS', level: 'WARNING', messageCode: 'COPY_DIFFERS_FROM_HOSTED', params: { fields: 'expires, issuedOn' } });
    expect(message.message).toContain('differs from the one its issuer hosts (expires, issuedOn)');
    expect(result.report.steps?.find((step) => step.step === 'HOSTED_VERIFICATION')?.status).toBe('warning');
    const french = localizeResult(result, 'fr');
    expect(french.report.messages[0].message).toContain('diffère de celle que son émetteur héberge (expires, issuedOn)');
    expect(french.report.steps?.find((step) => step.step === 'HOSTED_VERIFICATION')?.title).toBe('Vérifier que le badge est hébergé là où son émetteur l’indique');
  });

  it('verifies a signed assertion, and reports a revoked one', async () => {
    const ok = await signAssertion(assertion('urn:uuid:00000000-0000-4000-8000-000000000001', { type: 'signed', creator: KEY }), priv);
    expect((await verifyOpenBadge(ok, { fetchDocument: serve(docs) })).report.valid).toBe(true);
    const revoked = await signAssertion(assertion('urn:uuid:00000000-0000-4000-8000-000000000002', { type: 'signed', creator: KEY }), priv);
    const result = await verifyOpenBadge({ jws: revoked }, { fetchDocument: serve(docs) });
    expect(result.report.messages.map((m) => m.code)).toContain('VERIFY_SIGNED_ASSERTION_NOT_REVOKED');
  });

  it('refuses a signed assertion given as JSON without its JWS, saying to send the JWS or the baked image', async () => {
    const signedJson = assertion('urn:uuid:00000000-0000-4000-8000-000000000001', { type: 'signed', creator: KEY });
    const result = await verifyOpenBadge({ json: signedJson }, { fetchDocument: serve(docs) });
    expect(result.report).toMatchObject({ valid: false, errorCount: 1 });
    expect(result.report.messages[0]).toMatchObject({ code: 'REPORT_MESSAGE', level: 'ERROR', messageCode: 'SIGNED_JSON_NEEDS_JWS' });
    expect(result.report.messages[0].message).toContain('Send the signed badge itself (the compact JWS');
    expect(result.report.messages[0].message).not.toContain('hosted');
    expect(localizeResult(result, 'fr').report.messages[0].message).toContain('Fournissez plutôt le badge signé lui-même');
  });

  it('refuses unsigned (alg none) and HMAC tokens', async () => {
    const payload = Buffer.from(JSON.stringify(assertion('urn:uuid:00000000-0000-4000-8000-000000000001', { type: 'signed', creator: KEY }))).toString('base64url');
    for (const alg of ['none', 'HS256']) {
      const header = Buffer.from(JSON.stringify({ alg })).toString('base64url');
      const result = await verifyOpenBadge({ jws: `${header}.${payload}.c2ln` }, { fetchDocument: serve(docs) });
      expect(result.report.valid).toBe(false);
      expect(result.report.messages[0]).toMatchObject({ code: 'VERIFY_JWS' });
    }
  });

  it('reports a foreign JSON-LD context as a message, without fetching it', async () => {
    const id = 'https://badges.example.edu/assertions/2';
    const fetched: string[] = [];
    const fetcher: FetchDocument = async (url) => (fetched.push(url), { status: 200, body: JSON.stringify({ '@context': 'https://evil.example/ctx', id }) });
    const result = await verifyOpenBadge({ url: id }, { fetchDocument: fetcher });
    expect(result.report.valid).toBe(false);
    expect(result.report.messages[0]).toMatchObject({ code: 'JSONLD_COMPACT_DATA' });
    expect(fetched).toEqual([id]);
  });

  it('rejects unknown input and never throws', async () => {
    const result = await verifyOpenBadge('hello', { fetchDocument: serve({}) });
    expect(result.report).toMatchObject({ valid: false, messages: [expect.objectContaining({ code: 'DETECT_INPUT_TYPE' })] });
  });
});
