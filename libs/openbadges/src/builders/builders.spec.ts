import { compactToObV2 } from '../context/compact-to-ob-v2';
import { validateNode } from '../validation/validate-node';
import { identityMatches } from '../recipient/identity-matches';
import { buildAssertion, buildRevokedAssertion } from './build-assertion';
import { buildBadgeClass } from './build-badge-class';
import { buildEndorsement } from './build-endorsement';
import { buildIssuerProfile } from './build-issuer-profile';
import { buildCryptographicKey, buildRevocationList } from './build-signing-documents';

const ISSUER = 'https://badges.example.edu/public/issuers/iss1';
const BADGE = 'https://badges.example.edu/public/badges/bc1';

/** A built document must validate and survive JSON-LD compaction unchanged (no dropped terms). */
async function expectValidAndStable(doc: object, cls: Parameters<typeof validateNode>[1]) {
  expect(validateNode(doc, cls).filter((m) => m.level === 'ERROR')).toEqual([]);
  // JSON-LD compaction writes one-element arrays as single values; that is not a loss.
  expect(unwrapSingletons(await compactToObV2(doc as Record<string, unknown>))).toEqual(unwrapSingletons(doc));
}

function unwrapSingletons(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? unwrapSingletons(value[0]) : value.map(unwrapSingletons);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSingletons(v)]));
  return value;
}

describe('builders', () => {
  it('builds a valid issuer profile with a verification policy', async () => {
    const profile = buildIssuerProfile({
      id: ISSUER, name: 'Faculty of Science', url: 'https://science.example.edu', email: 'badges@example.edu',
      telephone: '+15417522845', publicKey: [`${ISSUER}/keys/k1`], verification: { allowedOrigins: ['badges.example.edu'] },
      description: undefined,
    });
    expect(profile).not.toHaveProperty('description');
    expect(profile.verification).toEqual({ type: 'VerificationObject', allowedOrigins: ['badges.example.edu'] });
    await expectValidAndStable(profile, 'Issuer');
  });

  it('builds a multilingual badge class (@language, related editions, version)', async () => {
    const badge = buildBadgeClass({
      id: BADGE, issuer: ISSUER, name: 'Robotique', description: 'Pour les robots', image: `${BADGE}/image`,
      criteria: { narrative: 'Construire un robot' }, language: 'fr-CA', version: '2',
      related: [{ id: `${BADGE}?lang=en`, language: 'en', version: '2' }],
      alignment: [{ targetName: 'Robotics', targetUrl: 'https://example.org/frameworks/robotics' }], tags: ['robots'],
    });
    expect(badge['@language']).toBe('fr-CA');
    expect(badge.related).toEqual([{ id: `${BADGE}?lang=en`, '@language': 'en', version: '2' }]);
    expect(badge.criteria).toEqual({ type: 'Criteria', narrative: 'Construire un robot' });
    expect(validateNode(badge, 'BadgeClass')).toEqual([]);
    const compacted = await compactToObV2(badge as unknown as Record<string, unknown>);
    expect(compacted['@language']).toBeDefined();
  });

  it('publishes terms under the context\'s own prefixes as written, which verifiers keep; an unset one is left out', async () => {
    const base = { id: BADGE, issuer: ISSUER, name: 'Welding I', description: 'MIG welding', image: `${BADGE}/image`, criteria: { narrative: 'Passed' } };
    const badge = buildBadgeClass({ ...base, terms: { 'schema:educationalLevel': 'advanced', 'dc:subject': undefined } });
    expect(badge['schema:educationalLevel']).toBe('advanced');
    expect(badge).not.toHaveProperty('dc:subject');
    await expectValidAndStable(badge, 'BadgeClass');
  });

  it('publishes a criteria URL alone as a plain IRI and refuses empty criteria', () => {
    const base = { id: BADGE, issuer: ISSUER, name: 'n', description: 'd', image: `${BADGE}/i` };
    expect(buildBadgeClass({ ...base, criteria: { id: `${BADGE}/criteria` } }).criteria).toBe(`${BADGE}/criteria`);
    expect(() => buildBadgeClass({ ...base, criteria: {} })).toThrow(/criteria/);
  });

  it('builds hosted and signed assertions with UTC dates and a hashed recipient', async () => {
    const hosted = buildAssertion({
      id: 'https://badges.example.edu/public/assertions/a1', badge: BADGE,
      recipient: { type: 'email', identity: ' Learner@Example.org ', hashed: true, salt: 's1' },
      issuedOn: new Date(Date.UTC(2024, 4, 1, 12)), expires: '2030-01-01T00:00:00+02:00',
      evidence: [{ narrative: 'Did it' }], narrative: undefined,
    verification: { type: 'hosted' } });
    expect(hosted.issuedOn).toBe('2024-05-01T12:00:00Z');
    expect(hosted.expires).toBe('2029-12-31T22:00:00Z');
    expect(hosted.verification).toEqual({ type: 'HostedBadge' });
    expect(hosted.recipient.identity).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(identityMatches(hosted.recipient, 'learner@example.org')).toBe(true);
    expect(hosted).not.toHaveProperty('narrative');
    await expectValidAndStable({ ...hosted, verification: { type: 'hosted' } }, 'Assertion');

    const signed = buildAssertion({ ...hostedInput(), verification: { type: 'signed', creator: `${ISSUER}/keys/k1` } });
    expect(signed.verification).toEqual({ type: 'SignedBadge', creator: `${ISSUER}/keys/k1` });
    expect(validateNode(signed, 'Assertion')).toEqual([]);
  });

  it('refuses ambiguous dates and data-URI assertion images', () => {
    expect(() => buildAssertion({ ...hostedInput(), issuedOn: '2024-05-01T12:00:00' })).toThrow(/timezone/);
    expect(() => buildAssertion({ ...hostedInput(), image: 'data:image/png;base64,AAAA' })).toThrow(/data URI/);
  });

  it('builds revocation documents, keys and endorsements', async () => {
    expect(buildRevokedAssertion({ id: 'https://x.example/a/1', revocationReason: 'Error' })).toEqual({
      '@context': 'https://w3id.org/openbadges/v2', id: 'https://x.example/a/1', type: 'Assertion', revoked: true, revocationReason: 'Error',
    });
    const key = buildCryptographicKey({ id: `${ISSUER}/keys/k1`, owner: ISSUER, publicKeyPem: '-----BEGIN PUBLIC KEY-----\n...' });
    await expectValidAndStable(key, 'CryptographicKey');
    const list = buildRevocationList({ id: `${ISSUER}/revocations`, issuer: ISSUER, revokedAssertions: [{ id: 'urn:uuid:1' }, { id: 'urn:uuid:2', revocationReason: 'r' }] });
    expect(list.revokedAssertions).toEqual(['urn:uuid:1', { id: 'urn:uuid:2', revocationReason: 'r' }]);
    const endorsement = buildEndorsement({ id: 'https://e.example/end/1', issuer: 'https://e.example/profile', claim: { id: BADGE, endorsementComment: 'Great' }, issuedOn: '2024-01-01', verification: { type: 'hosted' } });
    expect(endorsement.issuedOn).toBe('2024-01-01T00:00:00Z');
    expect(validateNode(endorsement, 'Endorsement')).toEqual([]);
  });
});

function hostedInput() {
  return {
    id: 'urn:uuid:9d278beb-36cf-4bc8-888d-674ff9843d72', badge: BADGE,
    recipient: { type: 'email' as const, identity: 'sha256$' + 'a'.repeat(64), hashed: true, salt: 'x' },
    issuedOn: '2024-05-01T00:00:00Z', verification: { type: 'hosted' as const },
  };
}
