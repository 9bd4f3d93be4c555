import { localizeResult } from '../../report-texts/localize-report';
import type { JsonNode } from '../../validation/present-values';
import type { VerificationResult } from '../../verification/report';
import {
  controllerDocument,
  didKeyKey,
  ed25519Key,
  jwtKey,
  servedDocuments,
  signDataIntegrity,
  signVcJwt,
  testCredential,
  type TestKey,
} from './testing/test-credentials';
import { verifyOpenBadgeCredential } from './verify-credential';

const ISSUER = 'https://college.example/issuers/1';
const errors = (result: VerificationResult) => result.report.messages.filter((m) => m.level === 'ERROR').map((m) => `${m.code}:${m.messageCode}`);
const steps = (result: VerificationResult) => Object.fromEntries((result.report.steps ?? []).map((s) => [s.step, s.status]));

describe('verifyOpenBadgeCredential: proofs and keys', () => {
  let key: TestKey;
  let signed: JsonNode;
  beforeAll(async () => {
    key = await ed25519Key(ISSUER, 'key-1');
    signed = await signDataIntegrity(testCredential(ISSUER), key);
  });

  it('verifies a credential signed with a DataIntegrityProof (eddsa-rdfc-2022) by its issuer, reading only its controller document', async () => {
    const fetchDocument = servedDocuments({ [ISSUER]: controllerDocument(ISSUER, [key]) });
    const result = await verifyOpenBadgeCredential(signed, { fetchDocument });
    expect(errors(result)).toEqual([]);
    expect(result.report).toMatchObject({ valid: true, openBadgesVersion: '3.0', errorCount: 0 });
    expect(steps(result)).toEqual({
      DETECT_INPUT_TYPE: 'passed',
      CREDENTIAL_CONTEXT: 'passed',
      CREDENTIAL_JSONLD: 'passed',
      CREDENTIAL_SCHEMA: 'warning', // one proof object where the schema wants a list: read as the list
      CREDENTIAL_PROOF: 'passed',
      CREDENTIAL_ISSUER: 'passed',
      CREDENTIAL_STATUS: 'not_applicable',
      CREDENTIAL_VALIDITY: 'passed',
      CREDENTIAL_ENDORSEMENTS: 'not_applicable',
      RECIPIENT: 'not_applicable',
    });
    expect(result.graph).toEqual([signed]);
    expect(result.input).toEqual({ input_type: 'json', value: JSON.stringify(signed) });
    expect(fetchDocument.requested).toEqual([ISSUER]);
  });

  it('refuses a credential changed after signing', async () => {
    const tampered = { ...signed, name: 'Welding II' };
    const result = await verifyOpenBadgeCredential(tampered, { fetchDocument: servedDocuments({ [ISSUER]: controllerDocument(ISSUER, [key]) }) });
    expect(errors(result)).toEqual(['EmbeddedProofProbe:VC_PROOF_INVALID']);
    expect(steps(result)).toMatchObject({ CREDENTIAL_PROOF: 'failed', CREDENTIAL_ISSUER: 'skipped' });
  });

  it('refuses a key that signs well but belongs to someone else than the issuer', async () => {
    const other = 'https://mallory.example/me';
    const malloryKey = await ed25519Key(other, 'k');
    const forged = await signDataIntegrity(testCredential(ISSUER), malloryKey);
    const result = await verifyOpenBadgeCredential(forged, { fetchDocument: servedDocuments({ [other]: controllerDocument(other, [malloryKey]) }) });
    expect(errors(result)).toEqual(['VERIFY_KEY_OWNERSHIP:VC_KEY_NOT_ISSUERS']);
    expect(steps(result)).toMatchObject({ CREDENTIAL_PROOF: 'passed', CREDENTIAL_ISSUER: 'failed' });
  });

  it('refuses a document that claims to be another (the issuer): a server vouches only for its own address', async () => {
    const other = 'https://mallory.example/me';
    const malloryKey = await ed25519Key(other, 'k');
    const forged = await signDataIntegrity(testCredential(ISSUER), malloryKey);
    // Mallory's document names the issuer as the key's controller and as its own id.
    const lying = { ...controllerDocument(ISSUER, [malloryKey]), id: ISSUER };
    const result = await verifyOpenBadgeCredential(forged, { fetchDocument: servedDocuments({ [other]: lying }) });
    expect(errors(result)).toEqual(['EmbeddedProofProbe:VC_DID_DOCUMENT_MISMATCH']);
    expect(result.report.valid).toBe(false);
  });

  it('refuses a key its controller does not list as an assertion method', async () => {
    const document = { ...controllerDocument(ISSUER, [key]), assertionMethod: [] };
    const result = await verifyOpenBadgeCredential(signed, { fetchDocument: servedDocuments({ [ISSUER]: document }) });
    expect(errors(result)).toEqual(['EmbeddedProofProbe:VC_KEY_NOT_ASSERTION']);
  });

  it('says which download failed when the controller document cannot be read', async () => {
    const result = await verifyOpenBadgeCredential(signed, { fetchDocument: servedDocuments({}) });
    expect(errors(result)).toEqual(['EmbeddedProofProbe:FETCH_HTTP_STATUS']);
    expect(result.report.messages.find((m) => m.level === 'ERROR')?.message).toContain(`Could not download ${ISSUER}: the server answered HTTP 404.`);
  });

  it('derives a did:key issuer\'s key locally: nothing is fetched', async () => {
    const didKey = await didKeyKey();
    const fetchDocument = servedDocuments({});
    const credential = await signDataIntegrity(testCredential(didKey.controller), didKey);
    expect(errors(await verifyOpenBadgeCredential(credential, { fetchDocument }))).toEqual([]);
    expect(fetchDocument.requested).toEqual([]);
    // A did:key DID has exactly one key, whose fragment is the DID's own multibase.
    const otherFragment = { ...credential, proof: { ...(credential.proof as JsonNode), verificationMethod: `${didKey.controller}#key-1` } };
    expect(errors(await verifyOpenBadgeCredential(otherFragment, { fetchDocument }))).toEqual(['EmbeddedProofProbe:VC_KEY_NOT_FOUND']);
  });

  it('resolves a did:web issuer through its DID document (http only for the hosts it is told)', async () => {
    const did = 'did:web:badges.example%3A8443:public:issuers:7';
    const didKey = await ed25519Key(did, 'key-1');
    const credential = await signDataIntegrity(testCredential(did), didKey);
    const https = servedDocuments({ 'https://badges.example:8443/public/issuers/7/did.json': controllerDocument(did, [didKey]) });
    expect(errors(await verifyOpenBadgeCredential(credential, { fetchDocument: https }))).toEqual([]);
    const http = servedDocuments({ 'http://badges.example:8443/public/issuers/7/did.json': controllerDocument(did, [didKey]) });
    expect(errors(await verifyOpenBadgeCredential(credential, { fetchDocument: http, didWebHttpHosts: ['badges.example:8443'] }))).toEqual([]);
    expect(http.requested).toEqual(['http://badges.example:8443/public/issuers/7/did.json']);
  });

  it('reports the legacy Ed25519Signature2020 as legacy (a warning) and a VC 1.1 credential as older (a warning)', async () => {
    const db = await import('./proof/digital-bazaar').then((m) => m.digitalBazaar());
    const { createBundledDocumentLoader } = await import('../../context/bundled-document-loader');
    const loader = createBundledDocumentLoader();
    const v1 = testCredential(ISSUER, {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://w3id.org/security/suites/ed25519-2020/v1'],
      issuanceDate: '2024-01-15T10:00:00Z',
    });
    delete v1.validFrom;
    const legacyKey = await db.Ed25519Multikey.generate({ controller: ISSUER, id: `${ISSUER}#legacy` });
    const suite = new db.Ed25519Signature2020({ signer: legacyKey.signer() });
    const credential = await db.vc.issue({ credential: v1, suite, documentLoader: async (url) => ({ ...(await loader(url)), contextUrl: null }) });
    const { publicKeyMultibase } = legacyKey;
    const document = controllerDocument(ISSUER, [{ methodId: `${ISSUER}#legacy`, controller: ISSUER, publicKeyMultibase, keyPair: legacyKey }]);
    const result = await verifyOpenBadgeCredential(credential, { fetchDocument: servedDocuments({ [ISSUER]: document }) });
    expect(result.report.valid).toBe(true);
    expect(result.report.messages.filter((m) => m.level === 'WARNING').map((m) => m.messageCode)).toEqual(expect.arrayContaining(['VC_CONTEXT_V1', 'VC_PROOF_LEGACY']));
  });

  it('tells the report in French when asked, with the same codes', async () => {
    const result = await verifyOpenBadgeCredential({ ...signed, name: 'x' }, { fetchDocument: servedDocuments({ [ISSUER]: controllerDocument(ISSUER, [key]) }) });
    const fr = localizeResult(result, 'fr');
    expect(fr.report.messages.find((m) => m.level === 'ERROR')?.code).toBe('EmbeddedProofProbe');
    expect(fr.report.messages.find((m) => m.level === 'ERROR')?.message).toMatch(/^La signature de l’attestation n’est pas valide/);
    expect(fr.report.steps?.find((s) => s.step === 'CREDENTIAL_PROOF')?.title).toMatch(/^Vérifier la signature/);
  });
});

describe('verifyOpenBadgeCredential: VC-JWT', () => {
  const DID = 'did:web:badges.example:public:issuers:9';
  const JWKS = 'https://badges.example/public/issuers/9/jwks.json';

  it.each(['RS256', 'ES256'] as const)('verifies a %s VC-JWT whose kid is the issuer\'s JWKS, published beside its DID document', async (alg) => {
    const key = await jwtKey(alg, 'k1');
    const jwt = await signVcJwt(testCredential(DID), key, { kid: `${JWKS}#k1` });
    const fetchDocument = servedDocuments({ [JWKS]: { keys: [key.publicJwk] } });
    const result = await verifyOpenBadgeCredential(jwt, { fetchDocument });
    expect(errors(result)).toEqual([]);
    expect(result.input).toEqual({ input_type: 'jws', value: jwt });
    expect(steps(result)).toMatchObject({ CREDENTIAL_PROOF: 'passed', CREDENTIAL_ISSUER: 'passed' });
  });

  it('refuses a JWKS that is not under the issuer\'s address, and a key the JWT carries itself', async () => {
    const key = await jwtKey('RS256', 'k1');
    const elsewhere = 'https://badges.example/public/issuers/10/jwks.json';
    const outside = await signVcJwt(testCredential(DID), key, { kid: `${elsewhere}#k1` });
    expect(errors(await verifyOpenBadgeCredential(outside, { fetchDocument: servedDocuments({ [elsewhere]: { keys: [key.publicJwk] } }) }))).toEqual([
      'VERIFY_KEY_OWNERSHIP:VC_KEY_OUTSIDE_ISSUER',
    ]);
    const embedded = await signVcJwt(testCredential(DID), key, { jwk: key.publicJwk });
    expect(errors(await verifyOpenBadgeCredential(embedded, { fetchDocument: servedDocuments({}) }))).toEqual(['VERIFY_KEY_OWNERSHIP:VC_KEY_EMBEDDED']);
  });

  it('verifies an EdDSA VC-JWT whose kid is a did:key URL of a did:key issuer', async () => {
    const key = await jwtKey('EdDSA');
    const { Ed25519Multikey } = await import('./proof/digital-bazaar').then((m) => m.digitalBazaar());
    const multikey = await Ed25519Multikey.fromJwk({ jwk: key.publicJwk as unknown as JsonNode });
    const { publicKeyMultibase } = multikey;
    const did = `did:key:${publicKeyMultibase}`;
    const jwt = await signVcJwt(testCredential(did), key, { kid: `${did}#${publicKeyMultibase}` });
    expect(errors(await verifyOpenBadgeCredential(jwt, { fetchDocument: servedDocuments({}) }))).toEqual([]);
  });

  it('refuses a signature that does not match, claims that contradict the credential, and algorithms that are not asymmetric', async () => {
    const key = await jwtKey('RS256', 'k1');
    const served = servedDocuments({ [JWKS]: { keys: [key.publicJwk] } });
    const jwt = await signVcJwt(testCredential(DID), key, { kid: `${JWKS}#k1` });
    const [header, payload] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, vc: { ...claims.vc, name: 'Forged' } })).toString('base64url')}.${jwt.split('.')[2]}`;
    expect(errors(await verifyOpenBadgeCredential(altered, { fetchDocument: served }))).toEqual(['ExternalProofProbe:VC_PROOF_INVALID']);

    const { SignJWT } = await import('jose');
    const lying = await new SignJWT({ ...claims, iss: 'did:web:elsewhere.example' }).setProtectedHeader({ alg: 'RS256', kid: `${JWKS}#k1` }).sign(key.privateKey);
    expect(errors(await verifyOpenBadgeCredential(lying, { fetchDocument: served }))).toEqual(['ExternalProofProbe:VC_JWT_CLAIM_MISMATCH']);

    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: `${JWKS}#k1` }).sign(new TextEncoder().encode('a shared secret of enough length!'));
    expect(errors(await verifyOpenBadgeCredential(hs256, { fetchDocument: served }))).toEqual(['ExternalProofProbe:VC_JWT_ALGORITHM_REFUSED']);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.c2ln`;
    expect(errors(await verifyOpenBadgeCredential(none, { fetchDocument: served }))).toEqual(['ExternalProofProbe:VC_JWT_ALGORITHM_REFUSED']);
  });
});
