import * as jsonld from 'jsonld';
import type { JsonLdDocument, Options } from 'jsonld';
import { createBundledDocumentLoader } from '../../context/bundled-document-loader';
import { buildIssuerDidDocument, didWebDocumentUrl, DidWebError, issuerDid } from './did-web';

describe('did:web', () => {
  it.each([
    ['https://badges.example.edu', 'did:web:badges.example.edu:public:issuers:iss1'],
    ['https://badges.example.edu/', 'did:web:badges.example.edu:public:issuers:iss1'],
    ['http://localhost:3000', 'did:web:localhost%3A3000:public:issuers:iss1'],
    ['https://Example.EDU:8443/badges/v2/', 'did:web:example.edu%3A8443:badges:v2:public:issuers:iss1'],
    ['https://example.edu:443/base', 'did:web:example.edu:base:public:issuers:iss1'],
    ['https://bücher.example', 'did:web:xn--bcher-kva.example:public:issuers:iss1'],
    ['https://example.edu/a%20b/c:d', 'did:web:example.edu:a%20b:c%3Ad:public:issuers:iss1'],
  ])('names the issuer of %s as %s', (publicUrl, did) => {
    expect(issuerDid(publicUrl, 'iss1')).toBe(did);
  });

  it('finds the DID document where the platform serves it', () => {
    expect(didWebDocumentUrl(issuerDid('https://badges.example.edu', 'iss1'))).toBe('https://badges.example.edu/public/issuers/iss1/did.json');
    expect(didWebDocumentUrl(issuerDid('http://localhost:3000/base', 'iss1'), 'http')).toBe('http://localhost:3000/base/public/issuers/iss1/did.json');
  });

  it.each([
    // The did:web method specification's examples.
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
  ])('resolves %s to %s', (did, url) => {
    expect(didWebDocumentUrl(did)).toBe(url);
  });

  it.each([
    'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    'did:web:',
    'did:web:example.com#key-1',
    'did:web:example.com:user?x=1',
    'did:web:example.com/user',
    'did:web:example.com::user',
    'did:web:example.com:..:admin',
    'did:web:example.com:%2e%2e:admin',
    'did:web:example.com:.',
    'did:web:user%40evil.example',
    'did:web:evil.example%2Fpath',
    'did:web:exam%41ple.com',
    'did:web:example.com%3A3000%3A1',
    'did:web:exa mple.com',
  ])('refuses %s', (did) => {
    expect(() => didWebDocumentUrl(did)).toThrow(DidWebError);
  });

  it.each([
    ['not a URL', 'badges.example.edu'],
    ['not http(s)', 'ftp://badges.example.edu'],
    ['an IPv6 host', 'https://[::1]:3000'],
  ])('refuses a PUBLIC_URL that is %s', (_what, publicUrl) => {
    expect(() => issuerDid(publicUrl, 'iss1')).toThrow(DidWebError);
  });

  it('refuses an issuer id that would climb the path', () => {
    expect(() => issuerDid('https://badges.example.edu', '..')).toThrow(DidWebError);
    expect(() => issuerDid('https://badges.example.edu', '')).toThrow(DidWebError);
  });

  it('lists every key, retired ones too, as a Multikey allowed to assert', async () => {
    const did = issuerDid('https://badges.example.edu', 'iss1');
    const document = buildIssuerDidDocument(did, [
      { keyId: 'k1', publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
      { keyId: 'k2', publicKeyMultibase: 'z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG' },
    ]);
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: `${did}#k1`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' },
        { id: `${did}#k2`, type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG' },
      ],
      assertionMethod: [`${did}#k1`, `${did}#k2`],
    });
    const documentLoader = createBundledDocumentLoader() as unknown as Options.DocLoader['documentLoader'];
    await expect(jsonld.expand(document as JsonLdDocument, { documentLoader, safe: true } as Options.Expand)).resolves.toHaveLength(1);
  });
});
