import { buildAssertion, buildBadgeClass, buildCryptographicKey, buildEndorsement, buildIssuerProfile, buildRevocationList } from '../../builders';
import { generateSigningKeyPair } from '../signed/key-pairs';
import { signEndorsement } from '../signed/sign-document';
import type { FetchDocument } from '../types';
import { verifyOpenBadge } from '../verify-open-badge';

// Assertion -> BadgeClass (lists a SIGNED endorsement) -> Issuer; the endorsement's endorser
// Profile publishes its key and RevocationList, as the endorsement service does.
const ISSUER = 'https://badges.example.edu/issuers/1';
const BADGE = 'https://badges.example.edu/badges/1';
const ASSERTION = 'https://badges.example.edu/assertions/1';
const ENDORSER = 'https://badges.example.edu/public/endorsers/9';
const KEY = `${ENDORSER}/keys/1`;
const LIST = `${ENDORSER}/revocations`;
const ENDORSEMENT = 'https://badges.example.edu/public/endorsements/5';

type Docs = Record<string, unknown>;

/** Serves JSON by URL, and the JWS of each URL in `jws` when asked for application/jose. */
function serve(docs: Docs, jws: Record<string, string>, asked: string[] = []): FetchDocument {
  return async (url, options) => {
    asked.push(`${options?.accept ?? 'json'} ${url}`);
    if (options?.accept === 'application/jose') return url in jws ? { status: 200, contentType: 'application/jose', body: jws[url] } : { status: 404, body: '' };
    return url in docs ? { status: 200, body: JSON.stringify(docs[url]) } : { status: 404, body: '' };
  };
}

describe('signed endorsements found on a badge', () => {
  let keyPem: { publicKeyPem: string; privateKeyPem: string };
  let otherKeyPem: { publicKeyPem: string; privateKeyPem: string };
  let docs: Docs;
  const endorsement = (claimId = BADGE, creator = KEY) =>
    buildEndorsement({ id: ENDORSEMENT, issuer: ENDORSER, claim: { id: claimId, endorsementComment: 'Rigorous.' }, issuedOn: '2024-02-01T00:00:00Z', verification: { type: 'signed', creator } });
  const endorser = (extra: Partial<Parameters<typeof buildIssuerProfile>[0]> = {}) =>
    buildIssuerProfile({ id: ENDORSER, name: 'Engineering Council', url: 'https://council.example', email: 'e@council.example', publicKey: [KEY], revocationList: LIST, ...extra });
  const verify = (fetchDocument: FetchDocument) => verifyOpenBadge(ASSERTION, { fetchDocument, checkImages: false });

  beforeAll(async () => {
    [keyPem, otherKeyPem] = await Promise.all([generateSigningKeyPair('RS256'), generateSigningKeyPair('RS256')]);
    docs = {
      [ASSERTION]: buildAssertion({ id: ASSERTION, badge: BADGE, recipient: { type: 'email', identity: 'me@example.org', hashed: true }, issuedOn: '2024-01-01T00:00:00Z', verification: { type: 'hosted' } }),
      [BADGE]: buildBadgeClass({ id: BADGE, issuer: ISSUER, name: 'B', description: 'D', image: 'https://badges.example.edu/i.png', criteria: { narrative: 'Do it' }, endorsement: [ENDORSEMENT] }),
      [ISSUER]: buildIssuerProfile({ id: ISSUER, name: 'Faculty', url: 'https://badges.example.edu', email: 'b@example.edu' }),
      [ENDORSEMENT]: endorsement(),
      [ENDORSER]: endorser(),
      [KEY]: buildCryptographicKey({ id: KEY, owner: ENDORSER, publicKeyPem: keyPem.publicKeyPem }),
      [LIST]: buildRevocationList({ id: LIST, issuer: ENDORSER, revokedAssertions: [] }),
    };
  });

  it('verifies the signature against the endorser key and reports the endorsement valid', async () => {
    const asked: string[] = [];
    const jws = await signEndorsement(endorsement(), keyPem.privateKeyPem);
    const { report } = await verify(serve(docs, { [ENDORSEMENT]: jws }, asked));
    expect(report.messages).toEqual([]);
    expect(report.endorsements).toEqual([
      { id: ENDORSEMENT, target: BADGE, status: 'valid', endorser: { id: ENDORSER, name: 'Engineering Council' }, comment: 'Rigorous.', issuedOn: '2024-02-01T00:00:00Z', problems: [] },
    ]);
    expect(asked).toContain(`application/jose ${ENDORSEMENT}`);
  });

  it('reports revoked when the endorser RevocationList lists it, without failing the badge', async () => {
    const jws = await signEndorsement(endorsement(), keyPem.privateKeyPem);
    const list = buildRevocationList({ id: LIST, issuer: ENDORSER, revokedAssertions: [{ id: ENDORSEMENT, revocationReason: 'Programme closed' }] });
    const { report } = await verify(serve({ ...docs, [LIST]: list }, { [ENDORSEMENT]: jws }));
    expect(report.valid).toBe(true);
    expect(report.endorsements?.[0]).toMatchObject({ status: 'revoked', problems: [expect.stringContaining('withdrawn by its endorser: Programme closed.')] });
    expect(report.messages).toEqual([expect.objectContaining({ code: 'ENDORSEMENT_REVOKED', level: 'WARNING' })]);
  });

  it('reports revoked when an embedded copy outlives the endorsement, whose URL answers 410', async () => {
    const asked: string[] = [];
    const embedded = { ...(docs[BADGE] as object), endorsement: [endorsement()] };
    const gone: FetchDocument = async (url, options) => {
      asked.push(url);
      if (url === ENDORSEMENT) return { status: 410, body: JSON.stringify({ id: ENDORSEMENT, type: 'Endorsement', revoked: true, revocationReason: 'Lapsed' }) };
      return serve({ ...docs, [BADGE]: embedded }, {})(url, options);
    };
    const { report } = await verify(gone);
    expect(report.valid).toBe(true);
    expect(report.endorsements?.[0]).toMatchObject({ id: ENDORSEMENT, status: 'revoked', problems: [expect.stringContaining('withdrawn by its endorser: Lapsed.')] });
    expect(report.messages.map((m) => m.code)).toEqual(['ENDORSEMENT_REVOKED']);
    expect(asked).toContain(ENDORSEMENT);
  });

  it.each([
    ['signed by another key', async () => signEndorsement(endorsement(), otherKeyPem.privateKeyPem), 'ENDORSEMENT_SIGNATURE_INVALID'],
    ['signing another claim than the one published', async () => signEndorsement(endorsement('https://badges.example.edu/badges/2'), keyPem.privateKeyPem), 'ENDORSEMENT_SIGNATURE_INVALID'],
    ['missing its signed form', async () => undefined, 'ENDORSEMENT_SIGNATURE_INVALID'],
    ['not a JWS at all', async () => '{"not":"a jws"}', 'ENDORSEMENT_SIGNATURE_INVALID'],
  ])('does not count an endorsement %s', async (_label, makeJws, code) => {
    const jws = await makeJws();
    const { report } = await verify(serve(docs, jws === undefined ? {} : { [ENDORSEMENT]: jws }));
    expect(report.valid).toBe(true);
    expect(report.endorsements?.[0]).toMatchObject({ status: 'invalid' });
    expect(report.messages.map((m) => `${m.level} ${m.code}`)).toEqual([`WARNING ${code}`]);
  });

  it('does not count an endorsement whose key the endorser does not list, or does not own', async () => {
    const jws = await signEndorsement(endorsement(), keyPem.privateKeyPem);
    const unlisted = await verify(serve({ ...docs, [ENDORSER]: endorser({ publicKey: [] }) }, { [ENDORSEMENT]: jws }));
    expect(unlisted.report.endorsements?.[0]).toMatchObject({ status: 'invalid', problems: [expect.stringContaining('does not list among its published keys')] });
    expect(unlisted.report.messages.map((m) => m.code)).toEqual(['ENDORSEMENT_KEY_NOT_OWNED']);

    const foreignKey = buildCryptographicKey({ id: KEY, owner: ISSUER, publicKeyPem: keyPem.publicKeyPem });
    const notOwned = await verify(serve({ ...docs, [KEY]: foreignKey }, { [ENDORSEMENT]: jws }));
    expect(notOwned.report.endorsements?.[0]).toMatchObject({ status: 'invalid' });
    expect(notOwned.report.messages.map((m) => m.code)).toEqual(['ENDORSEMENT_KEY_NOT_OWNED', 'ENDORSEMENT_SIGNATURE_INVALID']);
  });

  it('says so when the endorser RevocationList cannot be loaded', async () => {
    const jws = await signEndorsement(endorsement(), keyPem.privateKeyPem);
    const { [LIST]: _gone, ...withoutList } = docs;
    const { report } = await verify(serve(withoutList, { [ENDORSEMENT]: jws }));
    expect(report.endorsements?.[0]).toMatchObject({ status: 'invalid', problems: [expect.stringContaining('unknown whether the endorsement')] });
    expect(report.messages.map((m) => m.code)).toEqual(['ENDORSEMENT_NOT_VERIFIED']);
  });
});
