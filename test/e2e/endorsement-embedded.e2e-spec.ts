import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { compactVerify, decodeProtectedHeader, exportJWK, importJWK, importSPKI } from 'jose';

import { validateNode } from '@badges/openbadges';

import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

const LD = { accept: 'application/ld+json' };
const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'));

/**
 * Endorsements on the embedded default (`npm start`: one process, in-process bus), on PGlite and
 * on PostgreSQL when DATABASE_URL is set: the same walk as the distributed acceptance, shorter,
 * plus an endorser with signed verification. The full one is
 * test/distributed/endorsement-flow.kafka-spec.ts.
 */
describe.each(embeddedStorageTargets())('endorsements on the embedded runner on $name', (target) => {
  let dataDir: string;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let platform: PlatformProcess;
  let anonymous: ApiClient;
  let college: { id: string; api: ApiClient };

  const institution = async (name: string) => {
    const created = await anonymous.withToken(platform.adminToken).post('/admin/institutions', { name });
    const { clientId, clientSecret } = created.body.client;
    const token = await anonymous.post('/o/token', { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return { id: created.body.id as string, api: anonymous.withToken(token.body.access_token) };
  };
  const badgeClassOf = async (issuerId: string, name: string) =>
    (await college.api.post(`/v2/issuers/${issuerId}/badgeclasses`, { name, description: 'Built a robot.', image: pngDataUri(), criteriaNarrative: 'Build a robot.' })).body.result[0];
  const endorse = async (endorser: { id: string; api: ApiClient }, badgeClassId: string, comment: string) => {
    const request = await college.api.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badgeClassId }, endorser: endorser.id });
    expect(request.status).toBe(201);
    const approved = await endorser.api.post(`/v2/endorsement-requests/${request.body.result[0].entityId}/approve`, { comment });
    expect(approved.status).toBe(201);
    return approved.body.result[0];
  };
  const publicBadge = async (badgeClassId: string) => (await anonymous.get(`/public/badges/${badgeClassId}`, LD)).body;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-e2e-endorse-'));
    storage = await target.env();
    const port = await freePort();
    platform = await startPlatformProcess({ ...storage.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` });
    anonymous = new ApiClient(platform.url);
    college = await institution('Northern College');
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await storage?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('request, approve, publish on the BadgeClass, withdraw', async () => {
    const ready = await anonymous.get('/ready');
    expect(ready.body.services.endorsement).toBe('up');
    const council = await institution('Engineering Council');
    const issuer = await college.api.post('/v2/issuers', { name: 'Faculty of Engineering', email: 'badges@northern.example', url: 'https://northern.example' });
    const badgeClass = await badgeClassOf(issuer.body.result[0].entityId, 'Robotics Fundamentals');
    expect((await council.api.put('/v2/endorsers/self', { name: 'Engineering Council', url: 'https://council.example', email: 'e@council.example' })).status).toBe(200);

    const endorsement = await endorse(council, badgeClass.entityId, 'Solid.');
    const url = endorsement.openBadgeId;
    expect(endorsement.verification).toBe('hosted');

    await eventually(async () => ((await publicBadge(badgeClass.entityId)).endorsement ?? []).includes(url), 20_000, 'the endorsement on the BadgeClass');
    const document = await anonymous.get(url, LD);
    expect(validateNode(document.body, 'Endorsement')).toEqual([]);
    expect(document.body.claim).toEqual({ id: badgeClass.openBadgeId, endorsementComment: 'Solid.' });

    expect((await council.api.delete(`/v2/endorsements/${endorsement.entityId}`)).status).toBe(200);
    await eventually(async () => (await publicBadge(badgeClass.entityId)).endorsement === undefined, 20_000, 'the endorsement gone');
    expect((await anonymous.get(url, LD)).status).toBe(410);
  }, 60_000);

  it('a signed endorser: its Endorsement is a JWS that verifies with the published key alone, the verifier says valid, withdrawal lists it as revoked', async () => {
    const board = await institution('Accreditation Board');
    const bad = await board.api.put('/v2/endorsers/self', { name: 'Accreditation Board', url: 'https://board.example', email: 'e@board.example', verification: 'sealed' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'verification' });
    const profile = (await board.api.put('/v2/endorsers/self', { name: 'Accreditation Board', url: 'https://board.example', email: 'e@board.example', verification: 'signed' })).body.result[0];
    expect(profile.verification).toBe('signed');
    const issuer = await college.api.post('/v2/issuers', { name: 'Faculty of Science', email: 'science@northern.example', url: 'https://northern.example' });
    const badgeClass = await badgeClassOf(issuer.body.result[0].entityId, 'Lab Safety');

    const endorsement = await endorse(board, badgeClass.entityId, 'Accredited.');
    const url = endorsement.openBadgeId as string;
    const jws = endorsement.signature as string;
    expect(endorsement.verification).toBe('signed');

    // The JWS form of the endorsement URL, and the JSON form is what was signed.
    const served = await anonymous.get(url, { accept: 'application/jose' });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/jose');
    expect(served.body).toBe(jws);
    const json = (await anonymous.get(url, LD)).body;
    expect(json).toEqual(payloadOf(jws));
    expect(validateNode(json, 'Endorsement')).toEqual([]);
    expect(json).toMatchObject({ issuer: profile.openBadgeId, claim: { id: badgeClass.openBadgeId, endorsementComment: 'Accredited.' }, verification: { type: 'SignedBadge' } });

    // Independent check: jose alone, with the JWK of the CryptographicKey published at `kid`.
    const { alg, kid } = decodeProtectedHeader(jws);
    expect(alg).toBe('RS256');
    expect(kid).toBe(json.verification.creator);
    const key = (await anonymous.get(kid as string, LD)).body;
    expect(key).toMatchObject({ type: 'CryptographicKey', id: kid, owner: profile.openBadgeId });
    expect((await anonymous.get(profile.openBadgeId, LD)).body).toMatchObject({ publicKey: [kid], revocationList: `${profile.openBadgeId}/revocations` });
    const jwk = await exportJWK(await importSPKI(key.publicKeyPem, 'RS256'));
    const verified = await compactVerify(jws, await importJWK(jwk, 'RS256'), { algorithms: ['RS256'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(json);

    // The verification service, on a badge of that class: the endorsement is checked and valid.
    await eventually(async () => ((await publicBadge(badgeClass.entityId)).endorsement ?? []).includes(url), 20_000, 'the endorsement on the BadgeClass');
    const award = await college.api.post(`/v2/badgeclasses/${badgeClass.entityId}/assertions`, { recipient: { identity: 'ada@example.org' } });
    expect(award.status).toBe(201);
    const verification = await anonymous.post('/v2/verify', { url: award.body.result[0].openBadgeId });
    expect(verification.status).toBe(200);
    expect(verification.body.report.valid).toBe(true);
    expect(verification.body.report.endorsements).toEqual([
      expect.objectContaining({ id: url, target: badgeClass.openBadgeId, status: 'valid', endorser: { id: profile.openBadgeId, name: 'Accreditation Board' }, problems: [] }),
    ]);

    // Withdrawal: 410 at the URL (JSON and JWS alike), and the endorser's RevocationList lists it.
    expect((await board.api.delete(`/v2/endorsements/${endorsement.entityId}`, { reason: 'Accreditation lapsed' })).status).toBe(200);
    expect((await anonymous.get(url, LD)).status).toBe(410);
    expect((await anonymous.get(url, { accept: 'application/jose' })).status).toBe(410);
    const list = (await anonymous.get(`${profile.openBadgeId}/revocations`, LD)).body;
    expect(list).toMatchObject({ type: 'RevocationList', issuer: profile.openBadgeId, revokedAssertions: [{ id: url, revocationReason: 'Accreditation lapsed' }] });
    await eventually(async () => (await publicBadge(badgeClass.entityId)).endorsement === undefined, 20_000, 'the endorsement gone from the BadgeClass');
  }, 60_000);
});
