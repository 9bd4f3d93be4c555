import { hashIdentity } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

import { credentialFacts, credentialKey, readCredential } from './credential-document';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jws = (payload: unknown) => `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJl`;

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'https://college.example/credentials/3732',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'https://college.example/issuers/565049', type: ['Profile'], name: 'Example College' },
  validFrom: '2024-01-01T00:00:00Z',
  validUntil: '2029-01-01T00:00:00Z',
  name: 'Teamwork Badge',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [
      { type: 'IdentityObject', identityType: 'studentId', hashed: false, identityHash: 'S-1' },
      { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'pepper', identityHash: hashIdentity('ada@example.org', 'pepper', 'sha256') },
    ],
    achievement: { id: 'https://college.example/achievements/teamwork', type: ['Achievement'], name: 'Teamwork', image: { id: 'https://college.example/teamwork.png', type: 'Image' } },
  },
};

describe('reading an OB 3.0 credential', () => {
  it('takes a credential object, its JSON text, and its VC-JWT in the VC 2.0 form (the payload is the credential) and the VC 1.1 form (a vc claim)', () => {
    expect(readCredential(credential)).toEqual({ format: 'ldp', text: JSON.stringify(credential), document: credential });
    const text = `  ${JSON.stringify(credential, null, 2)}\n`;
    expect(readCredential(text)).toEqual({ format: 'ldp', text: text.trim(), document: credential });
    const vc2 = jws({ ...credential, iss: credential.issuer.id, jti: credential.id, nbf: 1704067200 });
    expect(readCredential(vc2)).toMatchObject({ format: 'jwt', text: vc2, document: { id: credential.id, name: 'Teamwork Badge' } });
    // VC 1.1: the registered claims stand for what the vc claim leaves out.
    const { id: _id, issuer: _issuer, validFrom: _from, ...bare } = credential;
    const vc11 = jws({ vc: bare, iss: 'https://college.example/issuers/565049', jti: 'urn:uuid:1', nbf: 1704067200 });
    expect(readCredential(vc11)?.document).toMatchObject({ id: 'urn:uuid:1', issuer: 'https://college.example/issuers/565049', validFrom: '2024-01-01T00:00:00.000Z' });
    expect(readCredential({ ...credential, type: ['VerifiableCredential', 'AchievementCredential'] })?.format).toBe('ldp');
  });

  it('leaves anything else to the 2.0 path: an assertion, a 2.0 signed badge, malformed text, another credential type', () => {
    const assertion = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a' };
    expect(readCredential(assertion)).toBeUndefined();
    expect(readCredential(jws(assertion))).toBeUndefined();
    expect(readCredential('{"type": ["OpenBadgeCredential"]')).toBeUndefined();
    expect(readCredential('https://example.org/assertions/1')).toBeUndefined();
    expect(readCredential('a.b.c')).toBeUndefined();
    expect(readCredential({ ...credential, type: ['VerifiableCredential', 'EndorsementCredential'] })).toBeUndefined();
  });

  it('refuses JSON nested beyond its budget as a 400, before parsing it', () => {
    const deep = `{"type": ["OpenBadgeCredential"], "x": ${'['.repeat(200)}${']'.repeat(200)}}`;
    expect(() => readCredential(deep)).toThrow(ApiError);
    expect(() => readCredential(jws({ vc: JSON.parse(`${'['.repeat(70)}1${']'.repeat(70)}`) }))).toThrow(/nested more than 64/);
  });

  it('files a credential by its facts: ids compared as OB 3.0 says, the recipients it can match, its dates', () => {
    expect(credentialFacts(credential)).toEqual({
      id: 'https://college.example/credentials/3732',
      issuerId: 'https://college.example/issuers/565049',
      issuerName: 'Example College',
      achievementId: 'https://college.example/achievements/teamwork',
      name: 'Teamwork',
      image: 'https://college.example/teamwork.png',
      identities: [{ type: 'email', identity: hashIdentity('ada@example.org', 'pepper', 'sha256'), hashed: true, salt: 'pepper' }],
      validFrom: new Date('2024-01-01T00:00:00Z'),
      validUntil: new Date('2029-01-01T00:00:00Z'),
    });
    expect(credentialFacts({ ...credential, credentialSubject: { id: 'did:example:ada', achievement: {} } })).toMatchObject({ subjectId: 'did:example:ada', identities: [], name: 'Teamwork Badge', image: '' });
    expect(credentialFacts({ ...credential, issuer: 'https://college.example/issuers/565049' })).toMatchObject({ issuerName: 'Unknown issuer' });
    expect(credentialFacts({ ...credential, id: '  ' })).toBeUndefined();
    expect(credentialFacts({ ...credential, issuer: { name: 'No id' } })).toBeUndefined();
    expect(credentialKey(' https://college.example/credentials/a%20b ')).toBe('https://college.example/credentials/a b');
    expect(credentialKey('https://college.example/%E0%A4%A')).toBe('https://college.example/%E0%A4%A');
  });
});
