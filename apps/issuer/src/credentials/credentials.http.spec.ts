/**
 * OB 3.0 awards end to end through the issuer's HTTP API (decision 0048), on every storage target.
 * Each credential is checked INDEPENDENTLY of our own verifier: Data Integrity proofs with
 * @digitalbazaar/vc, whose document loader resolves the issuer's did:web DID through this app's own
 * routes (and contexts from the bundle only), status included; VC-JWTs with jose and nothing but the
 * JWK served at the header's `kid` (and the JWKS).
 */
import type { LightMyRequestResponse } from 'fastify';
import { createLocalJWKSet, decodeProtectedHeader, importJWK, jwtVerify, type JSONWebKeySet, type JWK } from 'jose';

import { Topic } from '@badges/events';
import { outboxEventsQuery } from '@badges/messaging';
import { createBundledDocumentLoader, decodeStatusList, didWebDocumentUrl, STATUS_LIST_LENGTH, unbakeCredentialImage } from '@badges/openbadges';
import { databaseTargets } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { badgeClassBody, issuerBody, SVG_DATA_URI, TEST_CONFIG } from '../testing/fixtures';
import { createTestApp, TEST_INTERNAL_TOKEN, type TestApp } from '../testing/issuer-test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = TEST_CONFIG.publicUrl;
const publicHeaders = { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN };
const bundled = createBundledDocumentLoader();
/** The same second, whatever precision each side writes. */
const sameSecond = (a: string, b: string) => Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);

describe.each(databaseTargets())('OB 3.0 credentials on $name', (target) => {
  let t: TestApp;
  let A: Record<string, string>;
  let issuer: Json;
  let ob3Class: Json;
  let bothClass: Json;

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  /** A public URL of this app, read as a verifier would (no tenant headers). */
  const get = (url: string, headers: Record<string, string> = {}) => {
    if (!url.startsWith(`${BASE}/`)) throw new Error(`${url} is not this app's`);
    return call('GET', url.slice(BASE.length), { ...publicHeaders, ...headers });
  };
  const created = async (response: Promise<LightMyRequestResponse>): Promise<Json> => {
    const r = await response;
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return (r.json() as Json).result[0];
  };
  const award = (badgeClassId: string, identity: string, extra: Json = {}) =>
    created(call('POST', `/v2/badgeclasses/${badgeClassId}/assertions`, A, { recipient: { identity }, narrative: 'Did **well**.', evidence: [{ url: 'https://evidence.example.org/1', narrative: 'Lab log' }], ...extra }));
  const newClass = (issuerId: string, overrides: Json) => created(call('POST', `/v2/issuers/${issuerId}/badgeclasses`, A, badgeClassBody(overrides)));
  const credentialOf = async (assertion: Json): Promise<LightMyRequestResponse> => get(assertion.openBadgeCredentialUrl as string);
  const eventsOf = async (topic: string, aggregateId: string): Promise<Json[]> => {
    const rows = await t.app.get(IssuerPrismaService).database.query<{ topic: string; envelope: Json }>(outboxEventsQuery('issuer'));
    return rows.filter((row) => row.topic === topic && row.envelope.aggregateId === aggregateId).map((row) => row.envelope);
  };

  /** Resolves the issuer's did:web DID (and its keys) through the app's own did.json route; contexts from the bundle. */
  const documentLoader = async (url: string) => {
    if (!url.startsWith('did:web:')) return bundled(url);
    const [did] = url.split('#');
    const response = await get(didWebDocumentUrl(did));
    expect(response.statusCode).toBe(200);
    const didDocument = response.json() as Json;
    if (url === did) return { documentUrl: url, document: didDocument };
    const method = (didDocument.verificationMethod as Json[]).find((m) => m.id === url);
    if (!method) throw new Error(`${url} is not in the DID document.`);
    return { documentUrl: url, document: { '@context': didDocument['@context'], ...method } };
  };

  /** What @digitalbazaar/vc makes of a credential, its status read from the app's status list (itself verified first). */
  const verifyLd = async (credential: unknown) => {
    const [vc, { DataIntegrityProof }, { cryptosuite }] = await Promise.all([
      import('@digitalbazaar/vc'),
      import('@digitalbazaar/data-integrity'),
      import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    ]);
    const suite = new DataIntegrityProof({ cryptosuite });
    const checkStatus = async ({ credential: checked }: { credential: Record<string, unknown> }) => {
      const entry = checked.credentialStatus as { statusListCredential: string; statusListIndex: string };
      const list = await statusListOf(entry.statusListCredential);
      const listResult = await vc.verifyCredential({ credential: list, suite, documentLoader, now: new Date() });
      if (!listResult.verified) return { verified: false, error: listResult.error };
      const bits = await decodeStatusList((list.credentialSubject as Json).encodedList as string);
      return bits.isSet(Number(entry.statusListIndex)) ? { verified: false, error: new Error('revoked') } : { verified: true };
    };
    return vc.verifyCredential({ credential, suite, documentLoader, checkStatus, now: new Date() });
  };
  const statusListOf = async (url: string): Promise<Json> => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vc+ld+json; charset=utf-8');
    return response.json() as Json;
  };
  const isRevokedInList = async (credential: Json): Promise<boolean> => {
    const list = await statusListOf(credential.credentialStatus.statusListCredential);
    return (await decodeStatusList(list.credentialSubject.encodedList)).isSet(Number(credential.credentialStatus.statusListIndex));
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    A = await t.institution('inst-a');
    issuer = await created(call('POST', '/v2/issuers', A, issuerBody()));
    ob3Class = await newClass(issuer.entityId, { name: 'Welding III', openBadgesVersion: '3.0' });
    bothClass = await newClass(issuer.entityId, { name: 'Welding II', openBadgesVersion: 'both', verification: 'signed' });
  });
  afterAll(async () => t.close());

  it('issues an OB 3.0 award whose credential verifies with @digitalbazaar/vc against the served DID document', async () => {
    expect(issuer.credentialProof).toBe('eddsa-rdfc-2022');
    expect(ob3Class.openBadgesVersion).toBe('3.0');
    const assertion = await award(ob3Class.entityId, 'ann@example.org');
    expect(assertion).toMatchObject({
      openBadgeCredentialUrl: `${BASE}/public/credentials/${assertion.entityId}`,
      image: `${BASE}/public/credentials/${assertion.entityId}/image`,
      verification: 'hosted',
    });
    const response = await credentialOf(assertion);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vc+ld+json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.headers.link).toBeUndefined();
    const credential = response.json() as Json;
    const did = `did:web:badges.example.org:public:issuers:${issuer.entityId}`;
    expect(credential).toMatchObject({
      id: assertion.openBadgeCredentialUrl,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, name: 'Faculty of Science', url: `${BASE}/public/issuers/${issuer.entityId}` },
      credentialSubject: {
        identifier: [{ type: 'IdentityObject', identityHash: assertion.recipient.identity, salt: assertion.recipient.salt, hashed: true, identityType: 'emailAddress' }],
        narrative: 'Did **well**.',
        achievement: {
          id: `${BASE}/public/badges/${ob3Class.entityId}`,
          name: 'Welding III',
          criteria: { id: 'https://science.example.edu/lab-safety', narrative: 'Attend the **training** and pass the quiz.' },
          alignment: [expect.objectContaining({ targetName: 'Safety Standard', targetCode: 'S1' })],
          tag: ['safety', 'lab'],
          inLanguage: 'en',
          related: [{ id: `${BASE}/public/badges/${ob3Class.entityId}?lang=fr`, type: ['Related'], inLanguage: 'fr' }],
        },
      },
      evidence: [{ id: 'https://evidence.example.org/1', type: ['Evidence'], narrative: 'Lab log' }],
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: `${BASE}/public/issuers/${issuer.entityId}/status/0` },
      proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' }], // a list, as the official schema wants
    });
    expect(credential.proof[0].verificationMethod).toMatch(new RegExp(`^${did}#`));
    // The award's dates: issued now, expiring two years on (the badge class's expiry).
    expect(sameSecond(credential.validFrom, assertion.issuedOn) && sameSecond(credential.validUntil, assertion.expires)).toBe(true);
    const result = await verifyLd(credential);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    // Control: the same check refuses an altered credential.
    expect((await verifyLd({ ...credential, validUntil: '2099-01-01T00:00:00Z' })).verified).toBe(false);

    // The DID document lists the key; the 2.0 Profile lists only its JWS key (the signed class's), and
    // the Ed25519 key is no CryptographicKey.
    const didDocument = (await get(`${BASE}/public/issuers/${issuer.entityId}/did.json`)).json() as Json;
    expect(didDocument.assertionMethod).toEqual([credential.proof[0].verificationMethod]);
    const didKeyId = (credential.proof[0].verificationMethod as string).split('#')[1];
    const profileKeys = ((await get(`${BASE}/public/issuers/${issuer.entityId}`)).json() as Json).publicKey as string[];
    expect(profileKeys).toHaveLength(1);
    expect(profileKeys[0]).not.toContain(didKeyId);
    expect((await get(`${BASE}/public/issuers/${issuer.entityId}/keys/${didKeyId}`)).statusCode).toBe(404);
    expect((await get(`${BASE}/public/issuers/${issuer.entityId}/jwks/${didKeyId}`)).statusCode).toBe(404);
    const keys = ((await call('GET', `/v2/issuers/${issuer.entityId}/keys`, A)).json() as Json).result as Json[];
    expect(keys.filter((key) => key.algorithm === 'Ed25519')).toEqual([expect.objectContaining({ active: true, openBadgeId: credential.proof[0].verificationMethod })]);

    // No OB 2.0 form: its URLs answer 404 ob3_only, naming the credential.
    for (const url of [`/public/assertions/${assertion.entityId}`, `/public/assertions/${assertion.entityId}/image`]) {
      const ob2 = await call('GET', url, publicHeaders);
      expect(ob2.statusCode).toBe(404);
      expect(ob2.json().error.code).toBe('ob3_only');
      expect(ob2.json().error.message).toContain(`${BASE}/public/credentials/${assertion.entityId}`);
      expect(ob2.headers.link).toMatch(new RegExp(`^<${BASE}/public/credentials/${assertion.entityId}(/image)?>; rel="alternate"`));
    }

    // A browser gets the award's page, naming the credential and verifying it.
    const page = await get(assertion.openBadgeCredentialUrl, { accept: 'text/html' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Open Badges 3.0 credential (Verifiable Credential)');
    expect(page.body).toContain(`/verify?url=${encodeURIComponent(assertion.openBadgeCredentialUrl)}`);
    expect(page.body).toContain(`<link rel="canonical" href="${assertion.openBadgeCredentialUrl}">`);
    const french = await get(`${assertion.openBadgeCredentialUrl}?lang=fr`, { accept: 'text/html' });
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toContain('Justificatif Open Badges 3.0');

    const [event] = await eventsOf(Topic.AssertionIssued, assertion.entityId);
    expect(event.payload).toMatchObject({ credentialUrl: assertion.openBadgeCredentialUrl, credentialFormat: 'ldp', imageUrl: assertion.image });
    // The console's CSV names the award by its credential.
    const csv = (await call('GET', `/v2/badgeclasses/${ob3Class.entityId}/assertions.csv`, A)).body;
    expect(csv.split('\n').find((line) => line.startsWith(assertion.entityId))).toMatch(new RegExp(`,${assertion.openBadgeCredentialUrl}\r?$`));
  });

  it('sets the credential\'s bit in the status list as soon as its revocation answered; the credential still answers', async () => {
    const [kept, doomed] = [await award(ob3Class.entityId, 'kept@example.org'), await award(ob3Class.entityId, 'doomed@example.org')];
    const credential = (await credentialOf(doomed)).json() as Json;
    expect(await isRevokedInList(credential)).toBe(false);
    expect((await verifyLd(credential)).verified).toBe(true);

    expect((await call('DELETE', `/v2/assertions/${doomed.entityId}`, A, { revocation_reason: 'Issued in error' })).statusCode).toBe(200);
    expect(await isRevokedInList(credential)).toBe(true);
    const result = await verifyLd(credential);
    expect(result.verified).toBe(false);
    expect(String((result.statusResult?.error as Error | undefined)?.message ?? result.error)).toContain('revoked');
    // The event names the list that changed, so that caches of it (the verifier's) go stale.
    const [event] = await eventsOf(Topic.AssertionRevoked, doomed.entityId);
    expect((event.payload as Json).statusListUrl).toBe((credential.credentialStatus as Json).statusListCredential);
    // The list itself stays signed by the issuer, and only that bit moved.
    const keptCredential = (await credentialOf(kept)).json() as Json;
    expect(await isRevokedInList(keptCredential)).toBe(false);
    expect((await verifyLd(keptCredential)).verified).toBe(true);
    const again = await credentialOf(doomed);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(credential);
  });

  it('keeps two revocations racing on one list: both bits are set', async () => {
    const batch = await call('POST', `/v2/badgeclasses/${ob3Class.entityId}/issue`, A, { assertions: ['r1@example.org', 'r2@example.org', 'r3@example.org'].map((identity) => ({ recipient: { identity } })) });
    expect(batch.statusCode).toBe(201);
    const [first, second, spared] = (batch.json() as Json).result as Json[];
    const revocations = await Promise.all([first, second].map((a) => call('DELETE', `/v2/assertions/${a.entityId}`, A, { revocation_reason: 'Race' })));
    expect(revocations.map((r) => r.statusCode)).toEqual([200, 200]);
    for (const a of [first, second]) expect(await isRevokedInList((await credentialOf(a)).json() as Json)).toBe(true);
    expect(await isRevokedInList((await credentialOf(spared)).json() as Json)).toBe(false);
  });

  it('links the two forms of a "both" award, leaving its OB 2.0 document as before', async () => {
    const assertion = await award(bothClass.entityId, 'both@example.org');
    expect(assertion).toMatchObject({ verification: 'signed', image: `${BASE}/public/assertions/${assertion.entityId}/image`, openBadgeCredentialUrl: `${BASE}/public/credentials/${assertion.entityId}` });
    const ob2 = await get(assertion.openBadgeId, { accept: 'application/ld+json' });
    expect(ob2.statusCode).toBe(200);
    expect(ob2.headers.link).toBe(`<${assertion.openBadgeCredentialUrl}>; rel="alternate"; type="application/vc+ld+json"`);
    expect(JSON.stringify(ob2.json())).not.toContain('credentials');
    expect((await get(assertion.openBadgeId, { accept: 'text/html' })).body).toContain(`<a href="${assertion.openBadgeCredentialUrl}" type="application/vc+ld+json">`);

    const ob3 = await credentialOf(assertion);
    expect(ob3.headers.link).toBe(`<${assertion.openBadgeId}>; rel="alternate"; type="application/ld+json"`);
    const credential = ob3.json() as Json;
    expect(credential.credentialSubject.identifier[0]).toMatchObject({ identityHash: ob2.json().recipient.identity, salt: ob2.json().recipient.salt });
    expect((await verifyLd(credential)).verified).toBe(true);
    const page = await get(assertion.openBadgeCredentialUrl, { accept: 'text/html' });
    expect(page.body).toContain(`<a href="${assertion.openBadgeId}" type="application/ld+json">`);
    const [event] = await eventsOf(Topic.AssertionIssued, assertion.entityId);
    expect(event.payload).toMatchObject({ credentialUrl: assertion.openBadgeCredentialUrl, credentialFormat: 'ldp', imageUrl: assertion.image });
  });

  it('still verifies an old credential after the DID key is rotated; new ones use the new key', async () => {
    const before = (await credentialOf(await award(ob3Class.entityId, 'old@example.org'))).json() as Json;
    const rotated = await call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, A, { algorithm: 'Ed25519' });
    expect(rotated.statusCode).toBe(201);
    const dids = ((rotated.json() as Json).result as Json[]).filter((key) => key.algorithm === 'Ed25519');
    expect(dids).toEqual([expect.objectContaining({ active: false, openBadgeId: before.proof[0].verificationMethod }), expect.objectContaining({ active: true })]);
    const didDocument = (await get(`${BASE}/public/issuers/${issuer.entityId}/did.json`)).json() as Json;
    expect(didDocument.assertionMethod).toEqual(dids.map((key) => key.openBadgeId));
    expect((await verifyLd(before)).verified).toBe(true);
    const after = (await credentialOf(await award(ob3Class.entityId, 'new@example.org'))).json() as Json;
    expect(after.proof[0].verificationMethod).toBe(dids[1].openBadgeId);
    expect((await verifyLd(after)).verified).toBe(true);
  });

  it('signs a VC-JWT for a vc-jwt issuer: it verifies with jose against the JWK at its kid and the served JWKS', async () => {
    const jwtIssuer = await created(call('POST', '/v2/issuers', A, issuerBody({ name: 'Faculty of Trades', credentialProof: 'vc-jwt' })));
    expect(jwtIssuer.credentialProof).toBe('vc-jwt');
    const jwtClass = await newClass(jwtIssuer.entityId, { openBadgesVersion: '3.0' });
    const assertion = await award(jwtClass.entityId, 'jwt@example.org');
    const response = await credentialOf(assertion);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vc+jwt');
    const jwt = response.body;
    const header = decodeProtectedHeader(jwt);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.stringMatching(new RegExp(`^${BASE}/public/issuers/${jwtIssuer.entityId}/jwks/`)) });
    const jwk = await get(header.kid as string);
    expect(jwk.headers['content-type']).toBe('application/jwk+json; charset=utf-8');
    const { payload } = await jwtVerify(jwt, await importJWK(jwk.json() as JWK, 'RS256'));
    expect(payload).toMatchObject({ id: assertion.openBadgeCredentialUrl, jti: assertion.openBadgeCredentialUrl, iss: `did:web:badges.example.org:public:issuers:${jwtIssuer.entityId}`, type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    const jwks = await get(`${BASE}/public/issuers/${jwtIssuer.entityId}/jwks.json`);
    expect(jwks.headers['content-type']).toBe('application/jwk-set+json; charset=utf-8');
    await expect(jwtVerify(jwt, createLocalJWKSet(jwks.json() as JSONWebKeySet))).resolves.toBeDefined();
    // Control: a changed payload does not verify.
    const [h, , s] = jwt.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, name: 'Forged' })).toString('base64url')}.${s}`;
    await expect(jwtVerify(forged, createLocalJWKSet(jwks.json() as JSONWebKeySet))).rejects.toThrow();
    // Its status list is signed with the issuer's DID key all the same.
    expect((await verifyLd(await statusListOf((payload.credentialStatus as Json).statusListCredential as string))).verified).toBe(true);
    const [event] = await eventsOf(Topic.AssertionIssued, assertion.entityId);
    expect(event.payload).toMatchObject({ credentialFormat: 'jwt' });
  });

  it('bakes the credential into the badge image (PNG and SVG, JSON and JWT), keeps the bake, and withholds it once revoked', async () => {
    const prisma = t.app.get(IssuerPrismaService);
    const assertion = await award(ob3Class.entityId, 'baked@example.org');
    const stored = (await credentialOf(assertion)).body;
    const png = await get(assertion.image);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(unbakeCredentialImage(png.rawPayload)).toEqual({ credential: stored, format: 'json', kind: 'png' });
    expect(await prisma.bakedCredentialImage.count({ where: { assertionId: assertion.entityId } })).toBe(1);
    // Kept: the same bytes again, and 304 for the same ETag.
    expect((await get(assertion.image)).rawPayload.equals(png.rawPayload)).toBe(true);
    expect((await get(assertion.image, { 'if-none-match': png.headers.etag as string })).statusCode).toBe(304);

    const jwtIssuer = await created(call('POST', '/v2/issuers', A, issuerBody({ name: 'Faculty of Arts', credentialProof: 'vc-jwt' })));
    const svgClass = await newClass(jwtIssuer.entityId, { openBadgesVersion: 'both', image: SVG_DATA_URI });
    const svgAward = await award(svgClass.entityId, 'svg@example.org');
    const svg = await get(`${assertion.openBadgeCredentialUrl.replace(assertion.entityId, svgAward.entityId)}/image`);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(unbakeCredentialImage(svg.rawPayload)).toEqual({ credential: (await credentialOf(svgAward)).body, format: 'jwt', kind: 'svg' });

    expect((await call('DELETE', `/v2/assertions/${assertion.entityId}`, A, { revocation_reason: 'Withdrawn' })).statusCode).toBe(200);
    expect((await get(assertion.image)).statusCode).toBe(410);
    expect((await credentialOf(assertion)).statusCode).toBe(200);
  });

  it('signs the credential again when the award is edited, keeping its status index', async () => {
    const assertion = await award(ob3Class.entityId, 'edit@example.org');
    const before = (await credentialOf(assertion)).json() as Json;
    const edited = await call('PUT', `/v2/assertions/${assertion.entityId}`, A, { narrative: 'Did even better.' });
    expect(edited.statusCode).toBe(200);
    const after = (await credentialOf(assertion)).json() as Json;
    expect(after.credentialSubject.narrative).toBe('Did even better.');
    expect(after.credentialStatus).toEqual(before.credentialStatus);
    expect((await verifyLd(after)).verified).toBe(true);
  });

  it('makes one credential per row of a bulk award in "both" mode', async () => {
    const bulkClass = await newClass(issuer.entityId, { name: 'Bulk', openBadgesVersion: 'both' });
    const csv = ['email', ...Array.from({ length: 60 }, (_, i) => `bulk${i}@example.org`), 'not-an-email', ''].join('\n');
    const posted = await call('POST', `/v2/badgeclasses/${bulkClass.entityId}/bulk-awards`, { ...A, 'content-type': 'text/csv' }, csv);
    expect(posted.statusCode).toBe(202);
    const jobId = (posted.json() as Json).result[0].jobId as string;
    const deadline = Date.now() + 60_000;
    let job: Json;
    for (;;) {
      job = ((await call('GET', `/v2/bulk-awards/${jobId}`, A)).json() as Json).result[0];
      if (job.status === 'completed' || job.status === 'failed' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).toMatchObject({ status: 'completed', total: 61, done: 60, failed: 1 });
    const rows = await t.app.get(IssuerPrismaService).assertion.findMany({ where: { badgeClassId: bulkClass.entityId }, select: { id: true, credential: true, credentialFormat: true, statusListIndex: true, openBadgesVersion: true } });
    expect(rows).toHaveLength(60);
    expect(rows.every((row) => row.credential && row.credentialFormat === 'ldp' && row.openBadgesVersion === 'both')).toBe(true);
    expect(new Set(rows.map((row) => row.statusListIndex)).size).toBe(60);
    for (const row of rows.slice(0, 2)) {
      const credential = JSON.parse(row.credential as string) as Json;
      expect(credential.id).toBe(`${BASE}/public/credentials/${row.id}`);
      expect(Number(credential.credentialStatus.statusListIndex)).toBe((row.statusListIndex as number) % STATUS_LIST_LENGTH);
      expect((await verifyLd(credential)).verified).toBe(true);
    }
  });

  it('answers 404 for the credential of an award in OB 2.0 only, and for status lists that do not exist', async () => {
    const ob2Class = await newClass(issuer.entityId, { name: 'Plain' });
    expect(ob2Class.openBadgesVersion).toBe('2.0');
    const assertion = await award(ob2Class.entityId, 'plain@example.org');
    expect(assertion.openBadgeCredentialUrl).toBeUndefined();
    expect((await call('GET', `/public/assertions/${assertion.entityId}`, publicHeaders)).headers.link).toBeUndefined();
    expect((await get(`${BASE}/public/credentials/${assertion.entityId}`)).statusCode).toBe(404);
    for (const list of ['1', 'abc', '-1', '01', '99999999999']) {
      const response = await get(`${BASE}/public/issuers/${issuer.entityId}/status/${list}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect((await get(`${BASE}/public/issuers/AAAAAAAAAAAAAAAAAAAAAA/did.json`)).statusCode).toBe(404);
  });

  it('refuses bad OB 3.0 inputs with 400 and writes nothing', async () => {
    const refused = async (response: Promise<LightMyRequestResponse>, field: string) => {
      const r = await response;
      expect(r.statusCode).toBe(400);
      expect((r.json() as Json).error).toMatchObject({ code: 'validation_failed', field });
    };
    const classes = await t.app.get(IssuerPrismaService).badgeClass.count();
    await refused(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ openBadgesVersion: '3' })), 'openBadgesVersion');
    await refused(call('POST', `/v2/issuers/${issuer.entityId}/badgeclasses`, A, badgeClassBody({ openBadgesVersion: '3.0', verification: 'signed' })), 'verification');
    expect(await t.app.get(IssuerPrismaService).badgeClass.count()).toBe(classes);
    // A signed class cannot become 3.0 only (nor a 3.0 class signed), whatever the PUT leaves out.
    const { image: _image, ...update } = badgeClassBody();
    await refused(call('PUT', `/v2/badgeclasses/${bothClass.entityId}`, A, { ...update, openBadgesVersion: '3.0' }), 'verification');
    await refused(call('PUT', `/v2/badgeclasses/${ob3Class.entityId}`, A, { ...update, verification: 'signed' }), 'verification');
    await refused(call('PUT', `/v2/badgeclasses/${ob3Class.entityId}`, A, { ...update, openBadgesVersion: 'latest' }), 'openBadgesVersion');
    expect(((await call('GET', `/v2/badgeclasses/${bothClass.entityId}`, A)).json() as Json).result[0]).toMatchObject({ openBadgesVersion: 'both', verification: 'signed' });
    await refused(call('POST', '/v2/issuers', A, issuerBody({ credentialProof: 'Ed25519Signature2020' })), 'credentialProof');
    await refused(call('PUT', `/v2/issuers/${issuer.entityId}`, A, issuerBody({ credentialProof: 'jws' })), 'credentialProof');
    await refused(call('POST', `/v2/issuers/${issuer.entityId}/keys/rotate`, A, { algorithm: 'Ed448' }), 'algorithm');
    // A hashed id cannot be a credential's subject.
    const assertions = await t.app.get(IssuerPrismaService).assertion.count();
    await refused(call('POST', `/v2/badgeclasses/${ob3Class.entityId}/assertions`, A, { recipient: { identity: 'did:example:123', type: 'id', hashed: true } }), 'recipient.hashed');
    expect(await t.app.get(IssuerPrismaService).assertion.count()).toBe(assertions);
    // Unhashed, it is the subject's id.
    const idAward = await created(call('POST', `/v2/badgeclasses/${ob3Class.entityId}/assertions`, A, { recipient: { identity: 'did:example:123', type: 'id' } }));
    expect(((await credentialOf(idAward)).json() as Json).credentialSubject.id).toBe('did:example:123');
  });
});
