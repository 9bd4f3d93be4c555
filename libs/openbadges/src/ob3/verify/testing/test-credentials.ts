// Test-only: credentials, keys, DID documents and status lists made and signed with the Digital
// Bazaar stack and jose, for the OB 3.0 verifier's specs. Never used at run time.
import { gzipSync } from 'node:zlib';

import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

import { createBundledDocumentLoader } from '../../../context/bundled-document-loader';
import { hashIdentity } from '../../../recipient/hash-identity';
import type { JsonNode } from '../../../validation/present-values';
import type { FetchDocument } from '../../../verification/types';
import { digitalBazaar } from '../proof/digital-bazaar';

export interface TestKey {
  methodId: string;
  controller: string;
  publicKeyMultibase: string;
  keyPair: Awaited<ReturnType<typeof import('@digitalbazaar/ed25519-multikey').generate>>;
}

/** A fresh Ed25519 key whose id is `{controller}#{fragment}` (the multibase when none is given, as did:key wants). */
export async function ed25519Key(controller: string, fragment?: string): Promise<TestKey> {
  const { Ed25519Multikey } = await digitalBazaar();
  const keyPair = await Ed25519Multikey.generate({ controller, ...(fragment ? { id: `${controller}#${fragment}` } : {}) });
  return { methodId: String(keyPair.id), controller, publicKeyMultibase: keyPair.publicKeyMultibase, keyPair };
}

/** A did:key DID and its one key (`did:key:z6Mk…#z6Mk…`). */
export async function didKeyKey(): Promise<TestKey> {
  const { Ed25519Multikey } = await digitalBazaar();
  const generated = await Ed25519Multikey.generate();
  const exported = (await generated.export({ publicKey: true, secretKey: true })) as JsonNode & { publicKeyMultibase: string };
  const did = `did:key:${exported.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({ ...exported, id: `${did}#${exported.publicKeyMultibase}`, controller: did });
  return { methodId: `${did}#${exported.publicKeyMultibase}`, controller: did, publicKeyMultibase: exported.publicKeyMultibase, keyPair };
}

/** A controller (or DID) document listing the keys as Multikeys and assertion methods. */
export function controllerDocument(id: string, keys: TestKey[]): JsonNode {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id,
    verificationMethod: keys.map((key) => ({ id: key.methodId, type: 'Multikey', controller: id, publicKeyMultibase: key.publicKeyMultibase })),
    assertionMethod: keys.map((key) => key.methodId),
  };
}

export const TEST_RECIPIENT = 'learner@example.org';

/** A minimal OB 3.0 OpenBadgeCredential (VC 2.0), unsigned, for TEST_RECIPIENT (hashed with the salt "pepper"). */
export function testCredential(issuer: string, overrides: JsonNode = {}): JsonNode {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'https://badges.example/public/credentials/a1',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Northern College' },
    validFrom: '2024-01-15T10:00:00Z',
    name: 'Welding I',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: hashIdentity(TEST_RECIPIENT, 'pepper'), identityType: 'emailAddress', hashed: true, salt: 'pepper' }],
      achievement: {
        id: 'https://badges.example/public/badges/b1',
        type: ['Achievement'],
        name: 'Welding I',
        description: 'Safe welding.',
        criteria: { narrative: 'Passed the practical.' },
      },
    },
    ...overrides,
  };
}

/** Signs with a DataIntegrityProof (eddsa-rdfc-2022), as the issuer does. */
export async function signDataIntegrity(credential: JsonNode, key: TestKey): Promise<JsonNode> {
  const db = await digitalBazaar();
  const suite = new db.DataIntegrityProof({ cryptosuite: db.eddsaRdfc2022, signer: key.keyPair.signer() });
  const loader = createBundledDocumentLoader();
  return db.vc.issue({ credential: structuredClone(credential), suite, documentLoader: async (url) => ({ ...(await loader(url)), contextUrl: null }) });
}

export interface JwtKey {
  alg: 'RS256' | 'ES256' | 'EdDSA';
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  publicJwk: JWK;
}

export async function jwtKey(alg: JwtKey['alg'], kid?: string): Promise<JwtKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  return { alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), ...(kid ? { kid } : {}), alg } };
}

/** A VC-JWT (OB 3.0 §8.2): the credential in `vc`, with iss, jti, sub, nbf (and exp). */
export async function signVcJwt(credential: JsonNode, key: JwtKey, header: { kid?: string; jwk?: JWK } = {}): Promise<string> {
  const { proof: _proof, ...vc } = credential;
  const issuer = credential.issuer as JsonNode;
  const subject = credential.credentialSubject as JsonNode;
  const claims: JsonNode = { vc, iss: issuer.id, jti: credential.id, nbf: Math.floor(Date.parse(String(credential.validFrom)) / 1000) };
  if (subject.id) claims.sub = subject.id;
  if (credential.validUntil) claims.exp = Math.floor(Date.parse(String(credential.validUntil)) / 1000);
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, typ: 'JWT', ...header }).sign(key.privateKey);
}

/** A Bitstring Status List's encodedList: the bits (index 0 the left-most), GZIP, base64url, multibase `u`. */
export function encodedList(revoked: number[], length = 131_072): string {
  const bytes = Buffer.alloc(Math.ceil(length / 8));
  for (const index of revoked) bytes[index >> 3] |= 0x80 >> (index & 7);
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export function statusListCredential(id: string, issuer: string, encoded: string, overrides: JsonNode = {}): JsonNode {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encoded },
    ...overrides,
  };
}

export function statusEntry(listUrl: string, index: number, purpose = 'revocation'): JsonNode {
  return { id: `${listUrl}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: listUrl };
}

/** A fetcher that serves these documents (objects as JSON, strings as they are) and answers 404 otherwise; it records what was asked. */
export function servedDocuments(documents: Record<string, unknown>): FetchDocument & { requested: string[] } {
  const requested: string[] = [];
  const fetch = (async (url: string) => {
    requested.push(url);
    const document = documents[url];
    if (document === undefined) return { status: 404, body: '' };
    return { status: 200, contentType: 'application/json', body: typeof document === 'string' ? document : JSON.stringify(document) };
  }) as FetchDocument & { requested: string[] };
  fetch.requested = requested;
  return fetch;
}
