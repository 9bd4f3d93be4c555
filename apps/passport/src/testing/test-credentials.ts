import { generateKeyPairSync } from 'node:crypto';

import {
  buildIssuerDidDocument,
  buildJwk,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  createSalt,
  didWebDocumentUrl,
  encodeStatusList,
  generateEd25519Key,
  hashIdentity,
  issuerDid,
  normalizeIdentity,
  signAsVcJwt,
  signWithDataIntegrity,
  type Ed25519KeyPair,
  type OpenBadgeCredential,
} from '@badges/openbadges';

type Json = Record<string, unknown>;

/** A document a verifier can read from the test's web, by URL. */
export interface WebDocument {
  contentType: string;
  body: string;
}

export interface TestCredentialInput {
  /** Its recipient: a salted sha256 `IdentityObject`, as this platform writes one. */
  email: string;
  format: 'ldp' | 'jwt';
  /** The credential's id (default: under the college's origin, fresh). */
  id?: string;
  achievementName?: string;
  validFrom?: string;
}

/**
 * An OB 3.0 issuer for the passport's specs, laid out as this platform's issuer lays its own out
 * (decision 0048) and made with the same libs/openbadges issuing functions: a did:web DID whose
 * document lists its Ed25519 key (Data Integrity, eddsa-rdfc-2022), an ES256 key at its own URL
 * (VC-JWT `kid`), and the Bitstring status list it signs. Its documents are `documents`, by URL, which
 * the test's LocalVerifier reads as the web: the real OB 3.0 verifier checks every credential it signs.
 */
export class TestCollege {
  /** What a verifier fetches: the DID document, the JWK, the status list (rebuilt on each revocation). */
  readonly documents = new Map<string, WebDocument>();
  readonly did: string;
  private readonly statusListUrl: string;
  private readonly jwkUrl: string;
  private readonly revoked = new Set<number>();
  private nextIndex = 0;

  private constructor(
    private readonly origin: string,
    readonly name: string,
    issuerId: string,
    private readonly ed25519: Ed25519KeyPair,
    private readonly es256: { privateKeyPem: string; publicKeyPem: string },
  ) {
    this.did = issuerDid(origin, issuerId);
    this.statusListUrl = `${origin}/public/issuers/${issuerId}/status/0`;
    this.jwkUrl = `${origin}/public/issuers/${issuerId}/jwks/es-1`;
  }

  static async create(origin = 'https://college.example', name = 'Example College', issuerId = '1'): Promise<TestCollege> {
    const es = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const college = new TestCollege(origin, name, issuerId, await generateEd25519Key(), {
      privateKeyPem: es.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      publicKeyPem: es.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    });
    college.serve(didWebDocumentUrl(college.did), 'application/did+ld+json', buildIssuerDidDocument(college.did, [{ keyId: 'ed-1', publicKeyMultibase: college.ed25519.publicKeyMultibase }]));
    college.serve(college.jwkUrl, 'application/jwk+json', await buildJwk({ kid: college.jwkUrl, algorithm: 'ES256', publicKeyPem: college.es256.publicKeyPem }));
    await college.publishStatusList();
    return college;
  }

  /** A signed OpenBadgeCredential to `email`: the text as a wallet holds it, and the credential it says. */
  async credential(input: TestCredentialInput): Promise<{ text: string; document: OpenBadgeCredential; statusIndex: number }> {
    const salt = createSalt();
    const statusIndex = this.nextIndex++;
    const achievementId = `${this.origin}/achievements/${encodeURIComponent(input.achievementName ?? 'teamwork')}`;
    const credential = buildOpenBadgeCredential({
      id: input.id ?? `${this.origin}/public/credentials/${statusIndex}-${salt}`,
      issuer: { id: this.did, name: this.name, url: `${this.origin}/issuers/1` },
      achievement: { id: achievementId, name: input.achievementName ?? 'Teamwork', description: 'Works well in a team.', image: `${achievementId}/image.png`, criteria: { narrative: 'Nominated by peers.' } },
      recipient: { type: 'email', identity: hashIdentity(normalizeIdentity('email', input.email), salt), hashed: true, salt },
      validFrom: input.validFrom ?? '2024-03-01T00:00:00Z',
      status: { statusListCredential: this.statusListUrl, statusListIndex: statusIndex },
    });
    if (input.format === 'jwt') return { text: await signAsVcJwt(credential, { algorithm: 'ES256', kid: this.jwkUrl, privateKeyPem: this.es256.privateKeyPem }), document: credential, statusIndex };
    const signed = await signWithDataIntegrity(credential, this.dataIntegritySigner());
    return { text: JSON.stringify(signed), document: signed, statusIndex };
  }

  /** Sets the credential's bit in the status list, as the issuer does when it revokes. */
  async revoke(statusIndex: number): Promise<void> {
    this.revoked.add(statusIndex);
    await this.publishStatusList();
  }

  private async publishStatusList(): Promise<void> {
    const list = buildStatusListCredential({ id: this.statusListUrl, issuer: this.did, validFrom: new Date(), encodedList: await encodeStatusList(this.revoked) });
    this.serve(this.statusListUrl, 'application/vc+ld+json', await signWithDataIntegrity(list, this.dataIntegritySigner()));
  }

  private dataIntegritySigner() {
    return { verificationMethod: `${this.did}#ed-1`, privateKeyPem: this.ed25519.privateKeyPem, publicKeyPem: this.ed25519.publicKeyPem };
  }

  private serve(url: string, contentType: string, body: Json): void {
    this.documents.set(url, { contentType, body: JSON.stringify(body) });
  }
}
