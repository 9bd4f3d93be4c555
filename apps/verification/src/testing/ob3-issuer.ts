import { gzipSync } from 'node:zlib';

import { exportJWK, generateKeyPair, SignJWT } from 'jose';

import { createBundledDocumentLoader, hashIdentity } from '@badges/openbadges';

import type { BadgeServer } from './badge-server';

export const OB3_RECIPIENT = 'learner@example.org';

type Json = Record<string, unknown>;

/**
 * An OB 3.0 issuer for the specs, on a real local HTTP server, laid out as this platform lays its own
 * out (decision 0048): a did:web DID whose document lists an Ed25519 Multikey, a JWKS beside it, a
 * Bitstring status list it signs, credentials it signs with the Digital Bazaar stack (Data Integrity,
 * eddsa-rdfc-2022) or jose (VC-JWT). The server's origin plays PUBLIC_URL: its did:web is read over
 * http, as the service does for its own http PUBLIC_URL.
 */
export class Ob3TestIssuer {
  readonly did: string;
  readonly base: string;
  readonly statusList: string;
  readonly jwks: string;
  private revoked = new Set<number>();
  private signer!: { methodId: string; keyPair: Awaited<ReturnType<typeof import('@digitalbazaar/ed25519-multikey').generate>> };
  private rsa!: { privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; jwk: Json };

  private constructor(
    private readonly server: BadgeServer,
    readonly issuerId: string,
  ) {
    const origin = new URL(server.origin);
    this.base = `${server.origin}/public/issuers/${issuerId}`;
    this.did = `did:web:${origin.hostname}%3A${origin.port}:public:issuers:${issuerId}`;
    this.statusList = `${this.base}/status/0`;
    this.jwks = `${this.base}/jwks.json`;
  }

  static async start(server: BadgeServer, issuerId = '1'): Promise<Ob3TestIssuer> {
    const issuer = new Ob3TestIssuer(server, issuerId);
    const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
    const keyPair = await Ed25519Multikey.generate({ controller: issuer.did, id: `${issuer.did}#key-1` });
    issuer.signer = { methodId: `${issuer.did}#key-1`, keyPair };
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    issuer.rsa = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' } };
    const { publicKeyMultibase } = keyPair;
    server.json(`/public/issuers/${issuerId}/did.json`, {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: issuer.did,
      verificationMethod: [{ id: issuer.signer.methodId, type: 'Multikey', controller: issuer.did, publicKeyMultibase }],
      assertionMethod: [issuer.signer.methodId],
    });
    server.json(`/public/issuers/${issuerId}/jwks.json`, { keys: [issuer.rsa.jwk] });
    await issuer.publishStatusList();
    return issuer;
  }

  /** A credential (unsigned) at `/public/credentials/{id}`, with its status entry at `index`. */
  credential(id: string, index: number, overrides: Json = {}): Json {
    return {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: this.credentialUrl(id),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: this.did, type: ['Profile'], name: 'Northern College', url: `${this.server.origin}/public/issuers/${this.issuerId}` },
      validFrom: '2026-01-15T10:00:00Z',
      name: 'Welding I',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'pepper', identityHash: hashIdentity(OB3_RECIPIENT, 'pepper') }],
        achievement: {
          id: `${this.server.origin}/public/badges/b1`,
          type: ['Achievement'],
          name: 'Welding I',
          description: 'Safe welding.',
          criteria: { narrative: 'Passed the practical.' },
        },
      },
      credentialStatus: { id: `${this.statusList}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: this.statusList },
      ...overrides,
    };
  }

  credentialUrl(id: string): string {
    return `${this.server.origin}/public/credentials/${id}`;
  }

  /** Signed with a DataIntegrityProof (eddsa-rdfc-2022) by the DID's key. */
  async signed(credential: Json): Promise<Json> {
    const [{ issue }, { DataIntegrityProof }, { cryptosuite }] = [await import('@digitalbazaar/vc'), await import('@digitalbazaar/data-integrity'), await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite')];
    const loader = createBundledDocumentLoader();
    const suite = new DataIntegrityProof({ cryptosuite, signer: this.signer.keyPair.signer() });
    return issue({ credential: structuredClone(credential), suite, documentLoader: async (url) => ({ ...(await loader(url)), contextUrl: null }) });
  }

  /** The compact VC-JWT (RS256, kid in the issuer's JWKS), OB 3.0 §8.2. */
  async jwt(credential: Json): Promise<string> {
    const subject = credential.credentialSubject as Json;
    const claims: Json = { vc: credential, iss: this.did, jti: credential.id, nbf: Math.floor(Date.parse(String(credential.validFrom)) / 1000) };
    if (subject.id) claims.sub = subject.id;
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: `${this.jwks}#rsa-1` }).sign(this.rsa.privateKey);
  }

  /** Revokes `index` and republishes the signed status list; `encodedList` replaces the list itself (hostile specs). */
  async revoke(index: number): Promise<void> {
    this.revoked.add(index);
    await this.publishStatusList();
  }

  async publishStatusList(encodedList?: string): Promise<void> {
    const bits = Buffer.alloc(131_072 / 8);
    for (const index of this.revoked) bits[index >> 3] |= 0x80 >> (index & 7);
    const list = await this.signed({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: this.statusList,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: this.did,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { id: `${this.statusList}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodedList ?? `u${gzipSync(bits).toString('base64url')}` },
    });
    this.server.json(new URL(this.statusList).pathname, list);
  }
}
